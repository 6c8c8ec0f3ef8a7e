import Foundation
import Testing
import TestSupport
@testable import ChainCrypto

@Suite struct Ed25519DerivationTests {
    static let seedHex = "0x" + hexString(KeyTests.bytes(32, seed: 77), prefix: false)

    /// Bare phrase and bare seed give substrate-interface's ed25519 keys
    /// (it derives no ed25519 paths, so paths are checked below).
    @Test(.enabled(if: KeyTests.pythonEnabled, "needs the reference Python venv"))
    func rootKeysMatchSubstrateInterface() throws {
        let script = """
        import sys
        from substrateinterface import Keypair, KeypairType
        phrase, seed = sys.stdin.read().split("\\n")[:2]
        print(Keypair.create_from_uri(phrase, crypto_type=KeypairType.ED25519).public_key.hex())
        print(Keypair.create_from_seed(seed, crypto_type=KeypairType.ED25519).public_key.hex())
        print(Keypair.create_from_mnemonic(phrase, crypto_type=KeypairType.ED25519).public_key.hex())
        """
        let lines = KeyTests.lines(try ReferencePython.run(script, stdin: "\(KeyTests.devPhrase)\n\(Self.seedHex)\n"))
        try #require(lines.count == 3)
        #expect(hexString(try KeyPair(secretURI: KeyTests.devPhrase, scheme: .ed25519).publicKey, prefix: false) == lines[0])
        #expect(hexString(try KeyPair(secretURI: Self.seedHex, scheme: .ed25519).publicKey, prefix: false) == lines[1])
        #expect(lines[0] == lines[2])
    }

    /// Hard paths follow Substrate's Ed25519HDKD rule, written out here in
    /// Python: seed' = blake2b-256(compact_len("Ed25519HDKD") ‖ "Ed25519HDKD" ‖
    /// seed ‖ chain code), starting from substrate-bip39's mini secret, with
    /// the public key from PyNaCl.
    @Test(.enabled(if: KeyTests.pythonEnabled, "needs the reference Python venv"))
    func hardPathsFollowEd25519HDKD() throws {
        let uris = ["\(KeyTests.devPhrase)//phala//1", "\(KeyTests.devPhrase)//Alice", "//Alice", "//Bob",
                    "\(Self.seedHex)//hard", "\(KeyTests.devPhrase)//\(String(repeating: "long", count: 10))",
                    "\(KeyTests.devPhrase)//phala///pw"]
        let script = """
        import sys, hashlib, struct
        from bip39 import bip39_to_mini_secret
        from nacl.signing import SigningKey
        DEV = "bottom drive obey lake curtain smoke basket hold race lonely fit walk"
        def compact(n):
            assert n < 64
            return bytes([n << 2])
        def chain_code(text):
            if text.isdigit() and text.isascii() and int(text) < 2**64:
                data = struct.pack("<Q", int(text))
            else:
                raw = text.encode()
                data = compact(len(raw)) + raw
            return hashlib.blake2b(data, digest_size=32).digest() if len(data) > 32 else data.ljust(32, b"\\0")
        for uri in sys.stdin.read().split("\\n"):
            if not uri: continue
            password = ""
            if "///" in uri:
                uri, password = uri.split("///", 1)
            parts = uri.split("//")
            root, path = parts[0] or DEV, parts[1:]
            if root.startswith("0x"):
                seed = bytes.fromhex(root[2:])
            else:
                seed = bytes(bip39_to_mini_secret(root, password))
            for j in path:
                tag = b"Ed25519HDKD"
                seed = hashlib.blake2b(compact(len(tag)) + tag + seed + chain_code(j), digest_size=32).digest()
            print(bytes(SigningKey(seed).verify_key).hex())
        """
        let lines = KeyTests.lines(try ReferencePython.run(script, stdin: uris.joined(separator: "\n")))
        try #require(lines.count == uris.count)
        for (uri, expected) in zip(uris, lines) {
            let pair = try KeyPair(secretURI: uri, scheme: .ed25519)
            #expect(hexString(pair.publicKey, prefix: false) == expected, "path \(uris.firstIndex(of: uri) ?? -1)")
            let message = Array("signed by a derived key".utf8)
            #expect(KeyPair.verify(scheme: .ed25519, signature: try pair.sign(message), message: message,
                                   publicKey: pair.publicKey))
        }
    }

    @Test func softJunctionIsAnErrorForEd25519() throws {
        #expect(throws: SecretURIError.invalidPath(scheme: .ed25519, junctionIndex: 1)) {
            try KeyPair(secretURI: "\(KeyTests.devPhrase)//hard/soft", scheme: .ed25519)
        }
        let pair = try Ed25519KeyPair(seed: KeyTests.bytes(32, seed: 1))
        #expect(throws: Ed25519Error.invalidChainCodeLength(actual: 31)) {
            try pair.deriveHard(chainCode: [UInt8](repeating: 0, count: 31))
        }
    }

    @Test func seedAndPhraseErrors() throws {
        #expect(throws: SecretURIError.invalidSeed(byteCount: 31)) {
            try KeyPair(secretURI: "0x" + String(repeating: "00", count: 31), scheme: .ed25519)
        }
        #expect(throws: SecretURIError.invalidSeed(byteCount: nil)) {
            try KeyPair(secretURI: "0xzz" + String(repeating: "00", count: 31), scheme: .ed25519)
        }
        #expect(throws: SecretURIError.invalidPhrase(.badChecksum)) {
            try KeyPair(secretURI: KeyTests.devPhrase.replacingOccurrences(of: "bottom drive", with: "drive bottom"),
                        scheme: .ed25519)
        }
        // A hex seed ignores `///password`, as in Substrate.
        let seed = "0x" + String(repeating: "11", count: 32)
        #expect(try KeyPair(secretURI: seed + "///pw", scheme: .ed25519).publicKey
                == KeyPair(secretURI: seed, scheme: .ed25519).publicKey)
        // A password changes a phrase's key.
        #expect(try KeyPair(secretURI: KeyTests.devPhrase + "///pw", scheme: .ed25519).publicKey
                != KeyPair(secretURI: KeyTests.devPhrase, scheme: .ed25519).publicKey)
    }

    @Test func keyPairDescriptionsHideSecrets() throws {
        let pair = try KeyPair(secretURI: Self.seedHex, scheme: .ed25519)
        let secret = String(Self.seedHex.dropFirst(2))
        for text in [pair.description, pair.debugDescription, String(describing: pair), String(reflecting: pair),
                     { var s = ""; dump(pair, to: &s); return s }()] {
            #expect(!text.contains(secret))
            #expect(!text.contains(String(secret.prefix(12))))
        }
    }
}
