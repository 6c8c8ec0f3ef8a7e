import ChainCrypto

enum ChainCryptoEd25519 {
    static func publicKey(seed: [UInt8]) throws -> [UInt8] { try Ed25519KeyPair(seed: seed).publicKey }
}
