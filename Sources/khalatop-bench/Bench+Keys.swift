import COpenSSL
import ChainCrypto
import Foundation

/// Benchmarks of the Keys area: sr25519 (our schnorrkel implementation) sign
/// and verify per second, against ed25519 through OpenSSL's EVP interface in
/// the same run as the baseline.
func keyBenchmarks() throws -> [BenchRow] {
    let message = [UInt8](repeating: 0x5a, count: 128)  // about one signed extrinsic payload
    let batch = 200
    let runs = 9

    let pair = try Sr25519KeyPair(miniSecret: Array(0..<32))
    let srSignature = pair.sign(message)  // also builds the base-point tables
    guard Sr25519KeyPair.verify(signature: srSignature, message: message, publicKey: pair.publicKey) else {
        return [BenchRow(section: "keys", name: "sr25519", value: "-", note: "self-check failed")]
    }
    let srSign = medianNanos(runs: runs) { for _ in 0..<batch { blackHole(pair.sign(message)) } } / Double(batch)
    let srVerify = medianNanos(runs: runs) {
        for _ in 0..<batch { blackHole(Sr25519KeyPair.verify(signature: srSignature, message: message, publicKey: pair.publicKey)) }
    } / Double(batch)

    guard let ed = OpenSSLEd25519Baseline(seed: Array(0..<32)), let edSignature = ed.sign(message),
          ed.verify(edSignature, message) else {
        return [BenchRow(section: "keys", name: "ed25519 (OpenSSL)", value: "-", note: "OpenSSL Ed25519 unavailable")]
    }
    let edSign = medianNanos(runs: runs) { for _ in 0..<batch { blackHole(ed.sign(message)) } } / Double(batch)
    let edVerify = medianNanos(runs: runs) { for _ in 0..<batch { blackHole(ed.verify(edSignature, message)) } } / Double(batch)

    func perSecond(_ ns: Double) -> String { fmt(1e9 / ns, 0) + "/s" }
    let note = "\(message.count)-byte message, median of \(runs)×\(batch)"
    return try keyMaterialBenchmarks() + [
        BenchRow(section: "keys", name: "sr25519 sign", value: perSecond(srSign), note: "\(fmt(srSign / 1000, 1)) µs; " + note),
        BenchRow(section: "keys", name: "sr25519 verify", value: perSecond(srVerify), note: "\(fmt(srVerify / 1000, 1)) µs; " + note),
        BenchRow(section: "keys", name: "ed25519 sign (OpenSSL)", value: perSecond(edSign), note: "\(fmt(edSign / 1000, 1)) µs; baseline"),
        BenchRow(section: "keys", name: "ed25519 verify (OpenSSL)", value: perSecond(edVerify), note: "\(fmt(edVerify / 1000, 1)) µs; baseline"),
        BenchRow(section: "keys", name: "sr25519/ed25519 sign time", value: fmt(srSign / edSign) + "×", note: "lower is better"),
        BenchRow(section: "keys", name: "sr25519/ed25519 verify time", value: fmt(srVerify / edVerify) + "×", note: "lower is better"),
    ]
}

/// Ed25519 through OpenSSL EVP (one-shot DigestSign/DigestVerify), the
/// baseline the sr25519 figures are compared with.
private final class OpenSSLEd25519Baseline {
    private let privateKey: OpaquePointer
    private let publicKey: OpaquePointer

    init?(seed: [UInt8]) {
        guard let sk = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, seed, seed.count) else { return nil }
        var pub = [UInt8](repeating: 0, count: 32)
        var pubLength = 32
        guard EVP_PKEY_get_raw_public_key(sk, &pub, &pubLength) == 1,
              let pk = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, pub, pubLength) else {
            EVP_PKEY_free(sk)
            return nil
        }
        privateKey = sk
        publicKey = pk
    }

    deinit {
        EVP_PKEY_free(privateKey)
        EVP_PKEY_free(publicKey)
    }

    func sign(_ message: [UInt8]) -> [UInt8]? {
        guard let ctx = EVP_MD_CTX_new() else { return nil }
        defer { EVP_MD_CTX_free(ctx) }
        guard EVP_DigestSignInit(ctx, nil, nil, nil, privateKey) == 1 else { return nil }
        var signature = [UInt8](repeating: 0, count: 64)
        var length = 64
        guard EVP_DigestSign(ctx, &signature, &length, message, message.count) == 1 else { return nil }
        return signature
    }

    func verify(_ signature: [UInt8], _ message: [UInt8]) -> Bool {
        guard let ctx = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(ctx) }
        guard EVP_DigestVerifyInit(ctx, nil, nil, nil, publicKey) == 1 else { return false }
        return EVP_DigestVerify(ctx, signature, signature.count, message, message.count) == 1
    }
}
