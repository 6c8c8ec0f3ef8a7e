import Foundation
import Testing
import TestSupport
@testable import ChainCrypto

@Suite struct SecretURITests {
    @Test func parsesPhrasePathAndPassword() throws {
        let uri = try SecretURI("\(KeyTests.devPhrase)//phala/soft//1///my pass/word")
        #expect(uri.phrase == KeyTests.devPhrase)
        #expect(uri.password == "my pass/word")
        #expect(uri.junctions.map(\.isHard) == [true, false, true])
        #expect(uri.junctions[0] == DeriveJunction("phala", isHard: true))
        #expect(uri.junctions[2] == DeriveJunction("1", isHard: true))
        #expect(!uri.usesDevPhrase)
        #expect(!uri.isHexSeed)
    }

    @Test func devShortcutAndSeed() throws {
        let alice = try SecretURI("//Alice")
        #expect(alice.usesDevPhrase)
        #expect(alice.phrase == SecretURI.devPhrase)
        #expect(alice.junctions == [DeriveJunction("Alice", isHard: true)])
        #expect(alice.password == nil)

        let seed = try SecretURI("0x" + String(repeating: "ab", count: 32) + "//hard/soft")
        #expect(seed.isHexSeed)
        #expect(seed.junctions.map(\.isHard) == [true, false])

        let passwordOnly = try SecretURI("///pw")
        #expect(passwordOnly.usesDevPhrase && passwordOnly.password == "pw" && passwordOnly.junctions.isEmpty)
        // Four slashes: no junction can start there, so the password is "/x" (as Substrate's regex reads it).
        #expect(try SecretURI("phrase////x").password == "/x")
        #expect(try SecretURI("phrase///").password == "")
    }

    @Test func malformedURIsNameAPlaceNotText() throws {
        #expect(throws: SecretURIError.empty) { try SecretURI("") }
        #expect(throws: SecretURIError.invalidFormat(offset: 6)) { try SecretURI("phrase/") }
        #expect(throws: SecretURIError.invalidFormat(offset: 6)) { try SecretURI("phrase//") }
        #expect(throws: SecretURIError.invalidFormat(offset: 6)) { try SecretURI("phrase!x") }
        #expect(throws: SecretURIError.invalidFormat(offset: 12)) { try SecretURI("secret words\n") }
        do { _ = try SecretURI("hunter two!") } catch {
            #expect(!error.description.contains("hunter"))
        }
        let uri = try SecretURI("\(KeyTests.devPhrase)//x///topsecret")
        for text in [uri.description, uri.debugDescription, String(describing: uri), String(reflecting: uri),
                     { var s = ""; dump(uri, to: &s); return s }()] {
            #expect(!text.contains("bottom"))
            #expect(!text.contains("topsecret"))
        }
    }

    @Test func numericJunctionsFollowRustParse() {
        #expect(DeriveJunction.parseUInt64("0") == 0)
        #expect(DeriveJunction.parseUInt64("+7") == 7)
        #expect(DeriveJunction.parseUInt64("18446744073709551615") == .max)
        #expect(DeriveJunction.parseUInt64("18446744073709551616") == nil)
        #expect(DeriveJunction.parseUInt64("-1") == nil)
        #expect(DeriveJunction.parseUInt64("") == nil)
        #expect(DeriveJunction.parseUInt64("+") == nil)
        #expect(DeriveJunction.parseUInt64("1a") == nil)
        #expect(DeriveJunction.parseUInt64("١") == nil)  // Arabic-Indic digit: Rust rejects it too
        // A number is SCALE u64 LE, padded.
        #expect(DeriveJunction("1", isHard: true).chainCode == [1] + [UInt8](repeating: 0, count: 31))
        // A short string is compact length ‖ UTF-8, padded.
        #expect(DeriveJunction("phala", isHard: false).chainCode
                == [20] + Array("phala".utf8) + [UInt8](repeating: 0, count: 26))
        // 31 bytes + 1 length byte = 32: padded, not hashed; 32 bytes + 1 = 33: hashed.
        let thirtyOne = String(repeating: "a", count: 31), thirtyTwo = String(repeating: "a", count: 32)
        #expect(DeriveJunction(thirtyOne, isHard: true).chainCode == [124] + Array(thirtyOne.utf8))
        #expect(DeriveJunction(thirtyTwo, isHard: true).chainCode == blake2_256([128] + Array(thirtyTwo.utf8)))
    }

    /// Chain codes agree with the rule written out in Python (scalecodec's
    /// compact length and hashlib BLAKE2b), for numbers, short, long and
    /// non-ASCII text.
    @Test(.enabled(if: KeyTests.pythonEnabled, "needs the reference Python venv"))
    func chainCodesMatchPythonRule() throws {
        let junctions = ["0", "1", "42", "18446744073709551615", "18446744073709551616", "phala", "Alice",
                         String(repeating: "x", count: 31), String(repeating: "y", count: 32),
                         String(repeating: "long junction ", count: 10), "ünïcödé", "with space"]
        let script = """
        import sys, struct, hashlib
        from scalecodec.base import ScaleBytes
        from scalecodec.types import Bytes
        for text in sys.stdin.read().split("\\n"):
            if text.isdigit() and text.isascii() and int(text) < 2**64:
                data = struct.pack("<Q", int(text))
            else:
                b = Bytes(); b.encode(text); data = bytes(b.data.data)
            code = hashlib.blake2b(data, digest_size=32).digest() if len(data) > 32 else data.ljust(32, b"\\0")
            print(code.hex())
        """
        let lines = KeyTests.lines(try ReferencePython.run(script, stdin: junctions.joined(separator: "\n")))
        try #require(lines.count == junctions.count)
        for (text, expected) in zip(junctions, lines) {
            #expect(hexString(DeriveJunction(text, isHard: true).chainCode, prefix: false) == expected, "\(text)")
        }
    }
}
