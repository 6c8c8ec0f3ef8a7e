import Foundation
import Testing
import TestSupport
@testable import ChainCrypto

@Suite struct AccountKeyLoaderTests {
    @Test func secretURIWithTrailingNewline() throws {
        let seed = "0x" + String(repeating: "42", count: 32)
        let expected = try KeyPair(secretURI: seed, scheme: .ed25519).publicKey
        for text in [seed, seed + "\n", seed + "\r\n"] {
            let loaded = try AccountKeyLoader.load(SecretBytes(Array(text.utf8)), scheme: .ed25519) {
                Issue.record("no password needed for a URI"); return SecretBytes([])
            }
            #expect(loaded.keyPair.publicKey == expected)
            #expect(loaded.keyFile == nil)
        }
        #expect(throws: AccountKeyLoader.LoadError.secretURI(.invalidFormat(offset: 66))) {
            try AccountKeyLoader.load(SecretBytes(Array((seed + "\n\n").utf8)), scheme: .ed25519) { SecretBytes([]) }
        }
        #expect(throws: AccountKeyLoader.LoadError.secretURI(.empty)) {
            try AccountKeyLoader.load(SecretBytes(Array("\n".utf8)), scheme: .ed25519) { SecretBytes([]) }
        }
        #expect(throws: AccountKeyLoader.LoadError.notText) {
            try AccountKeyLoader.load(SecretBytes([0xFF, 0xFE]), scheme: .ed25519) { SecretBytes([]) }
        }
    }

    @Test func keyFileAsksForThePasswordOnce() throws {
        let seed = KeyTests.bytes(32, seed: 8)
        let ed = try Ed25519KeyPair(seed: seed)
        let json = try PolkadotKeyFileTests.syntheticFile(secret: seed + ed.publicKey, publicKey: ed.publicKey)
        var asked = 0
        let loaded = try AccountKeyLoader.load(SecretBytes(json), scheme: nil) {
            asked += 1
            return SecretBytes(Array("pw".utf8))
        }
        #expect(asked == 1)
        #expect(loaded.keyPair.publicKey == ed.publicKey)
        #expect(loaded.keyFile?.name == "n")
        #expect(throws: AccountKeyLoader.LoadError.schemeMismatch(requested: .sr25519, inFile: .ed25519)) {
            try AccountKeyLoader.load(SecretBytes(json), scheme: .sr25519) { SecretBytes(Array("pw".utf8)) }
        }
        #expect(throws: AccountKeyLoader.LoadError.keyFile(.wrongPassword)) {
            try AccountKeyLoader.load(SecretBytes(json), scheme: .ed25519) { SecretBytes(Array("nope".utf8)) }
        }
    }
}
