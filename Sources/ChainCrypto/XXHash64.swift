/// xxHash64 (XXH64) with a 64-bit seed: the hash behind Substrate's Twox hashers.
///
/// Substrate's `twox_64/128/256` are XXH64 of the same bytes under seeds
/// 0, 1, 2, 3, each digest little-endian (PROTOCOL.md §1.5: pallet and entry
/// prefixes are twox128, `Twox64Concat` map keys start with twox64). Not a
/// cryptographic hash: fine for names chosen by the runtime, not for user keys.
public enum XXHash64 {
    static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    /// XXH64 of `data` under `seed`.
    public static func hash(_ data: [UInt8], seed: UInt64 = 0) -> UInt64 {
        data.withUnsafeBytes { hash(bytes: $0, seed: seed) }
    }

    /// XXH64 of raw memory under `seed`.
    public static func hash(bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        let count = bytes.count
        guard let base = bytes.baseAddress, count > 0 else { return finish(seed &+ prime5, tail: nil, count: 0, total: 0) }

        @inline(__always) func read64(_ offset: Int) -> UInt64 {
            UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }
        var offset = 0
        var h: UInt64
        if count >= 32 {
            var v1 = seed &+ prime1 &+ prime2
            var v2 = seed &+ prime2
            var v3 = seed
            var v4 = seed &- prime1
            let stripesEnd = count & ~31
            while offset < stripesEnd {
                v1 = round(v1, read64(offset))
                v2 = round(v2, read64(offset &+ 8))
                v3 = round(v3, read64(offset &+ 16))
                v4 = round(v4, read64(offset &+ 24))
                offset &+= 32
            }
            h = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
            h = merge(h, v1); h = merge(h, v2); h = merge(h, v3); h = merge(h, v4)
        } else {
            h = seed &+ prime5
        }
        return finish(h, tail: base + offset, count: count &- offset, total: count)
    }

    @inline(__always) static func rotl(_ x: UInt64, _ n: UInt64) -> UInt64 { (x << n) | (x >> (64 &- n)) }

    @inline(__always) static func round(_ acc: UInt64, _ lane: UInt64) -> UInt64 {
        rotl(acc &+ lane &* prime2, 31) &* prime1
    }

    @inline(__always) static func merge(_ acc: UInt64, _ v: UInt64) -> UInt64 {
        (acc ^ round(0, v)) &* prime1 &+ prime4
    }

    /// Adds the length, folds in the last `count` (< 32) bytes at `tail`, and avalanches.
    @inline(__always)
    static func finish(_ start: UInt64, tail: UnsafeRawPointer?, count: Int, total: Int) -> UInt64 {
        var h = start &+ UInt64(total)
        if let tail {
            var offset = 0
            while offset &+ 8 <= count {
                let lane = UInt64(littleEndian: tail.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                h ^= round(0, lane)
                h = rotl(h, 27) &* prime1 &+ prime4
                offset &+= 8
            }
            if offset &+ 4 <= count {
                let lane = UInt64(UInt32(littleEndian: tail.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
                h ^= lane &* prime1
                h = rotl(h, 23) &* prime2 &+ prime3
                offset &+= 4
            }
            while offset < count {
                h ^= UInt64(tail.load(fromByteOffset: offset, as: UInt8.self)) &* prime5
                h = rotl(h, 11) &* prime1
                offset &+= 1
            }
        }
        h ^= h >> 33
        h = h &* prime2
        h ^= h >> 29
        h = h &* prime3
        h ^= h >> 32
        return h
    }
}
