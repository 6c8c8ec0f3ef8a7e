import Testing
@testable import ChainCrypto

@Test func moduleLinks() { _ = ChainCryptoModule.self }
