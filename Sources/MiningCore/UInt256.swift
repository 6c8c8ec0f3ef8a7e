/// An unsigned 256-bit integer with just the operations the heartbeat
/// challenge needs (§4.1, §4.2): XOR, compare, shifts, multiply by a word,
/// and big/little-endian byte conversion.
///
/// The chain's `U256` (parity `uint`) reads the challenge seed big-endian
/// from the randomness hash, and SCALE-encodes U256 as 32 bytes
/// little-endian (§3); both directions are here so ChainEngine can hand the
/// decoded bytes straight over. A value type of four words: the hit test for
/// 10,000 workers is 10,000 XOR-and-compares.
public struct UInt256: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Least significant word first.
    public var l0: UInt64, l1: UInt64, l2: UInt64, l3: UInt64

    public init(l0: UInt64, l1: UInt64, l2: UInt64, l3: UInt64) {
        self.l0 = l0; self.l1 = l1; self.l2 = l2; self.l3 = l3
    }

    public init(_ value: UInt64) { self.init(l0: value, l1: 0, l2: 0, l3: 0) }

    public static let zero = UInt256(0)
    public static let max = UInt256(l0: .max, l1: .max, l2: .max, l3: .max)

    /// Folds bytes in big-endian order; only the low 256 bits are kept.
    /// For hashes, which are always 32 bytes.
    init(bigEndian bytes: [UInt8]) {
        var v = UInt256.zero
        for b in bytes { v = (v << 8) | UInt256(UInt64(b)) }
        self = v
    }

    /// Exactly 32 bytes, most significant first (`U256::from_big_endian`).
    public init(bigEndianBytes bytes: some Collection<UInt8>) throws(MiningCoreError) {
        guard bytes.count == 32 else { throw .wrongLength(what: "U256 (big-endian)", expected: 32, actual: bytes.count) }
        self.init(bigEndian: Array(bytes))
    }

    /// Exactly 32 bytes, least significant first (SCALE encoding of U256, §3).
    public init(littleEndianBytes bytes: some Collection<UInt8>) throws(MiningCoreError) {
        guard bytes.count == 32 else { throw .wrongLength(what: "U256 (little-endian)", expected: 32, actual: bytes.count) }
        self.init(bigEndian: Array(bytes.reversed()))
    }

    /// Parses a decimal string (for test vectors and configuration); nil if
    /// it is not all digits or does not fit in 256 bits.
    public init?(decimal: String) {
        guard !decimal.isEmpty else { return nil }
        var v = UInt256.zero
        for c in decimal.utf8 {
            guard c >= 0x30, c <= 0x39 else { return nil }
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(UInt256(UInt64(c - 0x30)))
            if o1 || o2 { return nil }
            v = s
        }
        self = v
    }

    public var bigEndianBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for w in [l3, l2, l1, l0] {
            for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: w >> UInt64(shift))) }
        }
        return out
    }

    public var littleEndianBytes: [UInt8] { bigEndianBytes.reversed() }

    public var isZero: Bool { (l0 | l1 | l2 | l3) == 0 }

    /// Approximate value, for probabilities and display.
    public var doubleValue: Double {
        let w = 18446744073709551616.0  // 2^64
        return ((Double(l3) * w + Double(l2)) * w + Double(l1)) * w + Double(l0)
    }

    /// Decimal digits.
    public var description: String {
        if isZero { return "0" }
        var chunks: [UInt64] = []
        var v = self
        while !v.isZero {
            let (q, r) = v.quotientAndRemainder(dividingBy: 10_000_000_000_000_000_000)
            chunks.append(r)
            v = q
        }
        var s = String(chunks.removeLast())
        for c in chunks.reversed() {
            let part = String(c)
            s += String(repeating: "0", count: 19 - part.count) + part
        }
        return s
    }

    public static func < (a: UInt256, b: UInt256) -> Bool {
        if a.l3 != b.l3 { return a.l3 < b.l3 }
        if a.l2 != b.l2 { return a.l2 < b.l2 }
        if a.l1 != b.l1 { return a.l1 < b.l1 }
        return a.l0 < b.l0
    }
}
