import ChainCrypto
import Foundation

/// Benchmarks of turning stored secrets into keys (the Keys area beyond raw
/// signing, which `keyBenchmarks` measures): a phrase with a derivation path,
/// the KeyPair wrapper's ed25519 signing, and the key-file cipher.
func keyMaterialBenchmarks() throws -> [BenchRow] {
    var rows: [BenchRow] = []
    let batch = 200

    // Phrase -> key: BIP-39 checksum + PBKDF2-HMAC-SHA512 (2048 rounds) + key + one hard junction.
    for scheme in KeyScheme.allCases {
        let uri = "bottom drive obey lake curtain smoke basket hold race lonely fit walk//phala"
        let nanos = try medianNanos(runs: 15) { blackHole(try KeyPair(secretURI: uri, scheme: scheme)) }
        rows.append(BenchRow(section: "keys", name: "phrase//phala -> \(scheme.rawValue) key", value: fmt(nanos / 1e6, 3),
                             note: "ms (PBKDF2 2048 rounds dominates)"))
    }

    // Key pair via the KeyPair wrapper (ed25519 through OpenSSL), signing per second.
    let message = [UInt8](repeating: 0x5a, count: 128)
    let ed = try KeyPair(secretURI: "//Alice", scheme: .ed25519)
    let signNanos = try medianNanos(runs: 9) { for _ in 0..<batch { blackHole(try ed.sign(message)) } }
    rows.append(BenchRow(section: "keys", name: "KeyPair ed25519 sign", value: fmt(Double(batch) / (signNanos / 1e9), 0) + "/s",
                         note: "Ed25519KeyPair (EVP_PKEY kept), 128-byte message"))

    // Secretbox over a key-file-sized payload (our XSalsa20 + OpenSSL Poly1305).
    let boxKey = SecretBytes([UInt8](repeating: 1, count: 32))
    let payload = SecretBytes([UInt8](repeating: 2, count: 117))
    let boxNanos = try medianNanos(runs: 15) {
        for _ in 0..<batch { blackHole(try PolkadotKeyFile.benchSealOpen(payload, key: boxKey)) }
    }
    rows.append(BenchRow(section: "keys", name: "secretbox seal+open 117 B", value: fmt(boxNanos / Double(batch) / 1e3, 2),
                         note: "µs per round trip (PKCS8 body of a key file)"))
    return rows
}
