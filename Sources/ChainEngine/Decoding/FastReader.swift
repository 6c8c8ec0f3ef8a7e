import MiningCore

/// A bounds-checked little-endian cursor for the typed fast decoders.
///
/// Every read returns nil instead of throwing: a fast decoder that meets
/// anything unexpected gives up and the value is decoded again through the
/// metadata, which produces the precise error (issue 6: an undecodable value
/// is reported with its key). Lives only inside `withUnsafeBytes`.
struct FastReader {
    let base: UnsafeRawBufferPointer
    var offset = 0

    init(_ base: UnsafeRawBufferPointer) { self.base = base }

    var remaining: Int { base.count - offset }
    var isAtEnd: Bool { offset == base.count }

    @inline(__always) mutating func u8() -> UInt8? {
        guard offset < base.count else { return nil }
        defer { offset += 1 }
        return base[offset]
    }

    @inline(__always) mutating func u32() -> UInt32? {
        guard remaining >= 4 else { return nil }
        defer { offset += 4 }
        return UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    @inline(__always) mutating func u64() -> UInt64? {
        guard remaining >= 8 else { return nil }
        defer { offset += 8 }
        return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inline(__always) mutating func u128() -> UInt128? {
        guard let lo = u64(), let hi = u64() else { return nil }
        return UInt128(hi) << 64 | UInt128(lo)
    }

    /// 32 bytes as `Key32` (four big-endian words, like `Key32.fromBytes`).
    @inline(__always) mutating func key32() -> Key32? {
        guard remaining >= 32 else { return nil }
        defer { offset += 32 }
        func word(_ o: Int) -> UInt64 { UInt64(bigEndian: base.loadUnaligned(fromByteOffset: offset + o, as: UInt64.self)) }
        return Key32(w0: word(0), w1: word(8), w2: word(16), w3: word(24))
    }

    /// An `Option` tag: false for `None` (0), true for `Some` (1), nil otherwise.
    @inline(__always) mutating func optionTag() -> Bool? {
        switch u8() {
        case 0: return false
        case 1: return true
        default: return nil
        }
    }

    /// A canonical compact length whose elements (`elementSize` bytes each) fit the rest;
    /// anything else (the 4-byte-plus mode, a non-canonical form) is left to the dynamic path.
    mutating func length(elementSize: Int) -> Int? {
        guard let b0 = u8() else { return nil }
        let n: Int
        switch b0 & 3 {
        case 0:
            n = Int(b0 >> 2)
        case 1:
            guard let b1 = u8() else { return nil }
            n = Int(b0 >> 2) | Int(b1) << 6
            guard n >= 64 else { return nil }
        case 2:
            guard remaining >= 3 else { return nil }
            let v = UInt32(b0) | UInt32(base[offset]) << 8 | UInt32(base[offset + 1]) << 16 | UInt32(base[offset + 2]) << 24
            offset += 3
            n = Int(v >> 2)
            guard n >= 1 << 14 else { return nil }
        default:
            return nil
        }
        guard n <= remaining / max(1, elementSize) else { return nil }
        return n
    }

    /// A `Vec<u8>` (canonical compact length, fitting the rest): the range of its bytes in `base`.
    mutating func byteRange() -> Range<Int>? {
        guard let n = length(elementSize: 1) else { return nil }
        defer { offset += n }
        return offset..<(offset + n)
    }
}
