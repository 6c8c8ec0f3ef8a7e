/// The Salsa20/20 core, HSalsa20 and the XSalsa20 stream (Bernstein, "The
/// Salsa20 family of stream ciphers"; "Extending the Salsa20 nonce"), the
/// cipher of NaCl's `secretbox` that polkadot.js key files use.
///
/// Written here because OpenSSL has no Salsa20. Pure 32-bit add/xor/rotate,
/// so it runs in constant time.
enum Salsa20 {
    // "expand 32-byte k"
    private static let sigma: (UInt32, UInt32, UInt32, UInt32) = (0x6170_7865, 0x3320_646E, 0x7962_2D32, 0x6B20_6574)

    @inline(__always) private static func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 { (x << n) | (x >> (32 - n)) }

    @inline(__always) private static func load32(_ b: UnsafeRawBufferPointer, _ offset: Int) -> UInt32 {
        UInt32(b[offset]) | UInt32(b[offset + 1]) << 8 | UInt32(b[offset + 2]) << 16 | UInt32(b[offset + 3]) << 24
    }

    /// The initial state for a 32-byte key and 16 bytes of nonce/counter input.
    private static func state(key: UnsafeRawBufferPointer, input: [UInt8]) -> [UInt32] {
        var x = [UInt32](repeating: 0, count: 16)
        x[0] = sigma.0; x[5] = sigma.1; x[10] = sigma.2; x[15] = sigma.3
        for i in 0..<4 {
            x[1 + i] = load32(key, 4 * i)
            x[11 + i] = load32(key, 16 + 4 * i)
        }
        input.withUnsafeBytes { inp in
            for i in 0..<4 { x[6 + i] = load32(inp, 4 * i) }
        }
        return x
    }

    /// 20 rounds (10 double rounds) in place.
    private static func rounds(_ x: inout [UInt32]) {
        for _ in 0..<10 {
            // Column round.
            x[4] ^= rotl(x[0] &+ x[12], 7); x[8] ^= rotl(x[4] &+ x[0], 9)
            x[12] ^= rotl(x[8] &+ x[4], 13); x[0] ^= rotl(x[12] &+ x[8], 18)
            x[9] ^= rotl(x[5] &+ x[1], 7); x[13] ^= rotl(x[9] &+ x[5], 9)
            x[1] ^= rotl(x[13] &+ x[9], 13); x[5] ^= rotl(x[1] &+ x[13], 18)
            x[14] ^= rotl(x[10] &+ x[6], 7); x[2] ^= rotl(x[14] &+ x[10], 9)
            x[6] ^= rotl(x[2] &+ x[14], 13); x[10] ^= rotl(x[6] &+ x[2], 18)
            x[3] ^= rotl(x[15] &+ x[11], 7); x[7] ^= rotl(x[3] &+ x[15], 9)
            x[11] ^= rotl(x[7] &+ x[3], 13); x[15] ^= rotl(x[11] &+ x[7], 18)
            // Row round.
            x[1] ^= rotl(x[0] &+ x[3], 7); x[2] ^= rotl(x[1] &+ x[0], 9)
            x[3] ^= rotl(x[2] &+ x[1], 13); x[0] ^= rotl(x[3] &+ x[2], 18)
            x[6] ^= rotl(x[5] &+ x[4], 7); x[7] ^= rotl(x[6] &+ x[5], 9)
            x[4] ^= rotl(x[7] &+ x[6], 13); x[5] ^= rotl(x[4] &+ x[7], 18)
            x[11] ^= rotl(x[10] &+ x[9], 7); x[8] ^= rotl(x[11] &+ x[10], 9)
            x[9] ^= rotl(x[8] &+ x[11], 13); x[10] ^= rotl(x[9] &+ x[8], 18)
            x[12] ^= rotl(x[15] &+ x[14], 7); x[13] ^= rotl(x[12] &+ x[15], 9)
            x[14] ^= rotl(x[13] &+ x[12], 13); x[15] ^= rotl(x[14] &+ x[13], 18)
        }
    }

    /// HSalsa20: a 32-byte subkey from a 32-byte key and a 16-byte input.
    static func hsalsa20(key: SecretBytes, input: [UInt8]) -> SecretBytes {
        var x = key.withUnsafeBytes { state(key: $0, input: input) }
        defer { wipe(&x) }
        rounds(&x)
        let picks = [0, 5, 10, 15, 6, 7, 8, 9]
        return SecretBytes(count: 32) { out in
            for (j, i) in picks.enumerated() {
                for b in 0..<4 { out[4 * j + b] = UInt8(truncatingIfNeeded: x[i] >> (8 * UInt32(b))) }
            }
        }
    }

    /// `count` bytes of the Salsa20 keystream for `key` and an 8-byte nonce,
    /// starting at block counter 0.
    static func keystream(key: SecretBytes, nonce8: [UInt8], count: Int) -> SecretBytes {
        SecretBytes(count: count) { out in
            var block = [UInt32](repeating: 0, count: 16)
            var counter: UInt64 = 0
            var produced = 0
            while produced < count {
                var input = nonce8
                for b in 0..<8 { input.append(UInt8(truncatingIfNeeded: counter >> (8 * UInt64(b)))) }
                let initial = key.withUnsafeBytes { state(key: $0, input: input) }
                block = initial
                rounds(&block)
                for i in 0..<16 {
                    let word = block[i] &+ initial[i]
                    for b in 0..<4 where produced + 4 * i + b < count {
                        out[produced + 4 * i + b] = UInt8(truncatingIfNeeded: word >> (8 * UInt32(b)))
                    }
                }
                var scratch = initial
                wipe(&scratch)
                produced += 64
                counter &+= 1
            }
            wipe(&block)
        }
    }

    /// XSalsa20 keystream: HSalsa20 subkey from the first 16 nonce bytes,
    /// then Salsa20 with the last 8.
    static func xsalsa20Keystream(key: SecretBytes, nonce24: [UInt8], count: Int) -> SecretBytes {
        let subkey = hsalsa20(key: key, input: Array(nonce24[0..<16]))
        return keystream(key: subkey, nonce8: Array(nonce24[16..<24]), count: count)
    }

    private static func wipe(_ words: inout [UInt32]) {
        for i in words.indices { words[i] = 0 }
    }
}
