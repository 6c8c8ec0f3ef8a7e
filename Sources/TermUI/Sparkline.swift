/// A sparkline: the newest values at the right, one column per value, scaled
/// to the area's height in eighths of a cell.
///
/// Why: heartbeat intervals and V over time read best as a shape, in one row
/// of a dense pane.
public struct Sparkline: Widget, Sendable {
    public var values: [Double]
    /// Value drawn as a full column; nil uses the largest visible value.
    public var maximum: Double?
    public var role: StyleRole

    public init(_ values: [Double], maximum: Double? = nil, role: StyleRole = .sparkline) {
        self.values = values
        self.maximum = maximum
        self.role = role
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        let a = area.intersection(buffer.area)
        guard !a.isEmpty, !values.isEmpty else { return }
        let visible = values.suffix(a.width).map { $0.isFinite && $0 > 0 ? $0 : 0 }
        let top = maximum.flatMap { $0.isFinite && $0 > 0 ? $0 : nil } ?? (visible.max() ?? 0)
        let levels = buffer.glyphs.sparkLevels
        guard top > 0, !levels.isEmpty else { return }
        let steps = levels.count
        let startX = a.right - visible.count
        for (i, value) in visible.enumerated() {
            // Total height in level steps, at least one step for any non-zero value.
            let scaled = min(1, value / top) * Double(a.height * steps)
            var remaining = value > 0 ? max(1, Int(scaled.rounded())) : 0
            var y = a.bottom - 1
            while remaining > 0 && y >= a.top {
                let step = min(steps, remaining)
                buffer.set(x: startX + i, y: y, Cell(symbol: levels[step - 1], role: role))
                remaining -= step
                y -= 1
            }
        }
    }
}
