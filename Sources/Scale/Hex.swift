/// Hex strings as Substrate JSON-RPC writes them: lower-case, `0x`-prefixed.
///
/// Node replies carry SCALE bytes as hex (PROTOCOL.md §1); a malformed
/// string is a typed error, never a trap.
public enum Hex {
    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    public static func encode(_ b: some Sequence<UInt8>, prefix: Bool = true) -> String {
        var out: [UInt8] = prefix ? [0x30, 0x78] : []
        out.reserveCapacity(out.count + b.underestimatedCount * 2)
        for x in b {
            out.append(digits[Int(x >> 4)])
            out.append(digits[Int(x & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses hex with an optional `0x`/`0X` prefix, either case; an odd length
    /// or a non-hex character throws `ScaleError.invalidHex`.
    public static func decode(_ s: String) throws -> [UInt8] {
        let utf8 = Array(s.utf8)
        var base = 0
        if utf8.count >= 2, utf8[0] == 0x30, utf8[1] == 0x78 || utf8[1] == 0x58 {
            base = 2
        }
        let n = utf8.count - base
        guard n % 2 == 0 else {
            throw ScaleError.invalidHex(position: utf8.count, reason: "odd number of hex digits (\(n))")
        }
        var out = [UInt8]()
        out.reserveCapacity(n / 2)
        var i = base
        while i < utf8.count {
            guard let hi = nibble(utf8[i]) else { throw ScaleError.invalidHex(position: i, reason: "not a hex digit") }
            guard let lo = nibble(utf8[i + 1]) else { throw ScaleError.invalidHex(position: i + 1, reason: "not a hex digit") }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    @inline(__always)
    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x61...0x66: return c - 0x61 + 10
        case 0x41...0x46: return c - 0x41 + 10
        default: return nil
        }
    }
}
