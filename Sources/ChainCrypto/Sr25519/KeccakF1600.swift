/// The Keccak-f[1600] permutation (FIPS 202), the sponge under STROBE-128 and
/// therefore under Merlin transcripts and every sr25519 hash.
enum KeccakF1600 {
    static let roundConstants: [UInt64] = [
        0x0000_0000_0000_0001, 0x0000_0000_0000_8082, 0x8000_0000_0000_808A, 0x8000_0000_8000_8000,
        0x0000_0000_0000_808B, 0x0000_0000_8000_0001, 0x8000_0000_8000_8081, 0x8000_0000_0000_8009,
        0x0000_0000_0000_008A, 0x0000_0000_0000_0088, 0x0000_0000_8000_8009, 0x0000_0000_8000_000A,
        0x0000_0000_8000_808B, 0x8000_0000_0000_008B, 0x8000_0000_0000_8089, 0x8000_0000_0000_8003,
        0x8000_0000_0000_8002, 0x8000_0000_0000_0080, 0x0000_0000_0000_800A, 0x8000_0000_8000_000A,
        0x8000_0000_8000_8081, 0x8000_0000_0000_8080, 0x0000_0000_8000_0001, 0x8000_0000_8000_8008,
    ]
    /// ρ rotation amounts along the π walk starting at lane 1.
    static let rotations: [UInt64] = [1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44]
    /// π: the lane each step of the walk moves to.
    static let piLanes: [Int] = [10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1]

    @inline(__always)
    static func rotl(_ x: UInt64, _ n: UInt64) -> UInt64 { (x << n) | (x >> (64 - n)) }

    /// Applies the 24 rounds to 25 little-endian lanes in place.
    static func permute(_ st: inout [UInt64]) {
        st.withUnsafeMutableBufferPointer { s in
            var bc = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
            for round in 0..<24 {
                // θ
                bc.0 = s[0] ^ s[5] ^ s[10] ^ s[15] ^ s[20]
                bc.1 = s[1] ^ s[6] ^ s[11] ^ s[16] ^ s[21]
                bc.2 = s[2] ^ s[7] ^ s[12] ^ s[17] ^ s[22]
                bc.3 = s[3] ^ s[8] ^ s[13] ^ s[18] ^ s[23]
                bc.4 = s[4] ^ s[9] ^ s[14] ^ s[19] ^ s[24]
                let d0 = bc.4 ^ rotl(bc.1, 1), d1 = bc.0 ^ rotl(bc.2, 1), d2 = bc.1 ^ rotl(bc.3, 1)
                let d3 = bc.2 ^ rotl(bc.4, 1), d4 = bc.3 ^ rotl(bc.0, 1)
                for j in stride(from: 0, to: 25, by: 5) {
                    s[j] ^= d0; s[j + 1] ^= d1; s[j + 2] ^= d2; s[j + 3] ^= d3; s[j + 4] ^= d4
                }
                // ρ and π
                var t = s[1]
                for i in 0..<24 {
                    let j = piLanes[i]
                    let saved = s[j]
                    s[j] = rotl(t, rotations[i])
                    t = saved
                }
                // χ
                for j in stride(from: 0, to: 25, by: 5) {
                    let a0 = s[j], a1 = s[j + 1], a2 = s[j + 2], a3 = s[j + 3], a4 = s[j + 4]
                    s[j] = a0 ^ (~a1 & a2)
                    s[j + 1] = a1 ^ (~a2 & a3)
                    s[j + 2] = a2 ^ (~a3 & a4)
                    s[j + 3] = a3 ^ (~a4 & a0)
                    s[j + 4] = a4 ^ (~a0 & a1)
                }
                // ι
                s[0] ^= roundConstants[round]
            }
        }
    }

    /// Permutes a 200-byte state held as bytes (STROBE's view).
    static func permute(bytes: inout [UInt8]) {
        var lanes = [UInt64](repeating: 0, count: 25)
        for i in 0..<25 {
            var w: UInt64 = 0
            for k in 0..<8 { w |= UInt64(bytes[i * 8 + k]) << (8 * UInt64(k)) }
            lanes[i] = w
        }
        permute(&lanes)
        for i in 0..<25 {
            for k in 0..<8 { bytes[i * 8 + k] = UInt8(truncatingIfNeeded: lanes[i] >> (8 * UInt64(k))) }
        }
    }
}
