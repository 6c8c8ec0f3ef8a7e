import Foundation
import Testing
import TestSupport
@testable import ChainCrypto

@Suite struct Ed25519KeyPairTests {
    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func referenceVector() throws {
        let vectors = try Fixtures.referenceVectors()
        let v = try #require(vectors["ed25519"] as? [String: Any])
        let seed = hexBytes(try #require(v["seed"] as? String))
        let message = hexBytes(try #require(v["message"] as? String))
        let expectedPublic = hexBytes(try #require(v["public"] as? String))
        let expectedSignature = hexBytes(try #require(v["signature_deterministic"] as? String))

        let pair = try Ed25519KeyPair(seed: seed)
        #expect(pair.publicKey == expectedPublic)
        let signature = try pair.sign(message)
        #expect(signature == expectedSignature)
        #expect(Ed25519KeyPair.verify(signature: signature, message: message, publicKey: pair.publicKey)
                == (v["verify"] as? Bool))
    }

    @Test func flippedBitsFail() throws {
        let pair = try Ed25519KeyPair(seed: KeyTests.bytes(32, seed: 1))
        let message = Array("phala heartbeat #42".utf8)
        let signature = try pair.sign(message)
        #expect(Ed25519KeyPair.verify(signature: signature, message: message, publicKey: pair.publicKey))
        for bit in [0, 7, 100, message.count * 8 - 1] {
            #expect(!Ed25519KeyPair.verify(signature: signature, message: KeyTests.flipped(message, bit: bit),
                                           publicKey: pair.publicKey))
        }
        for bit in [0, 13, 255, 256, 300, 511] {
            #expect(!Ed25519KeyPair.verify(signature: KeyTests.flipped(signature, bit: bit), message: message,
                                           publicKey: pair.publicKey))
        }
        for bit in [0, 77, 254] {
            #expect(!Ed25519KeyPair.verify(signature: signature, message: message,
                                           publicKey: KeyTests.flipped(pair.publicKey, bit: bit)))
        }
    }

    @Test func badLengthsAreErrorsNotTraps() throws {
        #expect(throws: Ed25519Error.invalidSeedLength(actual: 31)) { try Ed25519KeyPair(seed: [UInt8](repeating: 1, count: 31)) }
        #expect(throws: Ed25519Error.invalidSeedLength(actual: 0)) { try Ed25519KeyPair(seed: []) }
        let pair = try Ed25519KeyPair(seed: KeyTests.bytes(32, seed: 2))
        let signature = try pair.sign([])
        #expect(Ed25519KeyPair.verify(signature: signature, message: [], publicKey: pair.publicKey))
        #expect(!Ed25519KeyPair.verify(signature: Array(signature.prefix(63)), message: [], publicKey: pair.publicKey))
        #expect(!Ed25519KeyPair.verify(signature: signature, message: [], publicKey: Array(pair.publicKey.prefix(31))))
        #expect(!Ed25519KeyPair.verify(signature: [], message: [], publicKey: []))
    }

    @Test func descriptionsHideTheSeed() throws {
        let seed = KeyTests.bytes(32, seed: 3)
        let pair = try Ed25519KeyPair(seed: seed)
        let seedHex = hexString(seed, prefix: false)
        for text in [pair.description, pair.debugDescription, String(describing: pair), String(reflecting: pair),
                     { var s = ""; dump(pair, to: &s); return s }()] {
            #expect(!text.contains(seedHex))
            #expect(!text.contains(String(seedHex.prefix(16))))
        }
        #expect(pair.description.contains(hexString(pair.publicKey, prefix: false)))
    }

    /// Both directions against PyNaCl (libsodium): it verifies our
    /// signatures, we verify its, and both agree on public keys.
    @Test(.enabled(if: KeyTests.pythonEnabled, "needs the reference Python venv"))
    func crossCheckWithPyNaCl() throws {
        var input = ""
        var ours: [(seed: [UInt8], message: [UInt8], publicKey: [UInt8], signature: [UInt8])] = []
        for i in 0..<8 {
            let seed = KeyTests.bytes(32, seed: 100 + UInt64(i))
            let message = KeyTests.bytes(i * 37, seed: 200 + UInt64(i))
            let pair = try Ed25519KeyPair(seed: seed)
            let signature = try pair.sign(message)
            ours.append((seed, message, pair.publicKey, signature))
            input += "\(hexString(seed, prefix: false)) \(hexString(message, prefix: false)) \(hexString(signature, prefix: false))\n"
        }
        let script = """
        import sys
        from nacl.signing import SigningKey, VerifyKey
        from nacl.exceptions import BadSignatureError
        for line in sys.stdin.read().split("\\n"):
            if not line.strip(): continue
            seed, msg, sig = (bytes.fromhex(x) for x in (line.split(" ") + [""])[:3])
            sk = SigningKey(seed)
            vk = sk.verify_key
            try:
                vk.verify(msg, sig); ok = "ok"
            except BadSignatureError:
                ok = "bad"
            try:
                vk.verify(msg + b"x", sig); tampered = "accepted"
            except BadSignatureError:
                tampered = "rejected"
            theirs = sk.sign(msg + b"!").signature
            print(bytes(vk).hex(), ok, tampered, theirs.hex())
        """
        let lines = KeyTests.lines(try ReferencePython.run(script, stdin: input))
        try #require(lines.count == ours.count)
        for (line, mine) in zip(lines, ours) {
            let parts = line.split(separator: " ").map(String.init)
            try #require(parts.count == 4)
            #expect(hexBytes(parts[0]) == mine.publicKey)
            #expect(parts[1] == "ok")
            #expect(parts[2] == "rejected")
            let theirs = hexBytes(parts[3])
            let theirMessage = mine.message + Array("!".utf8)
            #expect(Ed25519KeyPair.verify(signature: theirs, message: theirMessage, publicKey: mine.publicKey))
            #expect(!Ed25519KeyPair.verify(signature: theirs, message: mine.message, publicKey: mine.publicKey))
            // ed25519 is deterministic: our signature of the same message is theirs.
            let pair = try Ed25519KeyPair(seed: mine.seed)
            #expect(try pair.sign(theirMessage) == theirs)
        }
    }
}
