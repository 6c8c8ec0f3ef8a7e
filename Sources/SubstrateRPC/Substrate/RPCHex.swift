/// Hex for RPC params and results (`0x`-prefixed, lowercase on output).
///
/// Kept behind these two functions so the codec can move to Scale's `Hex`
/// without touching callers.
public enum RPCHex {
    /// `0x` followed by two lowercase digits per byte.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = [UInt8(ascii: "0"), UInt8(ascii: "x")]
        out.reserveCapacity(2 + bytes.underestimatedCount * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes hex with an optional `0x` prefix; either case; an even digit count.
    public static func decode(_ text: String) throws(RPCHexError) -> [UInt8] {
        var utf8 = Array(text.utf8)[...]
        if utf8.count >= 2, utf8[utf8.startIndex] == UInt8(ascii: "0"),
           utf8[utf8.startIndex + 1] == UInt8(ascii: "x") || utf8[utf8.startIndex + 1] == UInt8(ascii: "X") {
            utf8 = utf8.dropFirst(2)
        }
        guard utf8.count % 2 == 0 else { throw RPCHexError.oddLength(utf8.count) }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count / 2)
        var i = utf8.startIndex
        while i < utf8.endIndex {
            guard let hi = nibble(utf8[i]) else { throw RPCHexError.invalidDigit(offset: i) }
            guard let lo = nibble(utf8[i + 1]) else { throw RPCHexError.invalidDigit(offset: i + 1) }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    /// Minimal `0x` hex of an integer ("0x0", "0x1a"), as Substrate writes block numbers.
    public static func encodeNumber(_ value: UInt64) -> String {
        "0x" + String(value, radix: 16)
    }

    /// Reads a `0x` hex integer of at most 64 bits (leading zeros allowed).
    public static func decodeNumber(_ text: String) -> UInt64? {
        guard text.hasPrefix("0x") || text.hasPrefix("0X") else { return nil }
        let digits = text.dropFirst(2)
        guard !digits.isEmpty else { return nil }
        let trimmed = digits.drop { $0 == "0" }
        guard trimmed.count <= 16 else { return nil }
        return trimmed.isEmpty ? 0 : UInt64(trimmed, radix: 16)
    }

    @inline(__always) static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

/// Why a hex string was refused (offsets count characters, prefix included).
public enum RPCHexError: Error, Sendable, Hashable {
    case oddLength(Int)
    case invalidDigit(offset: Int)
}
