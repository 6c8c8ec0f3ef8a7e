import Foundation
import Testing
import TestSupport
@testable import ChainCrypto

@Suite struct SecretBoxTests {
    @Test func roundTripAndTamper() throws {
        let key = SecretBytes(KeyTests.bytes(32, seed: 9))
        let nonce = KeyTests.bytes(24, seed: 10)
        for length in [0, 1, 63, 64, 65, 200] {
            let message = SecretBytes(KeyTests.bytes(length, seed: UInt64(length)))
            let box = try SecretBox.seal(message, nonce: nonce, key: key)
            #expect(box.count == length + 16)
            #expect(try SecretBox.open(box, nonce: nonce, key: key).unsafeArrayCopy() == message.unsafeArrayCopy())
            for bit in [0, 127, box.count * 8 - 1] {
                #expect(throws: SecretBox.Failure.authenticationFailed) {
                    try SecretBox.open(KeyTests.flipped(box, bit: bit), nonce: nonce, key: key)
                }
            }
            #expect(throws: SecretBox.Failure.authenticationFailed) {
                try SecretBox.open(box, nonce: KeyTests.flipped(nonce, bit: 190), key: key)
            }
        }
        #expect(throws: SecretBox.Failure.malformed) { try SecretBox.open([1, 2, 3], nonce: nonce, key: key) }
    }

    /// Our XSalsa20-Poly1305 against PyNaCl's (libsodium) in both directions.
    @Test(.enabled(if: KeyTests.pythonEnabled, "needs the reference Python venv"))
    func matchesLibsodium() throws {
        var input = ""
        var cases: [(key: [UInt8], nonce: [UInt8], message: [UInt8])] = []
        for (i, length) in [0, 1, 31, 32, 64, 65, 127, 1000].enumerated() {
            let c = (KeyTests.bytes(32, seed: 300 + UInt64(i)), KeyTests.bytes(24, seed: 400 + UInt64(i)),
                     KeyTests.bytes(length, seed: 500 + UInt64(i)))
            cases.append(c)
            input += [c.0, c.1, c.2].map { hexString($0, prefix: false) }.joined(separator: " ") + "\n"
        }
        let script = """
        import sys
        from nacl.secret import SecretBox
        for line in sys.stdin.read().split("\\n"):
            if not line.strip(): continue
            key, nonce, msg = (bytes.fromhex(x) for x in (line.split(" ") + [""])[:3])
            box = SecretBox(key)
            print(box.encrypt(msg, nonce).ciphertext.hex() or "-")
        """
        let lines = KeyTests.lines(try ReferencePython.run(script, stdin: input))
        try #require(lines.count == cases.count)
        for (c, line) in zip(cases, lines) {
            let theirs = hexBytes(line)
            let ours = try SecretBox.seal(SecretBytes(c.message), nonce: c.nonce, key: SecretBytes(c.key))
            #expect(ours == theirs)
            #expect(try SecretBox.open(theirs, nonce: c.nonce, key: SecretBytes(c.key)).unsafeArrayCopy() == c.message)
        }
    }
}
