/// A 32-byte value (`[u8; 32]`: public keys, `AccountId32`, `H256`) held
/// inline, without a heap allocation.
///
/// Worker and account keys are in every Phala record (PROTOCOL.md §1.1,
/// §1.2); decoding thousands of them should not allocate thousands of arrays.
/// Ordering is lexicographic by bytes, as Rust's `Ord` for `[u8; 32]`.
public struct Bytes32: Sendable, Hashable, Comparable, ScaleCodable, CustomStringConvertible {
    /// The bytes as four big-endian words, so word order is byte order.
    @usableFromInline var w0, w1, w2, w3: UInt64

    @inlinable
    init(words w0: UInt64, _ w1: UInt64, _ w2: UInt64, _ w3: UInt64) {
        self.w0 = w0; self.w1 = w1; self.w2 = w2; self.w3 = w3
    }

    public static let zero = Bytes32(words: 0, 0, 0, 0)

    /// Nil unless `bytes` has exactly 32 elements.
    public init?(_ bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        var d = ScaleDecoder(bytes)
        guard let v = try? Bytes32(from: &d) else { return nil }
        self = v
    }

    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for w in [w0, w1, w2, w3] {
            for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: w >> UInt64(shift))) }
        }
        return out
    }

    public var description: String { Hex.encode(bytes) }

    public static func < (a: Bytes32, b: Bytes32) -> Bool {
        (a.w0, a.w1, a.w2, a.w3) < (b.w0, b.w1, b.w2, b.w3)
    }

    @inlinable
    public init(from decoder: inout ScaleDecoder) throws {
        try decoder.require(32)
        let start = decoder.offset
        func word(_ at: Int) -> UInt64 {
            var w: UInt64 = 0
            for i in 0..<8 { w = w << 8 | UInt64(decoder.bytes[start + at + i]) }
            return w
        }
        self.init(words: word(0), word(8), word(16), word(24))
        decoder.offset = start + 32
    }

    @inlinable
    public func encode(to encoder: inout ScaleEncoder) {
        encoder.appendLittleEndian(w0.byteSwapped, byteCount: 8)
        encoder.appendLittleEndian(w1.byteSwapped, byteCount: 8)
        encoder.appendLittleEndian(w2.byteSwapped, byteCount: 8)
        encoder.appendLittleEndian(w3.byteSwapped, byteCount: 8)
    }

    public static var scaleMinimumSize: Int { 32 }
}
