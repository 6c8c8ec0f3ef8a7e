import Testing
import TestSupport
@testable import ChainCrypto

@Suite struct XXHashTests {
    /// xxh64_seed0_le of reference-vectors.json (python xxhash 3.8.2), and twox64 is the same bytes.
    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func referenceXXH64() throws {
        let vectors = try VectorInputs.section("xxh64_seed0_le")
        #expect(vectors.count == 4)
        for (name, expected) in vectors {
            let input = try #require(VectorInputs.message(name))
            let value = XXHash64.hash(input, seed: 0)
            #expect(hexString(withUnsafeBytes(of: value.littleEndian) { Array($0) }) == expected, "\(name)")
            #expect(hexString(twox64(input)) == expected, "\(name)")
        }
    }

    /// The xxHash specification's well-known value: XXH64("", 0) = 0xEF46DB3751D8E999.
    @Test func emptyInputKnownValue() {
        #expect(XXHash64.hash([], seed: 0) == 0xEF46_DB37_51D8_E999)
    }

    /// twox128 of pallet and entry names (reference-vectors.json `twox128`).
    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func referenceTwox128() throws {
        let vectors = try VectorInputs.section("twox128")
        #expect(vectors.count >= 8)
        for (name, expected) in vectors {
            #expect(hexString(twox128(Array(name.utf8))) == expected, "\(name)")
        }
    }

    /// Twox128/256 are seeds 0..1 / 0..3 concatenated little-endian.
    @Test func twoxWidthsAreSeedConcatenations() {
        let data = Array("PhalaRegistry".utf8)
        let lanes = (0..<4).flatMap { seed in
            withUnsafeBytes(of: XXHash64.hash(data, seed: UInt64(seed)).littleEndian) { Array($0) }
        }
        #expect(twox64(data) == Array(lanes[0..<8]))
        #expect(twox128(data) == Array(lanes[0..<16]))
        #expect(twox256(data) == lanes)
    }

    /// Every length 0...300 (all tail paths, 32-byte stripes) and random seeds agree with python xxhash.
    @Test(.enabled(if: ReferencePython.available || ReferencePython.required, "needs the reference Python"))
    func agreesWithPythonXXHash() throws {
        var rng = SplitMix64(seed: 2024)
        var lines: [String] = []
        var ours: [String] = []
        for length in 0...300 {
            let data = rng.bytes(length)
            let seed = length % 3 == 0 ? UInt64(length % 4) : rng.next()
            lines.append("\(seed) \(hexString(data, prefix: false))")
            ours.append(String(XXHash64.hash(data, seed: seed)))
        }
        let script = """
        import sys, xxhash
        for line in sys.stdin.read().splitlines():
            s, d = (line.split(' ') + [''])[:2]
            print(xxhash.xxh64(bytes.fromhex(d), seed=int(s)).intdigest())
        """
        let theirs = try ReferencePython.run(script, stdin: lines.joined(separator: "\n"))
            .split(separator: "\n").map(String.init)
        #expect(theirs == ours)
    }
}
