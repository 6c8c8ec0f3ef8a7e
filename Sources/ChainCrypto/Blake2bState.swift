/// The BLAKE2b chaining state and compression function F (RFC 7693 §3.2).
///
/// Written for speed: the eight chaining words are stored properties, the
/// sixteen working words and sixteen message words are locals, all twelve
/// rounds are unrolled with the SIGMA permutation baked into the argument
/// lists, and arithmetic wraps (`&+`). No allocation per block.
struct Blake2bState: Sendable {
    var h0: UInt64, h1: UInt64, h2: UInt64, h3: UInt64
    var h4: UInt64, h5: UInt64, h6: UInt64, h7: UInt64

    /// The initialization vector (RFC 7693 §2.6), the SHA-512 IV.
    static let iv: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (
        0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
        0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179
    )

    /// State for `outputLength` digest bytes and a `keyLength`-byte key
    /// (parameter block of RFC 7693 §2.5: fanout 1, depth 1, everything else 0).
    init(outputLength: Int, keyLength: Int) {
        let iv = Self.iv
        h0 = iv.0 ^ 0x0101_0000 ^ (UInt64(keyLength) << 8) ^ UInt64(outputLength)
        h1 = iv.1; h2 = iv.2; h3 = iv.3
        h4 = iv.4; h5 = iv.5; h6 = iv.6; h7 = iv.7
    }

