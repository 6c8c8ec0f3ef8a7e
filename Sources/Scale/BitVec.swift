/// `BitVec<u8, Lsb0>`: a compact bit count, then ceil(count/8) bytes with
/// bit i in byte i/8 at position i%8 (least significant first).
///
/// Decoded storage bytes are kept as they came (including any padding bits),
/// so re-encoding reproduces the input exactly.
public struct BitVec: Sendable, Hashable, ScaleCodable, CustomStringConvertible {
    /// Number of bits.
    public private(set) var count: Int
    /// Packed storage, `(count + 7) / 8` bytes.
    public private(set) var storage: [UInt8]

    public init() { count = 0; storage = [] }

    public init(_ bits: [Bool]) {
        count = bits.count
        storage = [UInt8](repeating: 0, count: (bits.count + 7) / 8)
        for (i, b) in bits.enumerated() where b { storage[i >> 3] |= 1 << UInt8(i & 7) }
    }

    /// Wraps raw storage; returns nil if `storage` is not `(count + 7) / 8` bytes.
    public init?(count: Int, storage: [UInt8]) {
        guard count >= 0, storage.count == (count + 7) / 8 else { return nil }
        self.count = count
        self.storage = storage
    }

    public subscript(i: Int) -> Bool {
        get { storage[i >> 3] & (1 << UInt8(i & 7)) != 0 }
        set {
            if newValue { storage[i >> 3] |= 1 << UInt8(i & 7) } else { storage[i >> 3] &= ~(1 << UInt8(i & 7)) }
        }
    }

    public var bits: [Bool] { (0..<count).map { self[$0] } }

    public mutating func append(_ bit: Bool) {
        if count & 7 == 0 { storage.append(0) }
        count += 1
        self[count - 1] = bit
    }

    public var description: String { "BitVec(" + String(bits.map { $0 ? "1" : "0" }) + ")" }

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encodeCompact(UInt64(count))
        encoder.append(storage)
    }

    public init(from decoder: inout ScaleDecoder) throws {
        let at = decoder.offset
        let n = try decoder.decodeCompactUInt128()
        let byteCount = (n + 7) / 8
        guard byteCount <= UInt128(decoder.remaining) else {
            decoder.offset = at
            throw ScaleError.lengthTooLarge(offset: at, claimed: UInt64(clamping: n), remaining: decoder.remaining)
        }
        count = Int(n)
        storage = try decoder.readBytes(Int(byteCount))
    }
}
