import Foundation
import Testing
import TestSupport
@testable import ChainCrypto

@Suite struct PolkadotKeyFileTests {
    static let password = "correct horse battery staple ✓"

    /// Key files made by substrate-interface: sr25519 through its own
    /// `export_to_encrypted_json`; ed25519 (which it cannot export) through
    /// its `encode_pair` with a PyNaCl key in tweetnacl's seed ‖ public form,
    /// which is what polkadot.js writes for ed25519.
    static func makeKeyFiles() throws -> [(scheme: KeyScheme, uri: String, publicKey: String, json: String)] {
        let script = """
        import sys, json, base64
        from substrateinterface import Keypair, KeypairType
        from substrateinterface.utils.encrypted_json import encode_pair
        from nacl.signing import SigningKey
        password = sys.stdin.read()
        out = []
        for uri in ["//Alice", "bottom drive obey lake curtain smoke basket hold race lonely fit walk//phala//1"]:
            kp = Keypair.create_from_uri(uri, crypto_type=KeypairType.SR25519)
            out.append({"scheme": "sr25519", "uri": uri, "public": kp.public_key.hex(),
                        "json": json.dumps(kp.export_to_encrypted_json(password, "test account"))})
        seed_hex = "0x" + bytes(range(32)).hex()
        kp = Keypair.create_from_seed(seed_hex, crypto_type=KeypairType.ED25519)
        sk = SigningKey(bytes(range(32)))
        assert bytes(sk.verify_key) == kp.public_key
        encoded = encode_pair(kp.public_key, bytes(sk._signing_key), password)
        doc = {"encoded": base64.b64encode(encoded).decode(),
               "encoding": {"content": ["pkcs8", "ed25519"], "type": ["scrypt", "xsalsa20-poly1305"], "version": "3"},
               "address": kp.ss58_address, "meta": {"name": "ed account", "tags": [], "whenCreated": 0}}
        # Independent check that substrate-interface reads what it wrote.
        assert Keypair.create_from_encrypted_json(doc, password).public_key == kp.public_key
        out.append({"scheme": "ed25519", "uri": seed_hex, "public": kp.public_key.hex(), "json": json.dumps(doc)})
        print(json.dumps(out))
        """
        let output = try ReferencePython.run(script, stdin: password)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: String]])
        return try list.map { item in
            (try #require(KeyScheme(rawValue: item["scheme"] ?? "")), try #require(item["uri"]),
             try #require(item["public"]), try #require(item["json"]))
        }
    }

    @Test(.enabled(if: KeyTests.pythonEnabled, "needs the reference Python venv"))
    func opensFilesMadeBySubstrateInterface() throws {
        for file in try Self.makeKeyFiles() {
            do { try Self.check(file) } catch { Issue.record(error, "\(file.scheme) file from \(file.uri.suffix(8))") }
        }
    }

    static func check(_ file: (scheme: KeyScheme, uri: String, publicKey: String, json: String)) throws {
        do {
            let keyFile = try PolkadotKeyFile(json: Array(file.json.utf8))
            #expect(keyFile.scheme == file.scheme)
            #expect(PolkadotKeyFile.looksLikeKeyFile(Array(file.json.utf8)))
            let contents = try keyFile.decryptContents(password: SecretBytes(Array(Self.password.utf8)))
            #expect(hexString(contents.publicKey, prefix: false) == file.publicKey)
            #expect(contents.secret.count == 64)
            let pair = try keyFile.decrypt(password: SecretBytes(Array(Self.password.utf8)))
            #expect(pair.scheme == file.scheme)
            #expect(hexString(pair.publicKey, prefix: false) == file.publicKey)
            // Same key as the URI it was made from, and it signs.
            #expect(try KeyPair(secretURI: file.uri, scheme: file.scheme).publicKey == pair.publicKey)
            let message = Array("start_computing".utf8)
            #expect(KeyPair.verify(scheme: pair.scheme, signature: try pair.sign(message), message: message,
                                   publicKey: pair.publicKey))

            #expect(throws: KeyFileError.wrongPassword) {
                try keyFile.decrypt(password: SecretBytes(Array("correct horse battery stapLe ✓".utf8)))
            }
            #expect(throws: KeyFileError.wrongPassword) { try keyFile.decrypt(password: SecretBytes([])) }
        }
    }

    /// A synthetic file (our own seal, fast scrypt parameters) to probe error paths.
    /// `n` is the recorded scrypt N; when it is not a usable value the
    /// box is sealed with an arbitrary key (the reader must refuse N first).
    static func syntheticFile(secret: [UInt8], publicKey: [UInt8], scheme: String = "ed25519", n: UInt32 = 1024,
                              version: String = "3", password: String = "pw", name: String = "n") throws -> [UInt8] {
        let salt = KeyTests.bytes(32, seed: 1), nonce = KeyTests.bytes(24, seed: 2)
        let key = Scrypt.parametersAcceptable(n: UInt64(n), r: 8, p: 1)
            ? try Scrypt.derive(password: SecretBytes(Array(password.utf8)), salt: salt, n: UInt64(n), r: 8, p: 1,
                                length: 32)
            : SecretBytes(KeyTests.bytes(32, seed: 3))
        let plain = PolkadotPKCS8.encode(secret: SecretBytes(secret), publicKey: publicKey)
        let box = try SecretBox.seal(plain, nonce: nonce, key: key)
        func le(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
        let payload = salt + le(n) + le(1) + le(8) + nonce + box
        let json = """
        {"encoded":"\(Data(payload).base64EncodedString())","encoding":{"content":["pkcs8","\(scheme)"],\
        "type":["scrypt","xsalsa20-poly1305"],"version":"\(version)"},"address":"x","meta":{"name":"\(name)"}}
        """
        return Array(json.utf8)
    }

    @Test func syntheticEd25519FileAndErrors() throws {
        let seed = KeyTests.bytes(32, seed: 5)
        let ed = try Ed25519KeyPair(seed: seed)
        let pw = SecretBytes(Array("pw".utf8))
        // 64-byte tweetnacl form and the 32-byte seed form both open.
        for secret in [seed + ed.publicKey, seed] {
            let file = try PolkadotKeyFile(json: Self.syntheticFile(secret: secret, publicKey: ed.publicKey))
            #expect(try file.decrypt(password: pw).publicKey == ed.publicKey)
        }
        // A file whose recorded public key is not the secret's.
        let lying = try PolkadotKeyFile(json: Self.syntheticFile(secret: seed + ed.publicKey,
                                                                 publicKey: KeyTests.flipped(ed.publicKey, bit: 3)))
        #expect(throws: KeyFileError.publicKeyMismatch) { try lying.decrypt(password: pw) }
        // Version, type and content checks.
        #expect(throws: KeyFileError.unsupportedEncoding("version 2 (only version 3 files)")) {
            try PolkadotKeyFile(json: Self.syntheticFile(secret: seed, publicKey: ed.publicKey, version: "2"))
        }
        #expect(throws: KeyFileError.unsupportedKeyType("ecdsa")) {
            try PolkadotKeyFile(json: Self.syntheticFile(secret: seed, publicKey: ed.publicKey, scheme: "ecdsa"))
        }
        // A hostile scrypt N is refused before any work.
        let huge = try PolkadotKeyFile(json: Self.syntheticFile(secret: seed, publicKey: ed.publicKey, n: 1 << 30))
        #expect(throws: KeyFileError.unsupportedScryptParameters(n: 1 << 30, r: 8, p: 1)) { try huge.decrypt(password: pw) }
        let notPowerOfTwo = try PolkadotKeyFile(json: Self.syntheticFile(secret: seed, publicKey: ed.publicKey, n: 1000))
        #expect(throws: KeyFileError.unsupportedScryptParameters(n: 1000, r: 8, p: 1)) {
            try notPowerOfTwo.decrypt(password: pw)
        }
        // Garbage in, typed errors out.
        #expect(throws: KeyFileError.malformedJSON("not valid JSON")) { try PolkadotKeyFile(json: Array("{".utf8)) }
        #expect(throws: KeyFileError.malformedJSON("missing field encoded")) {
            try PolkadotKeyFile(json: Array(#"{"encoding":{"content":[],"type":[],"version":"3"}}"#.utf8))
        }
        #expect(throws: KeyFileError.self) {
            try PolkadotKeyFile(json: Array(#"{"encoded":"AAAA","encoding":{"content":["pkcs8","ed25519"],"type":["scrypt","xsalsa20-poly1305"],"version":"3"}}"#.utf8))
        }
        #expect(throws: KeyFileError.tooLarge(byteCount: 70_000, limit: PolkadotKeyFile.maxFileBytes)) {
            try PolkadotKeyFile(json: [UInt8](repeating: 0x20, count: 70_000))
        }
        #expect(!PolkadotKeyFile.looksLikeKeyFile(Array(KeyTests.devPhrase.utf8)))
    }

    /// polkadot.js files made from a seed hold the 32-byte mini secret; it
    /// opens as the URI `0xSEED` would.
    @Test func sr25519MiniSecretFile() throws {
        let seed = KeyTests.bytes(32, seed: 13)
        let expected = try KeyPair(secretURI: "0x" + hexString(seed, prefix: false))
        let json = try Self.syntheticFile(secret: seed, publicKey: expected.publicKey, scheme: "sr25519")
        let file = try PolkadotKeyFile(json: json)
        #expect(file.scheme == .sr25519)
        let pair = try file.decrypt(password: SecretBytes(Array("pw".utf8)))
        #expect(pair.scheme == .sr25519)
        #expect(pair.publicKey == expected.publicKey)
        // The same secret recorded as ed25519 content yields another key: refused.
        let mislabelled = try PolkadotKeyFile(json: Self.syntheticFile(secret: seed, publicKey: expected.publicKey))
        #expect(throws: KeyFileError.publicKeyMismatch) { try mislabelled.decrypt(password: SecretBytes(Array("pw".utf8))) }
    }

    @Test func errorsNeverContainThePassword() throws {
        let seed = KeyTests.bytes(32, seed: 6)
        let ed = try Ed25519KeyPair(seed: seed)
        let file = try PolkadotKeyFile(json: Self.syntheticFile(secret: seed, publicKey: ed.publicKey, password: "pw"))
        do {
            _ = try file.decrypt(password: SecretBytes(Array("hunter2-wrong".utf8)))
            Issue.record("a wrong password opened the file")
        } catch {
            #expect(error == .wrongPassword)
            #expect(!error.description.contains("hunter2"))
            #expect(!String(reflecting: error).contains("hunter2"))
        }
        #expect(!file.description.contains(hexString(seed, prefix: false)))
    }
}
