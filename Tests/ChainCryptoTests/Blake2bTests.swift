import Testing
import TestSupport
@testable import ChainCrypto

@Suite struct Blake2bTests {
    /// RFC 7693 Appendix A: BLAKE2b-512("abc").
    @Test func rfc7693AppendixA() {
        let expected = "0xba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
            + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923"
        #expect(hexString(Blake2b.hash(Array("abc".utf8), outputLength: 64)) == expected)
    }

    /// RFC 7693 Appendix E self-test: digests of lengths 20/32/48/64 over inputs
    /// of 0/3/128/129/255/1024 bytes, unkeyed and keyed, fed into one BLAKE2b-256.
    @Test func rfc7693AppendixESelfTest() {
        func selftestSequence(_ count: Int, seed: UInt32) -> [UInt8] {
            var a = 0xDEAD_4BAD &* seed, b: UInt32 = 1
            return (0..<count).map { _ in
                let t = a &+ b
                a = b; b = t
                return UInt8(truncatingIfNeeded: t >> 24)
            }
        }
        var grand = Blake2bHasher(outputLength: 32)
        for outLength in [20, 32, 48, 64] {
            for inLength in [0, 3, 128, 129, 255, 1024] {
                let input = selftestSequence(inLength, seed: UInt32(inLength))
                grand.update(Blake2b.hash(input, outputLength: outLength))
                let key = selftestSequence(outLength, seed: UInt32(outLength))
                grand.update(Blake2b.hash(input, outputLength: outLength, key: key))
            }
        }
        #expect(hexString(grand.finalize())
                == "0xc23a7800d98123bd10f506c61e29da5603d763b8bbad2e737f5e765a7bccd475")
    }

    /// Official BLAKE2 KAT (blake2b-kat.txt): key 00..3f, input 00..(n-1), 64-byte digest.
    @Test(arguments: [
        (0, "10ebb67700b1868efb4417987acf4690ae9d972fb7a590c2f02871799aaa4786b5e996e8f0f4eb981fc214b005f42d2ff4233499391653df7aefcbc13fc51568"),
        (1, "961f6dd1e4dd30f63901690c512e78e4b45e4742ed197c3c5e45c549fd25f2e4187b0bc9fe30492b16b0d0bc4ef9b0f34c7003fac09a5ef1532e69430234cebd"),
        (127, "76d2d819c92bce55fa8e092ab1bf9b9eab237a25267986cacf2b8ee14d214d730dc9a5aa2d7b596e86a1fd8fa0804c77402d2fcd45083688b218b1cdfa0dcbcb"),
        (128, "72065ee4dd91c2d8509fa1fc28a37c7fc9fa7d5b3f8ad3d0d7a25626b57b1b44788d4caf806290425f9890a3a2a35a905ab4b37acfd0da6e4517b2525c9651e4"),
        (129, "64475dfe7600d7171bea0b394e27c9b00d8e74dd1e416a79473682ad3dfdbb706631558055cfc8a40e07bd015a4540dcdea15883cbbf31412df1de1cd4152b91"),
        (255, "142709d62e28fcccd0af97fad0f8465b971e82201dc51070faa0372aa43e92484be1c1e73ba10906d5d1853db6a4106e0a7bf9800d373d6dee2d46d62ef2a461"),
    ])
    func keyedKnownAnswers(length: Int, digest: String) {
        let key = (0..<64).map { UInt8($0) }
        let input = (0..<length).map { UInt8($0) }
        #expect(hexString(Blake2b.hash(input, outputLength: 64, key: key), prefix: false) == digest)
        var hasher = Blake2bHasher(outputLength: 64, key: key)
        for byte in input { hasher.update([byte]) }
        #expect(hexString(hasher.finalize(), prefix: false) == digest)
    }

    /// Every blake2b_128/256/512 vector of reference-vectors.json (py-substrate-interface).
    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func referenceVectors() throws {
        for (section, length, function) in [("blake2b_128", 16, blake2_128), ("blake2b_256", 32, blake2_256),
                                            ("blake2b_512", 64, blake2_512)] as [(String, Int, ([UInt8]) -> [UInt8])] {
            let vectors = try VectorInputs.section(section)
            #expect(vectors.count == 4)
            for (name, expected) in vectors {
                let input = try #require(VectorInputs.message(name), "unknown input \(name)")
                #expect(hexString(function(input)) == expected, "\(section) \(name)")
                #expect(hexString(Blake2b.hash(input, outputLength: length)) == expected, "\(section) \(name)")
            }
        }
        let extrinsic = try #require(try Fixtures.referenceVectors()["extrinsic_v4"] as? [String: Any])
        let bytes = hexBytes(try #require(extrinsic["extrinsic"] as? String))
        #expect(hexString(blake2_256(bytes)) == extrinsic["extrinsic_hash_blake2_256"] as? String)
    }

    /// Streaming in any split equals one-shot, across block boundaries and keys.
    @Test func streamingMatchesOneShot() {
        var rng = SplitMix64(seed: 7)
        for length in [0, 1, 127, 128, 129, 255, 256, 257, 1000, 4096] {
            let data = rng.bytes(length)
            for keyLength in [0, 1, 64] {
                let key = rng.bytes(keyLength)
                let outLength = [1, 16, 32, 64][length % 4]
                let expected = Blake2b.hash(data, outputLength: outLength, key: key)
                var hasher = Blake2bHasher(outputLength: outLength, key: key)
                var offset = 0
                while offset < length {
                    let piece = Int.random(in: 0...300, using: &rng)
                    let end = min(length, offset + piece)
                    hasher.update(data[offset..<end])
                    offset = end
                }
                #expect(hasher.finalize() == expected, "length \(length) key \(keyLength)")
                #expect(hasher.finalize() == expected, "finalize must not change the hasher")
            }
        }
    }

    /// Every output length 1...64 and key length 0...64 agrees with Python's hashlib (reference C code).
    @Test(.enabled(if: ReferencePython.available || ReferencePython.required, "needs the reference Python"))
    func allLengthsAgreeWithHashlib() throws {
        var rng = SplitMix64(seed: 99)
        var lines: [String] = []
        var ours: [String] = []
        for outLength in 1...64 {
            let data = rng.bytes(outLength * 5)
            let key = rng.bytes((outLength * 7) % 65)
            lines.append("\(outLength) \(hexString(key, prefix: false)) \(hexString(data, prefix: false))")
            ours.append(hexString(Blake2b.hash(data, outputLength: outLength, key: key), prefix: false))
        }
        let script = """
        import sys, hashlib
        for line in sys.stdin.read().splitlines():
            n, k, d = (line.split(' ') + ['', ''])[:3]
            print(hashlib.blake2b(bytes.fromhex(d), digest_size=int(n), key=bytes.fromhex(k)).hexdigest())
        """
        let theirs = try ReferencePython.run(script, stdin: lines.joined(separator: "\n")).split(separator: "\n").map(String.init)
        #expect(theirs == ours)
    }

    @Test func parameterErrorsAreTyped() {
        #expect(throws: Blake2bError.invalidOutputLength(0)) { try Blake2b.checkedHash([1], outputLength: 0) }
        #expect(throws: Blake2bError.invalidOutputLength(65)) { try Blake2bHasher(checkedOutputLength: 65) }
        #expect(throws: Blake2bError.keyTooLong(length: 65)) {
            try Blake2b.checkedHash([], outputLength: 32, key: [UInt8](repeating: 7, count: 65))
        }
        #expect(throws: Never.self) { try Blake2b.checkedHash([], outputLength: 64, key: [UInt8](repeating: 7, count: 64)) }
    }

    @Test func hasherNeverShowsTheKey() {
        let hasher = Blake2bHasher(outputLength: 32, key: [0xAB, 0xCD, 0xEF])
        for text in [String(describing: hasher), String(reflecting: hasher), "\(Mirror(reflecting: hasher).children.map { $0.value })"] {
            #expect(!text.contains("171") && !text.lowercased().contains("abcdef"), "\(text)")
        }
    }
}