    /// Writes the first `count` digest bytes (words little-endian) to `out`.
    func write(to out: UnsafeMutableRawPointer, count: Int) {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 8) { words in
            words[0] = h0.littleEndian; words[1] = h1.littleEndian
            words[2] = h2.littleEndian; words[3] = h3.littleEndian
            words[4] = h4.littleEndian; words[5] = h5.littleEndian
            words[6] = h6.littleEndian; words[7] = h7.littleEndian
            out.copyMemory(from: UnsafeRawPointer(words.baseAddress!), byteCount: count)
        }
    }

    /// Compresses one 128-byte block at `block`; `t0`/`t1` is the byte
    /// counter after this block (low/high word), `isLast` sets f0.
    @inline(__always)
    mutating func compress(_ block: UnsafeRawPointer, t0: UInt64, t1: UInt64, isLast: Bool) {
        @inline(__always) func word(_ i: Int) -> UInt64 {
            UInt64(littleEndian: block.loadUnaligned(fromByteOffset: i &* 8, as: UInt64.self))
        }
        let m0 = word(0), m1 = word(1), m2 = word(2), m3 = word(3)
        let m4 = word(4), m5 = word(5), m6 = word(6), m7 = word(7)
        let m8 = word(8), m9 = word(9), m10 = word(10), m11 = word(11)
        let m12 = word(12), m13 = word(13), m14 = word(14), m15 = word(15)

        let iv = Self.iv
        var v0 = h0, v1 = h1, v2 = h2, v3 = h3, v4 = h4, v5 = h5, v6 = h6, v7 = h7
        var v8 = iv.0, v9 = iv.1, v10 = iv.2, v11 = iv.3
        var v12 = iv.4 ^ t0, v13 = iv.5 ^ t1
        var v14 = isLast ? ~iv.6 : iv.6
        var v15 = iv.7

        @inline(__always) func g(_ a: inout UInt64, _ b: inout UInt64, _ c: inout UInt64, _ d: inout UInt64,
                                 _ x: UInt64, _ y: UInt64) {
            a = a &+ b &+ x; d ^= a; d = (d >> 32) | (d << 32)
            c = c &+ d; b ^= c; b = (b >> 24) | (b << 40)
            a = a &+ b &+ y; d ^= a; d = (d >> 16) | (d << 48)
            c = c &+ d; b ^= c; b = (b >> 63) | (b << 1)
        }

        // round 0
        g(&v0, &v4, &v8, &v12, m0, m1)
        g(&v1, &v5, &v9, &v13, m2, m3)
        g(&v2, &v6, &v10, &v14, m4, m5)
        g(&v3, &v7, &v11, &v15, m6, m7)
        g(&v0, &v5, &v10, &v15, m8, m9)
        g(&v1, &v6, &v11, &v12, m10, m11)
        g(&v2, &v7, &v8, &v13, m12, m13)
        g(&v3, &v4, &v9, &v14, m14, m15)
        // round 1
        g(&v0, &v4, &v8, &v12, m14, m10)
        g(&v1, &v5, &v9, &v13, m4, m8)
        g(&v2, &v6, &v10, &v14, m9, m15)
        g(&v3, &v7, &v11, &v15, m13, m6)
        g(&v0, &v5, &v10, &v15, m1, m12)
        g(&v1, &v6, &v11, &v12, m0, m2)
        g(&v2, &v7, &v8, &v13, m11, m7)
        g(&v3, &v4, &v9, &v14, m5, m3)
        // round 2
        g(&v0, &v4, &v8, &v12, m11, m8)
        g(&v1, &v5, &v9, &v13, m12, m0)
        g(&v2, &v6, &v10, &v14, m5, m2)
        g(&v3, &v7, &v11, &v15, m15, m13)
        g(&v0, &v5, &v10, &v15, m10, m14)
        g(&v1, &v6, &v11, &v12, m3, m6)
        g(&v2, &v7, &v8, &v13, m7, m1)
        g(&v3, &v4, &v9, &v14, m9, m4)
        // round 3
        g(&v0, &v4, &v8, &v12, m7, m9)
        g(&v1, &v5, &v9, &v13, m3, m1)
        g(&v2, &v6, &v10, &v14, m13, m12)
        g(&v3, &v7, &v11, &v15, m11, m14)
        g(&v0, &v5, &v10, &v15, m2, m6)
        g(&v1, &v6, &v11, &v12, m5, m10)
        g(&v2, &v7, &v8, &v13, m4, m0)
        g(&v3, &v4, &v9, &v14, m15, m8)
        // round 4
        g(&v0, &v4, &v8, &v12, m9, m0)
        g(&v1, &v5, &v9, &v13, m5, m7)
        g(&v2, &v6, &v10, &v14, m2, m4)
        g(&v3, &v7, &v11, &v15, m10, m15)
        g(&v0, &v5, &v10, &v15, m14, m1)
        g(&v1, &v6, &v11, &v12, m11, m12)
        g(&v2, &v7, &v8, &v13, m6, m8)
        g(&v3, &v4, &v9, &v14, m3, m13)
        // round 5
        g(&v0, &v4, &v8, &v12, m2, m12)
        g(&v1, &v5, &v9, &v13, m6, m10)
        g(&v2, &v6, &v10, &v14, m0, m11)
        g(&v3, &v7, &v11, &v15, m8, m3)
        g(&v0, &v5, &v10, &v15, m4, m13)
        g(&v1, &v6, &v11, &v12, m7, m5)
        g(&v2, &v7, &v8, &v13, m15, m14)
        g(&v3, &v4, &v9, &v14, m1, m9)
        // round 6
        g(&v0, &v4, &v8, &v12, m12, m5)
        g(&v1, &v5, &v9, &v13, m1, m15)
        g(&v2, &v6, &v10, &v14, m14, m13)
        g(&v3, &v7, &v11, &v15, m4, m10)
        g(&v0, &v5, &v10, &v15, m0, m7)
        g(&v1, &v6, &v11, &v12, m6, m3)
        g(&v2, &v7, &v8, &v13, m9, m2)
        g(&v3, &v4, &v9, &v14, m8, m11)
        // round 7
        g(&v0, &v4, &v8, &v12, m13, m11)
        g(&v1, &v5, &v9, &v13, m7, m14)
        g(&v2, &v6, &v10, &v14, m12, m1)
        g(&v3, &v7, &v11, &v15, m3, m9)
        g(&v0, &v5, &v10, &v15, m5, m0)
        g(&v1, &v6, &v11, &v12, m15, m4)
        g(&v2, &v7, &v8, &v13, m8, m6)
        g(&v3, &v4, &v9, &v14, m2, m10)
        // round 8
        g(&v0, &v4, &v8, &v12, m6, m15)
        g(&v1, &v5, &v9, &v13, m14, m9)
        g(&v2, &v6, &v10, &v14, m11, m3)
        g(&v3, &v7, &v11, &v15, m0, m8)
        g(&v0, &v5, &v10, &v15, m12, m2)
        g(&v1, &v6, &v11, &v12, m13, m7)
        g(&v2, &v7, &v8, &v13, m1, m4)
        g(&v3, &v4, &v9, &v14, m10, m5)
        // round 9
        g(&v0, &v4, &v8, &v12, m10, m2)
        g(&v1, &v5, &v9, &v13, m8, m4)
        g(&v2, &v6, &v10, &v14, m7, m6)
        g(&v3, &v7, &v11, &v15, m1, m5)
        g(&v0, &v5, &v10, &v15, m15, m11)
        g(&v1, &v6, &v11, &v12, m9, m14)
        g(&v2, &v7, &v8, &v13, m3, m12)
        g(&v3, &v4, &v9, &v14, m13, m0)
        // round 10
        g(&v0, &v4, &v8, &v12, m0, m1)
        g(&v1, &v5, &v9, &v13, m2, m3)
        g(&v2, &v6, &v10, &v14, m4, m5)
        g(&v3, &v7, &v11, &v15, m6, m7)
        g(&v0, &v5, &v10, &v15, m8, m9)
        g(&v1, &v6, &v11, &v12, m10, m11)
        g(&v2, &v7, &v8, &v13, m12, m13)
        g(&v3, &v4, &v9, &v14, m14, m15)
        // round 11
        g(&v0, &v4, &v8, &v12, m14, m10)
        g(&v1, &v5, &v9, &v13, m4, m8)
        g(&v2, &v6, &v10, &v14, m9, m15)
        g(&v3, &v7, &v11, &v15, m13, m6)
        g(&v0, &v5, &v10, &v15, m1, m12)
        g(&v1, &v6, &v11, &v12, m0, m2)
        g(&v2, &v7, &v8, &v13, m11, m7)
        g(&v3, &v4, &v9, &v14, m5, m3)

        h0 ^= v0 ^ v8; h1 ^= v1 ^ v9; h2 ^= v2 ^ v10; h3 ^= v3 ^ v11
        h4 ^= v4 ^ v12; h5 ^= v5 ^ v13; h6 ^= v6 ^ v14; h7 ^= v7 ^ v15
    }
}
