/// Human durations for reasons and countdowns ("6d 23h", "4m 12s").
public enum Durations {
    public static func text(seconds: UInt64) -> String {
        let d = seconds / 86_400, h = seconds % 86_400 / 3_600, m = seconds % 3_600 / 60, s = seconds % 60
        if d > 0 { return "\(d)d \(h)h" }
        if h > 0 { return "\(h)h \(m)m" }
        if m > 0 { return "\(m)m \(s)s" }
        return "\(s)s"
    }

    /// A block count with its nominal duration: "25 blocks (5m 0s)".
    public static func text(blocks: Int, blockTimeSec: UInt32 = ChainConstants.blockTimeSec) -> String {
        let b = Swift.max(0, blocks)
        return "\(b) block\(b == 1 ? "" : "s") (\(text(seconds: UInt64(b) * UInt64(blockTimeSec))))"
    }
}
