import Foundation
import Synchronization
import Testing
import TestSupport
@testable import ChainCrypto

@Suite struct SecretBytesTests {
    @Test func wipedWhenDropped() {
        let seen = Mutex<[UInt8]?>(nil)
        do {
            let secret = SecretBytes(KeyTests.bytes(64, seed: 11))
            #expect(secret.unsafeArrayCopy().contains { $0 != 0 })
            secret.afterWipe = { buffer in seen.withLock { $0 = Array(buffer) } }
        }
        let bytes = seen.withLock { $0 }
        #expect(bytes != nil, "deinit ran")
        #expect(bytes?.count == 64)
        #expect(bytes?.allSatisfy { $0 == 0 } == true)
    }

    @Test func neverPrintsItsBytes() {
        let raw = Array("a very secret seed phrase!".utf8)
        let secret = SecretBytes(raw)
        var dumped = ""
        dump(secret, to: &dumped)
        for text in [secret.description, secret.debugDescription, String(describing: secret),
                     String(reflecting: secret), "\(secret)", dumped, String(describing: [secret])] {
            #expect(!text.contains("secret seed"))
            #expect(!text.contains(hexString(raw, prefix: false).prefix(8)))
            #expect(!text.contains("97, 32"))  // "a " as decimal bytes
        }
        #expect(secret.description.contains("26 bytes"))
    }

    @Test func slicesAndComparisons() {
        let secret = SecretBytes([1, 2, 3, 4, 5])
        #expect(secret.slice(1..<3).unsafeArrayCopy() == [2, 3])
        #expect(secret.slice(4..<10).unsafeArrayCopy() == [5])  // clamped, no trap
        #expect(secret.slice(0..<0).count == 0)
        #expect(secret.constantTimeEquals(SecretBytes([1, 2, 3, 4, 5])))
        #expect(!secret.constantTimeEquals(SecretBytes([1, 2, 3, 4, 6])))
        #expect(!secret.constantTimeEquals(SecretBytes([1, 2, 3, 4])))
        var array: [UInt8] = [9, 9, 9]
        SecretBytes.wipe(&array)
        #expect(array == [0, 0, 0])
    }

    /// Errors of every key path describe themselves without the secret that caused them.
    @Test func errorsCarryNoSecrets() throws {
        let typo = KeyTests.devPhrase.replacingOccurrences(of: "obey", with: "obay") + "//x///pass1234"
        do { _ = try KeyPair(secretURI: typo, scheme: .ed25519); Issue.record("accepted a typo") } catch {
            for text in [error.description, String(reflecting: error), "\(error)"] {
                #expect(!text.contains("obay"))
                #expect(!text.contains("bottom"))
                #expect(!text.contains("pass1234"))
            }
        }
        let badSeed = "0x" + String(repeating: "ab", count: 31) + "cd"
        do { _ = try KeyPair(secretURI: badSeed + "ef", scheme: .ed25519); Issue.record("accepted 33 bytes") } catch {
            #expect(!String(reflecting: error).contains("abab"))
        }
    }
}
