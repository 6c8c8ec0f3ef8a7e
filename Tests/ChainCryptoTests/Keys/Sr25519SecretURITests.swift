import Foundation
import Testing
import TestSupport
@testable import ChainCrypto

/// Secret URIs to sr25519 keys through `KeyPair`, checked against
/// substrate-interface / py-sr25519-bindings / py-bip39-bindings.
@Suite struct Sr25519SecretURITests {
    static let phrase = KeyTests.devPhrase
    static let seedHex = "0x" + hexString(KeyTests.bytes(32, seed: 99), prefix: false)

    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func devAccountsMatchReferenceVectors() throws {
        let vectors = try Fixtures.referenceVectors()
        let sr = try #require(vectors["sr25519"] as? [String: Any])
        let dev = try #require(sr["dev_uri_public"] as? [String: String])
        try #require(dev.count >= 2)
        for (uri, expected) in dev {
            let pair = try KeyPair(secretURI: uri)
            #expect(pair.scheme == .sr25519)
            #expect(hexString(pair.publicKey) == expected, "\(uri)")
        }
        // The mini-secret vector, through a 0x seed URI.
        let mini = try #require(sr["mini_secret_seed"] as? String)
        #expect(hexString(try KeyPair(secretURI: mini).publicKey) == (sr["public"] as? String))
    }

    /// Public keys of derived URIs equal the reference: py-bip39-bindings'
    /// mini secret (with the password) or the hex seed, then
    /// substrate-interface's junction parsing with py-sr25519-bindings'
    /// hard/soft derivation; for phrase URIs without a password also
    /// substrate-interface's own `Keypair.create_from_uri` (it rejects
    /// passwords and hex seeds in URIs). py-sr25519-bindings verifies our signatures.
    @Test(.enabled(if: KeyTests.pythonEnabled, "needs the reference Python venv"))
    func derivedKeysMatchSubstrateInterface() throws {
        let uris = ["\(Self.phrase)//phala//1", "\(Self.phrase)/soft//hard", "\(Self.seedHex)//hard",
                    "\(Self.seedHex)/soft/7", "//Alice", "//Bob", "//Alice/stash", "\(Self.phrase)",
                    "\(Self.phrase)//\(String(repeating: "long junction ", count: 4))", "\(Self.phrase)///pw",
                    "\(Self.phrase)//phala///pw"]
        let message = Array("add_worker(pid 7)".utf8)
        var input = ""
        for uri in uris {
            let pair = try KeyPair(secretURI: uri)
            input += "\(uri)\t\(hexString(pair.publicKey, prefix: false))\t\(hexString(try pair.sign(message), prefix: false))\n"
        }
        let script = """
        import sys, sr25519
        from bip39 import bip39_to_mini_secret
        from substrateinterface import Keypair, KeypairType
        from substrateinterface.key import extract_derive_path
        message = sys.argv[1].encode()
        for line in sys.stdin.read().split("\\n"):
            if not line: continue
            uri, ours_public, ours_sig = line.split("\\t")
            base, _, password = uri.partition("///")
            cut = base.find("/")
            root, path = (base, "") if cut < 0 else (base[:cut], base[cut:])
            root = root or "bottom drive obey lake curtain smoke basket hold race lonely fit walk"
            if root.startswith("0x"):
                public, secret = sr25519.pair_from_seed(bytes.fromhex(root[2:]))
            else:
                public, secret = sr25519.pair_from_seed(bytes(bip39_to_mini_secret(root, password)))
            for j in extract_derive_path(path) if path else []:
                f = sr25519.hard_derive_keypair if j.is_hard else sr25519.derive_keypair
                _, public, secret = f((j.chain_code, public, secret), b"")
            theirs = public.hex()
            # Where substrate-interface takes the URI itself (a phrase, no password), it must agree too.
            if not password and not root.startswith("0x"):
                assert Keypair.create_from_uri(uri, crypto_type=KeypairType.SR25519).public_key.hex() == theirs, uri
            ok = sr25519.verify(bytes.fromhex(ours_sig), message, bytes.fromhex(ours_public))
            bad = sr25519.verify(bytes.fromhex(ours_sig), message + b"!", bytes.fromhex(ours_public))
            print(theirs, ok, bad)
        """
        let lines = KeyTests.lines(try ReferencePython.run(script, arguments: [String(decoding: message, as: UTF8.self)],
                                                           stdin: input))
        try #require(lines.count == uris.count)
        for (index, (uri, line)) in zip(uris, lines).enumerated() {
            let parts = line.split(separator: " ").map(String.init)
            try #require(parts.count == 3)
            let pair = try KeyPair(secretURI: uri)
            #expect(hexString(pair.publicKey, prefix: false) == parts[0], "uri #\(index)")
            #expect(parts[1] == "True", "uri #\(index): py-sr25519-bindings rejected our signature")
            #expect(parts[2] == "False", "uri #\(index)")
        }
    }

    @Test func signVerifyAndTamper() throws {
        let pair = try KeyPair(secretURI: "//Alice")
        let message = Array("stop_computing".utf8)
        let signature = try pair.sign(message)
        #expect(signature.count == 64)
        #expect(KeyPair.verify(scheme: .sr25519, signature: signature, message: message, publicKey: pair.publicKey))
        #expect(!KeyPair.verify(scheme: .sr25519, signature: KeyTests.flipped(signature, bit: 9), message: message,
                                publicKey: pair.publicKey))
        #expect(!KeyPair.verify(scheme: .sr25519, signature: signature, message: KeyTests.flipped(message, bit: 0),
                                publicKey: pair.publicKey))
        #expect(!KeyPair.verify(scheme: .ed25519, signature: signature, message: message, publicKey: pair.publicKey))
        #expect(!KeyPair.verify(scheme: .sr25519, signature: [], message: message, publicKey: []))
        // Soft then hard equals the path parsed at once.
        let stepwise = try KeyPair(secretURI: Self.phrase).derive(DeriveJunction("soft", isHard: false))
            .derive(DeriveJunction("hard", isHard: true))
        #expect(stepwise.publicKey == (try KeyPair(secretURI: "\(Self.phrase)/soft//hard").publicKey))
    }

    @Test func descriptionsHideSr25519Secrets() throws {
        let pair = try KeyPair(secretURI: Self.seedHex)
        let secret = String(Self.seedHex.dropFirst(2))
        var dumped = ""
        dump(pair, to: &dumped)
        for text in [pair.description, pair.debugDescription, String(reflecting: pair), dumped] {
            #expect(!text.contains(String(secret.prefix(12))))
        }
        #expect(pair.description.contains("sr25519"))
    }
}
