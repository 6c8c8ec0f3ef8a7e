import Foundation
import Testing
import TestSupport
@testable import ChainCrypto

@Suite struct MnemonicTests {
    /// The embedded list is byte-for-byte the official english.txt.
    @Test func wordlistMatchesOfficialFile() {
        #expect(Bip39EnglishWordlist.words.count == 2048)
        #expect(Bip39EnglishWordlist.index.count == 2048)
        let file = Array((Bip39EnglishWordlist.words.joined(separator: "\n") + "\n").utf8)
        #expect(hexString(OpenSSLDigests.sha256(file), prefix: false)
                == "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda")
        #expect(Bip39EnglishWordlist.words.first == "abandon")
        #expect(Bip39EnglishWordlist.words.last == "zoo")
    }

    /// BIP-39 test vector (trezor vectors.json, first entry): 16 zero bytes.
    @Test func zeroEntropyPhrase() throws {
        let phrase = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"
        let entropy = try Mnemonic.entropy(fromPhrase: phrase)
        #expect(entropy.unsafeArrayCopy() == [UInt8](repeating: 0, count: 16))
        #expect(try Mnemonic.phrase(fromEntropy: entropy) == phrase)
        let ones = SecretBytes([UInt8](repeating: 0xFF, count: 32))
        #expect(try Mnemonic.phrase(fromEntropy: ones)
                == Array(repeating: "zoo", count: 23).joined(separator: " ") + " vote")
    }

    @Test func errorsNamePositionNotWords() throws {
        let dev = KeyTests.devPhrase
        #expect(throws: MnemonicError.badWordCount(11)) {
            try Mnemonic.entropy(fromPhrase: dev.split(separator: " ").dropLast().joined(separator: " "))
        }
        #expect(throws: MnemonicError.badWordCount(0)) { try Mnemonic.entropy(fromPhrase: "  ") }
        let typo = dev.replacingOccurrences(of: "curtain", with: "curtian")
        #expect(throws: MnemonicError.unknownWord(position: 5)) { try Mnemonic.entropy(fromPhrase: typo) }
        let upper = dev.replacingOccurrences(of: "bottom", with: "Bottom")
        #expect(throws: MnemonicError.unknownWord(position: 1)) { try Mnemonic.entropy(fromPhrase: upper) }
        // Swapping two words keeps every word valid but breaks the checksum.
        let swapped = dev.replacingOccurrences(of: "bottom drive", with: "drive bottom")
        #expect(throws: MnemonicError.badChecksum) { try Mnemonic.entropy(fromPhrase: swapped) }
        do {
            _ = try Mnemonic.entropy(fromPhrase: typo)
        } catch {
            #expect(!error.description.contains("curtian"))
            #expect(!error.description.contains("bottom"))
        }
        // Extra whitespace of any kind is fine.
        let spaced = "  " + dev.replacingOccurrences(of: " ", with: " \t\n ") + "\n"
        #expect(try Mnemonic.entropy(fromPhrase: spaced).unsafeArrayCopy()
                == Mnemonic.entropy(fromPhrase: dev).unsafeArrayCopy())
    }

    /// Mini secrets and phrases agree with py-bip39-bindings (Rust
    /// substrate-bip39 + tiny-bip39) for every word count, with and without
    /// a password; our generated phrases validate there.
    @Test(.enabled(if: KeyTests.pythonEnabled, "needs the reference Python venv"))
    func crossCheckWithSubstrateBip39() throws {
        var cases: [(phrase: String, password: String)] = [(KeyTests.devPhrase, ""), (KeyTests.devPhrase, "pw"),
                                                           (KeyTests.devPhrase, "pässwörd with spaces")]
        for (i, bytes) in [16, 20, 24, 28, 32].enumerated() {
            let entropy = SecretBytes(KeyTests.bytes(bytes, seed: 500 + UInt64(i)))
            cases.append((try Mnemonic.phrase(fromEntropy: entropy), i % 2 == 0 ? "" : "secret \(i)"))
        }
        let input = cases.map { "\($0.phrase)|\($0.password)" }.joined(separator: "\n")
        let script = """
        import sys
        from bip39 import bip39_to_mini_secret, bip39_validate
        for line in sys.stdin.read().split("\\n"):
            phrase, password = line.split("|", 1)
            print(bip39_validate(phrase), bytes(bip39_to_mini_secret(phrase, password)).hex())
        """
        let lines = KeyTests.lines(try ReferencePython.run(script, stdin: input))
        try #require(lines.count == cases.count)
        for (line, c) in zip(lines, cases) {
            let parts = line.split(separator: " ").map(String.init)
            #expect(parts.first == "True")
            let ours = try Mnemonic.miniSecret(fromPhrase: c.phrase, password: c.password)
            #expect(hexString(ours.unsafeArrayCopy(), prefix: false) == parts.last)
        }
    }
}
