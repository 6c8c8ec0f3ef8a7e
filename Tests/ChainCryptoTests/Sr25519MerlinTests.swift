import COpenSSL
import Testing
import TestSupport
@testable import ChainCrypto

/// Keccak-f[1600] against SHA3-256 (known answers and OpenSSL), and the
/// published Merlin transcript vector.
@Suite struct Sr25519MerlinTests {
    /// SHA3-256 built on our permutation: rate 136, padding 0x06 … 0x80.
    static func sha3_256(_ message: [UInt8]) -> [UInt8] {
        var lanes = [UInt64](repeating: 0, count: 25)
        var padded = message + [0x06]
        while padded.count % 136 != 0 { padded.append(0) }
        padded[padded.count - 1] |= 0x80
        for block in stride(from: 0, to: padded.count, by: 136) {
            for i in 0..<17 {
                var w: UInt64 = 0
                for k in 0..<8 { w |= UInt64(padded[block + i * 8 + k]) << (8 * UInt64(k)) }
                lanes[i] ^= w
            }
            KeccakF1600.permute(&lanes)
        }
        var out: [UInt8] = []
        for i in 0..<4 { for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: lanes[i] >> (8 * UInt64(k)))) } }
        return out
    }

    static func opensslSHA3_256(_ message: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var len: UInt32 = 0
        _ = EVP_Digest(message, message.count, &out, &len, EVP_sha3_256(), nil)
        return out
    }

    @Test func keccakKnownAnswers() {
        #expect(hexString(Self.sha3_256([]), prefix: false)
                == "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a")
        #expect(hexString(Self.sha3_256(Array("abc".utf8)), prefix: false)
                == "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532")
    }

    @Test func keccakMatchesOpenSSLSHA3() {
        var rng = SystemRandomNumberGenerator()
        for length in [1, 55, 135, 136, 137, 271, 272, 500, 1000] {
            let m = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            #expect(Self.sha3_256(m) == Self.opensslSHA3_256(m), "length \(length)")
        }
    }

    @Test func merlinPublishedVector() {
        var t = MerlinTranscript(label: "test protocol")
        t.appendMessage("some label", Array("some data".utf8))
        #expect(hexString(t.challengeBytes("challenge", count: 32), prefix: false)
                == "d5a21972d0d5fe320c0d263fac7fffb8145aa640af6e9bca177c03c7efcf0615")
    }

    @Test func merlinLongMessagesCrossTheRate() {
        // Same inputs give the same challenge; one changed byte in a message
        // longer than the 166-byte rate changes it.
        let big = [UInt8](repeating: 0x63, count: 1024)
        var a = MerlinTranscript(label: "test protocol"), b = a
        a.appendMessage("bigdata", big)
        var changed = big; changed[700] ^= 1
        b.appendMessage("bigdata", changed)
        var a2 = a
        #expect(a.challengeBytes("c", count: 64) == a2.challengeBytes("c", count: 64))
        #expect(a.challengeBytes("c", count: 32) != b.challengeBytes("c", count: 32))
    }

    @Test func witnessBytesDependOnWitnessAndRandomness() {
        let t = MerlinTranscript(label: "SigningContext")
        let w1 = t.witnessBytes("signing", count: 32, witnesses: [[1, 2, 3]], randomBytes: [UInt8](repeating: 0, count: 32))
        let w2 = t.witnessBytes("signing", count: 32, witnesses: [[1, 2, 3]], randomBytes: [UInt8](repeating: 0, count: 32))
        let w3 = t.witnessBytes("signing", count: 32, witnesses: [[1, 2, 4]], randomBytes: [UInt8](repeating: 0, count: 32))
        let w4 = t.witnessBytes("signing", count: 32, witnesses: [[1, 2, 3]], randomBytes: [UInt8](repeating: 1, count: 32))
        #expect(w1 == w2)
        #expect(w1 != w3)
        #expect(w1 != w4)
    }
}
