import COpenSSL
import Testing
import TestSupport
@testable import ChainCrypto

/// sr25519 key pairs against reference-vectors.json and their own invariants.
@Suite struct Sr25519KeyPairTests {
    static func vectors() throws -> [String: Any] {
        let all = try Fixtures.referenceVectors()
        return try #require(all["sr25519"] as? [String: Any])
    }

    static func string(_ d: [String: Any], _ key: String) throws -> String {
        try #require(d[key] as? String, "reference-vectors.json sr25519.\(key)")
    }

    /// Substrate's mini secret for a BIP-39 phrase: PBKDF2-HMAC-SHA512 over the
    /// phrase's entropy, salt "mnemonic" (no password), 2048 rounds, first 32 bytes.
    static func miniSecret(entropy: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 64)
        let salt = Array("mnemonic".utf8)
        _ = entropy.withUnsafeBytes { e in
            PKCS5_PBKDF2_HMAC(e.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(entropy.count),
                              salt, Int32(salt.count), 2048, EVP_sha512(), 64, &out)
        }
        return Array(out[0..<32])
    }

    /// Entropy of the dev phrase "bottom drive obey lake curtain smoke basket
    /// hold race lonely fit walk" (its 12 words' 11-bit indices, checksum dropped).
    static let devPhraseEntropy = hexBytes("1a486a5fbe53639984cb64b070755f7b")

    /// SCALE encoding of a string junction padded to a 32-byte chain code.
    static func chainCode(_ name: String) -> [UInt8] {
        let utf8 = Array(name.utf8)
        var cc = [UInt8(utf8.count << 2)] + utf8  // compact length (< 64 bytes)
        while cc.count < 32 { cc.append(0) }
        return cc
    }

    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func miniSecretVectorGivesItsPublicKey() throws {
        let v = try Self.vectors()
        let pair = try Sr25519KeyPair(miniSecret: hexBytes(try Self.string(v, "mini_secret_seed")))
        #expect(hexString(pair.publicKey) == (try Self.string(v, "public")))
    }

    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func referenceSignatureVerifiesAndTamperedMessageDoesNot() throws {
        let v = try Self.vectors()
        let publicKey = hexBytes(try Self.string(v, "public"))
        let message = hexBytes(try Self.string(v, "message"))
        let signature = hexBytes(try Self.string(v, "signature_random_per_run"))
        #expect(Sr25519KeyPair.verify(signature: signature, message: message, publicKey: publicKey))
        var tampered = message
        tampered[0] ^= 1
        #expect(!Sr25519KeyPair.verify(signature: signature, message: tampered, publicKey: publicKey))
        // Without the schnorrkel marker bit the same signature is refused.
        var unmarked = signature
        unmarked[63] &= 0x7f
        #expect(!Sr25519KeyPair.verify(signature: unmarked, message: message, publicKey: publicKey))
    }

    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func devAccountsAliceAndBob() throws {
        let v = try Self.vectors()
        let dev = try #require(v["dev_uri_public"] as? [String: String])
        let root = try Sr25519KeyPair(miniSecret: Self.miniSecret(entropy: Self.devPhraseEntropy))
        for name in ["Alice", "Bob"] {
            let expected = try #require(dev["//\(name)"])
            #expect(hexString(root.deriveHard(chainCode: Self.chainCode(name)).publicKey) == expected, "//\(name)")
        }
    }

    @Test func signThenVerifyAndEveryFlippedBitFails() throws {
        let pair = try Sr25519KeyPair(miniSecret: Array(0..<32))
        let message = Array("phala heartbeat".utf8)
        let signature = pair.sign(message)
        #expect(signature.count == 64)
        #expect(signature[63] & 0x80 != 0)
        #expect(Sr25519KeyPair.verify(signature: signature, message: message, publicKey: pair.publicKey))
        // Randomised signing: two signatures differ, both verify.
        let again = pair.sign(message)
        #expect(again != signature)
        #expect(Sr25519KeyPair.verify(signature: again, message: message, publicKey: pair.publicKey))
        for bit in stride(from: 0, to: 512, by: 7) {
            var s = signature
            s[bit / 8] ^= UInt8(1 << (bit % 8))
            #expect(!Sr25519KeyPair.verify(signature: s, message: message, publicKey: pair.publicKey), "signature bit \(bit)")
        }
        for bit in stride(from: 0, to: 256, by: 5) {
            var k = pair.publicKey
            k[bit / 8] ^= UInt8(1 << (bit % 8))
            #expect(!Sr25519KeyPair.verify(signature: signature, message: message, publicKey: k), "key bit \(bit)")
        }
        var m = message
        m[3] ^= 0x10
        #expect(!Sr25519KeyPair.verify(signature: signature, message: m, publicKey: pair.publicKey))
        #expect(!Sr25519KeyPair.verify(signature: signature, message: message + [0], publicKey: pair.publicKey))
    }

    @Test func nonCanonicalSIsRejected() throws {
        let pair = try Sr25519KeyPair(miniSecret: [UInt8](repeating: 9, count: 32))
        let message: [UInt8] = [1, 2, 3]
        let signature = pair.sign(message)
        // s + ℓ is the same scalar mod ℓ but not canonical: must be refused.
        let ell = hexBytes("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010")
        var s = Array(signature[32..<64]); s[31] &= 0x7f
        var carry = 0
        var bumped = [UInt8](repeating: 0, count: 32)
        for i in 0..<32 {
            let v = Int(s[i]) + Int(ell[i]) + carry
            bumped[i] = UInt8(v & 0xff); carry = v >> 8
        }
        #expect(carry == 0 && bumped[31] & 0x80 == 0)
        bumped[31] |= 0x80
        #expect(!Sr25519KeyPair.verify(signature: Array(signature[0..<32]) + bumped, message: message, publicKey: pair.publicKey))
    }

    @Test func malformedInputsAreErrorsNotTraps() {
        #expect(throws: Sr25519Error.invalidLength(what: "mini secret", expected: 32, actual: 31)) {
            try Sr25519KeyPair(miniSecret: [UInt8](repeating: 1, count: 31))
        }
        #expect(throws: Sr25519Error.invalidPublicKey) {
            try Sr25519PublicKey(bytes: hexBytes("0100000000000000000000000000000000000000000000000000000000000000"))
        }
        #expect(throws: Sr25519Error.nonCanonicalSecretScalar) {
            try Sr25519KeyPair(schnorrkelSecretKey: [UInt8](repeating: 0xff, count: 64))
        }
        #expect(!Sr25519KeyPair.verify(signature: [], message: [], publicKey: []))
        #expect(!Sr25519KeyPair.verify(signature: [UInt8](repeating: 0, count: 64), message: [], publicKey: [UInt8](repeating: 0, count: 32)))
    }

    @Test func softDerivationAgreesForKeyPairAndPublicKey() throws {
        let pair = try Sr25519KeyPair(miniSecret: [UInt8](repeating: 3, count: 32))
        let cc = Self.chainCode("phala")
        let child = pair.deriveSoft(chainCode: cc)
        #expect(child.publicKey == pair.publicKeyValue.deriveSoft(chainCode: cc).bytes)
        #expect(child.publicKey != pair.publicKey)
        let message = Array("soft".utf8)
        #expect(Sr25519KeyPair.verify(signature: child.sign(message), message: message, publicKey: child.publicKey))
        // Hard derivation is deterministic and differs from soft.
        #expect(pair.deriveHard(chainCode: cc).publicKey == pair.deriveHard(chainCode: cc).publicKey)
        #expect(pair.deriveHard(chainCode: cc).publicKey != child.publicKey)
    }

    @Test func chainCodesOfOtherLengthsFollowTheJunctionRule() throws {
        let pair = try Sr25519KeyPair(miniSecret: [UInt8](repeating: 5, count: 32))
        let short: [UInt8] = [1, 2, 3]
        let padded = short + [UInt8](repeating: 0, count: 29)
        #expect(pair.deriveHard(chainCode: short).publicKey == pair.deriveHard(chainCode: padded).publicKey)
        #expect(pair.publicKeyValue.deriveSoft(chainCode: short) == pair.publicKeyValue.deriveSoft(chainCode: padded))
        let long = [UInt8](repeating: 7, count: 40)
        #expect(pair.deriveHard(chainCode: long).publicKey == pair.deriveHard(chainCode: blake2_256(long)).publicKey)
        #expect(pair.deriveHard(chainCode: long).publicKey != pair.deriveHard(chainCode: Array(long.prefix(32))).publicKey)
    }

    @Test func importedSecretFormatsGiveTheSameKey() throws {
        let pair = try Sr25519KeyPair(miniSecret: Array(100..<132))
        let schnorrkel = pair.secret.schnorrkelBytes
        #expect(try Sr25519KeyPair(schnorrkelSecretKey: schnorrkel).publicKey == pair.publicKey)
        // Ed25519 form: the scalar times 8 (shift left by 3), then the nonce.
        var times8 = [UInt8](repeating: 0, count: 32)
        var carry: UInt8 = 0
        for i in 0..<32 {
            times8[i] = (schnorrkel[i] << 3) | carry
            carry = schnorrkel[i] >> 5
        }
        #expect(try Sr25519KeyPair(ed25519FormatSecretKey: times8 + Array(schnorrkel[32..<64])).publicKey == pair.publicKey)
    }

    @Test func secretsNeverAppearInDescriptions() throws {
        let mini = Array(200..<232).map { UInt8($0) }
        let pair = try Sr25519KeyPair(miniSecret: mini)
        let secretHexes = [hexString(mini, prefix: false),
                           hexString(pair.secret.keyBytes, prefix: false),
                           hexString(pair.secret.nonce, prefix: false)]
        var dumped = ""
        dump(pair, to: &dumped)
        let renderings = [String(describing: pair), String(reflecting: pair), "\(pair)", dumped,
                          String(describing: pair.secret), String(reflecting: pair.secret)]
        for text in renderings {
            #expect(text.contains("redacted") || text.contains("publicKey"))
            for secret in secretHexes {
                #expect(!text.lowercased().contains(secret))
                #expect(!text.lowercased().contains(String(secret.prefix(16))))
            }
        }
        // Byte-list renderings of the secret are absent too.
        #expect(!String(reflecting: pair).contains("\(Array(pair.secret.nonce.prefix(4)))".dropLast()))
        #expect(String(describing: pair).contains(hexString(pair.publicKey, prefix: false)))
    }
}
