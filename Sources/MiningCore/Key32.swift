/// Thirty-two bytes stored as four big-endian `UInt64` words.
///
/// (Named `Key32`, not `Bytes32`, so it never clashes with Scale's `Bytes32`
/// in ChainEngine, which imports both modules.)
///
/// The storage behind `AccountID` and `WorkerKey`: fleets of 10,000 workers
/// are dictionaries keyed by these, so hashing four words instead of an
/// array keeps a block's worth of lookups in the microseconds (issue 4).
public struct Key32: Hashable, Comparable, Sendable {
    /// Bytes 0..8, 8..16, 16..24, 24..32, each read big-endian.
    public var w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64

    public init(w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64) {
        self.w0 = w0; self.w1 = w1; self.w2 = w2; self.w3 = w3
    }

    /// Reads exactly 32 bytes; `what` names the value in the error.
    @inlinable  // specialized where called: engines build one per account and worker they decode
    public init(_ bytes: some Collection<UInt8>, what: String = "32-byte value") throws(MiningCoreError) {
        guard bytes.count == 32 else {
            throw .wrongLength(what: what, expected: 32, actual: bytes.count)
        }
        // Four locals, not an array: a block's events build dozens of these.
        var w: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for (i, b) in bytes.enumerated() {
            switch i >> 3 {
            case 0: w.0 = w.0 << 8 | UInt64(b)
            case 1: w.1 = w.1 << 8 | UInt64(b)
            case 2: w.2 = w.2 << 8 | UInt64(b)
            default: w.3 = w.3 << 8 | UInt64(b)
            }
        }
        self.init(w0: w.0, w1: w.1, w2: w.2, w3: w.3)
    }

    /// Reads a 64-digit hex string, with or without `0x`.
    public init(hex: String, what: String = "32-byte value") throws(MiningCoreError) {
        var digits = Substring(hex)
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") { digits = digits.dropFirst(2) }
        guard digits.utf8.count == 64 else {
            throw .wrongLength(what: what, expected: 32, actual: digits.utf8.count / 2)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        var high: UInt8? = nil
        for c in digits.utf8 {
            guard let nibble = Self.nibble(c) else { throw .invalidHex(what: what) }
            if let h = high { bytes.append(h << 4 | nibble); high = nil } else { high = nibble }
        }
        try self.init(bytes, what: what)
    }

    /// The 32 bytes in order.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for w in [w0, w1, w2, w3] {
            for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: w >> UInt64(shift))) }
        }
        return out
    }

    /// Lower-case hex with `0x`.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = Array("0x".utf8)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    public static func < (a: Key32, b: Key32) -> Bool {
        (a.w0, a.w1, a.w2, a.w3) < (b.w0, b.w1, b.w2, b.w3)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(w0); hasher.combine(w1); hasher.combine(w2); hasher.combine(w3)
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x61...0x66: return c - 0x61 + 10
        case 0x41...0x46: return c - 0x41 + 10
        default: return nil
        }
    }
}
