import Scale

/// Hex for RPC params and results (`0x`-prefixed, lowercase on output).
///
/// Encoding goes through Scale's `Hex` (one codec for the whole project).
/// Decoding reads the string's UTF-8 storage in place into the output
/// buffer (no intermediate arrays): every storage key and value the engine
/// reads passes here (issue 6 performance targets). It accepts and refuses
/// exactly what `Hex.decode` does, with the same positions. This also adds
/// the `NumberOrHex` integers Substrate uses for block numbers.
public enum RPCHex {
    /// `0x` followed by two lowercase digits per byte.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        if let s = bytes.withContiguousStorageIfAvailable({ encode(raw: UnsafeRawBufferPointer($0)) }) { return s }
        return encode(Array(bytes))
    }

    /// The same for an array, written straight into the string's storage
    /// (storage keys in every request; the generic path was a hot spot).
    public static func encode(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { encode(raw: $0) }
    }

    static func encode(raw p: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: 2 + 2 * p.count) { out in
            out[0] = 0x30
            out[1] = 0x78
            var o = 2
            for b in p {
                out[o] = hexDigit(b >> 4)
                out[o + 1] = hexDigit(b & 15)
                o += 2
            }
            return o
        }
    }

    @inline(__always)
    static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x57 + v }

    /// Decodes hex with an optional `0x` prefix; either case; an even digit count.
    public static func decode(_ text: String) throws(RPCHexError) -> [UInt8] {
        var text = text
        if let r = text.utf8.withContiguousStorageIfAvailable({ decode(utf8: UnsafeRawBufferPointer($0)) }) { return try r.get() }
        text.makeContiguousUTF8()
        let r = text.utf8.withContiguousStorageIfAvailable { decode(utf8: UnsafeRawBufferPointer($0)) }
        return try (r ?? .failure(.invalid(position: 0, reason: "no UTF-8 storage"))).get()
    }

    /// Decodes hex digits (optional `0x`) from raw UTF-8 bytes.
    public static func decode(utf8 p: UnsafeRawBufferPointer) -> Result<[UInt8], RPCHexError> {
        let count = p.count
        var base = 0
        if count >= 2, p[0] == 0x30, p[1] == 0x78 || p[1] == 0x58 { base = 2 }
        let digits = count - base
        guard digits % 2 == 0 else { return .failure(.invalid(position: count, reason: "odd number of hex digits (\(digits))")) }
        var bad = -1
        let out = [UInt8](unsafeUninitializedCapacity: digits / 2) { buffer, initialized in
            nibbleTable.withUnsafeBufferPointer { table in
                var i = base
                var o = 0
                while i < count {
                    let hi = table[Int(p[i])], lo = table[Int(p[i + 1])]
                    guard hi | lo < 16 else {
                        bad = hi < 16 ? i + 1 : i
                        break
                    }
                    buffer[o] = hi << 4 | lo
                    o += 1
                    i += 2
                }
                initialized = o
            }
        }
        guard bad < 0 else { return .failure(.invalid(position: bad, reason: "not a hex digit")) }
        return .success(out)
    }

    /// Hex digit value per byte, 0xff for a non-digit.
    static let nibbleTable: [UInt8] = (0...255).map { nibble(UInt8($0)) }

    /// The value of one hex digit, or 0xff.
    @inline(__always)
    static func nibble(_ c: UInt8) -> UInt8 {
        let d = c &- 0x30
        if d < 10 { return d }
        let l = (c | 0x20) &- 0x61
        if l < 6 { return l + 10 }
        return 0xff
    }

    /// Minimal `0x` hex of an integer ("0x0", "0x1a"), as Substrate writes block numbers.
    public static func encodeNumber(_ value: UInt64) -> String {
        "0x" + String(value, radix: 16)
    }

    /// Reads a `0x` hex integer of at most 64 bits (leading zeros allowed).
    public static func decodeNumber(_ text: String) -> UInt64? {
        // On the UTF-8 bytes: every head notification carries one (the per-block CPU target of issue 6).
        var utf8 = text.utf8.makeIterator()
        guard utf8.next() == UInt8(ascii: "0"), let x = utf8.next(), x | 0x20 == UInt8(ascii: "x") else { return nil }
        var value: UInt64 = 0
        var digits = 0
        while let c = utf8.next() {
            let d = nibble(c)
            guard d < 16 else { return nil }  // no signs or spaces
            guard value >> 60 == 0 else { return nil }  // more than 64 bits
            value = value << 4 | UInt64(d)
            digits += 1
        }
        return digits > 0 ? value : nil
    }
}

/// Why a hex string was refused (positions count characters, prefix included).
public enum RPCHexError: Error, Sendable, Hashable {
    case invalid(position: Int, reason: String)
}
