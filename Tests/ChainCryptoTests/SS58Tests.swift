import Testing
import TestSupport
@testable import ChainCrypto

@Suite struct SS58Tests {
    /// Every prefix of reference-vectors.json `ss58` (0, 2, 30, 42, 64, 1284), both ways.
    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func referenceAddresses() throws {
        let vectors = try VectorInputs.section("ss58")
        let key = hexBytes(try #require(vectors["public_key"]))
        var prefixes: [UInt16] = []
        for (name, address) in vectors where name != "public_key" {
            let prefix = try #require(UInt16(name))
            prefixes.append(prefix)
            #expect(SS58.encode(key, prefix: prefix) == address, "prefix \(prefix)")
            let decoded = try SS58.decode(address)
            #expect(decoded.publicKey == key && decoded.prefix == prefix, "prefix \(prefix)")
        }
        #expect(Set(prefixes).isSuperset(of: [0, 2, 30, 42, 64, 1284]))
    }

    /// ed25519.ss58_30: the ed25519 test key's Khala address.
    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func referenceEd25519Address() throws {
        let ed = try #require(try Fixtures.referenceVectors()["ed25519"] as? [String: Any])
        let key = hexBytes(try #require(ed["public"] as? String))
        let address = try #require(ed["ss58_30"] as? String)
        #expect(SS58.encode(key) == address)
        #expect(try SS58.decode(address, requiringPrefix: 30) == key)
    }

    /// Substrate's two-byte layout, byte for byte (`01aaaaaa bbcccccc` ↔ `aaaaaabb 00cccccc`).
    @Test func twoBytePrefixLayout() throws {
        #expect(SS58.prefixBytes(63) == [63])
        #expect(SS58.prefixBytes(64) == [0b0101_0000, 0b0000_0000])
        #expect(SS58.prefixBytes(1284) == [0b0100_0001, 0b0000_0101])  // 1284 = 0x504
        #expect(SS58.prefixBytes(16383) == [0b0111_1111, 0b1111_1111])
        let key = (0..<32).map { UInt8($0) }
        for prefix in [UInt16(0), 1, 63, 64, 65, 127, 128, 255, 256, 1284, 4095, 16382, 16383] {
            let decoded = try SS58.decode(SS58.encode(key, prefix: prefix))
            #expect(decoded.prefix == prefix && decoded.publicKey == key)
        }
    }

    /// Every prefix 0...16383 with random keys agrees with py-substrate-interface's ss58_encode.
    @Test(.enabled(if: ReferencePython.available || ReferencePython.required, "needs the reference Python"))
    func agreesWithSubstrateInterface() throws {
        var rng = SplitMix64(seed: 58)
        var lines: [String] = []
        var ours: [String] = []
        for prefix in stride(from: 0, through: 16383, by: 37).map(UInt16.init) + [63, 64, 16383] {
            let key = rng.bytes(32)
            lines.append("\(prefix) \(hexString(key, prefix: false))")
            ours.append(SS58.encode(key, prefix: prefix))
        }
        let script = """
        import sys
        from scalecodec.utils.ss58 import ss58_encode
        for line in sys.stdin.read().splitlines():
            p, k = line.split(' ')
            print(ss58_encode(bytes.fromhex(k), ss58_format=int(p)))
        """
        let theirs = try ReferencePython.run(script, stdin: lines.joined(separator: "\n"))
            .split(separator: "\n").map(String.init)
        #expect(theirs == ours)
    }

    @Test func errors() throws {
        let key = (0..<32).map { UInt8($0 &* 7) }
        let address = SS58.encode(key, prefix: 30)
        // A flipped character: still Base58, wrong checksum (or, rarely, length).
        var characters = Array(address)
        let index = characters.count / 2
        characters[index] = characters[index] == "x" ? "y" : "x"
        #expect(throws: SS58Error.badChecksum) { try SS58.decode(String(characters)) }
        // Any single substituted character, anywhere, is refused (checksum, or length if the value grows).
        for position in characters.indices {
            var mutated = Array(address)
            mutated[position] = mutated[position] == "2" ? "3" : "2"
            do {
                _ = try SS58.decode(String(mutated))
                Issue.record("substitution at \(position) accepted")
            } catch {
                #expect(error == .badChecksum || error == .badLength(36) || error == .badLength(34), "\(position): \(error)")
            }
        }
        #expect(throws: SS58Error.badBase58(position: 3)) { try SS58.decode(String(address.prefix(3)) + "0" + address.dropFirst(4)) }
        #expect(throws: SS58Error.badBase58(position: 0)) { try SS58.decode("l" + address.dropFirst()) }
        // Wrong length: a 33-byte payload (too short) and a 2-byte-prefix encoding of 31 bytes.
        #expect(throws: SS58Error.badLength(34)) { try SS58.decode(Base58.encode([30] + key.dropLast() + [0, 0])) }
        #expect(throws: SS58Error.badLength(0)) { try SS58.decode("") }
        #expect(throws: SS58Error.badLength(100)) { try SS58.decode(String(repeating: "1", count: 100)) }
        #expect(throws: SS58Error.wrongPrefix(expected: 30, found: 42)) {
            try SS58.decode(SS58.encode(key, prefix: 42), requiringPrefix: 30)
        }
        #expect(throws: SS58Error.reservedPrefix(firstByte: 200)) { try SS58.decode(Base58.encode([200] + key + [0, 0])) }
        #expect(throws: SS58Error.invalidPrefix(16384)) { try SS58.checkedEncode(key, prefix: 16384) }
        #expect(throws: SS58Error.badLength(31)) { try SS58.checkedEncode(Array(key.dropLast())) }
        // Errors never carry the key.
        #expect(!String(describing: SS58Error.badChecksum).contains(address))
    }

    /// Random strings (Base58 alphabet and arbitrary bytes) never crash decode;
    /// random Base58 payloads almost never pass the checksum.
    @Test func randomInputNeverCrashes() {
        var rng = SplitMix64(seed: 1234)
        var accepted = 0
        for trial in 0..<5000 {
            let text: String
            if trial % 2 == 0 {
                let length = Int.random(in: 0...70, using: &rng)
                text = String(decoding: (0..<length).map { _ in Base58.alphabet.randomElement(using: &rng)! }, as: UTF8.self)
            } else {
                text = String(decoding: rng.bytes(Int.random(in: 0...70, using: &rng)), as: UTF8.self)
            }
            if (try? SS58.decode(text)) != nil { accepted += 1 }
            _ = try? SS58.decode(Base58.encode(rng.bytes(Int.random(in: 0...40, using: &rng))))
        }
        #expect(accepted == 0)
    }

    @Test func base58RoundTrips() {
        var rng = SplitMix64(seed: 77)
        for length in 0...60 {
            var bytes = rng.bytes(length)
            if length > 3 { bytes[0] = 0; bytes[1] = 0 }  // leading zeros become '1's
            let text = Base58.encode(bytes)
            guard case .success(let back) = Base58.decode(text) else { Issue.record("decode failed"); continue }
            #expect(back == bytes)
        }
        #expect(Base58.encode(Array("Hello World!".utf8)) == "2NEpo7TZRRrLZSi2U")
    }
}
