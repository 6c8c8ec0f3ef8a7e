import Foundation
import Testing
import TestSupport
@testable import ChainCrypto

/// A key file exported by polkadot.js itself (the dev account Alice,
/// password "whoisalice"), as published in paritytech/subxt's test
/// `signer/src/polkadot_js_compat.rs`; independent of every tool here.
@Suite struct PolkadotJSKeyFileTests {
    static let json = """
    {"encoded":"DumgApKCTqoCty1OZW/8WS+sgo6RdpHhCwAkA2IoDBMAgAAAAQAAAAgAAAB6IG/q24EeVf0JqWqcBd5m2tKq5BlyY84IQ8oamLn9DZe9Ouhgunr7i36J1XxUnTI801axqL/ym1gil0U8440Qvj0lFVKwGuxq38zuifgoj0B3Yru0CI6QKEvQPU5xxj4MpyxdSxP+2PnTzYao0HDH0fulaGvlAYXfqtU89xrx2/z9z7IjSwS3oDFPXRQ9kAdDebtyCVreZ9Otw9v3",\
    "encoding":{"content":["pkcs8","sr25519"],"type":["scrypt","xsalsa20-poly1305"],"version":"3"},\
    "address":"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",\
    "meta":{"genesisHash":"","name":"Alice","whenCreated":1718265838755}}
    """
    static let alicePublic = "0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d"

    @Test func opensWithTheRightPassword() throws {
        let file = try PolkadotKeyFile(json: Array(Self.json.utf8))
        #expect(file.scheme == .sr25519)
        #expect(file.name == "Alice")
        #expect(file.scryptParameters == (n: 1 << 15, r: 8, p: 1))
        let password = SecretBytes(Array("whoisalice".utf8))
        let contents = try file.decryptContents(password: password)
        #expect(hexString(contents.publicKey) == Self.alicePublic)
        #expect(contents.secret.count == 64)
        #expect(try SS58.decode(try #require(file.address)).publicKey == hexBytes(Self.alicePublic))
        let pair = try file.decrypt(password: password)
        #expect(hexString(pair.publicKey) == Self.alicePublic)
        #expect(pair.publicKey == (try KeyPair(secretURI: "//Alice").publicKey))
        let message = Array("signed with a polkadot.js key".utf8)
        #expect(KeyPair.verify(scheme: .sr25519, signature: try pair.sign(message), message: message,
                               publicKey: pair.publicKey))
    }

    @Test func wrongPasswordIsAClearError() throws {
        let file = try PolkadotKeyFile(json: Array(Self.json.utf8))
        #expect(throws: KeyFileError.wrongPassword) { try file.decrypt(password: SecretBytes(Array("whoisbob".utf8))) }
        #expect(throws: KeyFileError.wrongPassword) { try file.decrypt(password: SecretBytes(Array("whoisalice ".utf8))) }
    }
}
