import ChainCrypto
import Foundation

/// Benchmarks of the Keys area: signing and verifying per second for both
/// schemes in one run (ed25519 through OpenSSL is the baseline the sr25519
/// figures are compared with), and the cost of turning a phrase or a key
/// file into a key.
func keyBenchmarks() throws -> [BenchRow] {
    var rows: [BenchRow] = []
    let message = Array("phala heartbeat challenge response #42".utf8) + [UInt8](repeating: 7, count: 90)
    let batch = 200

    func perSecond(_ nanos: Double, _ count: Int) -> Double { Double(count) / (nanos / 1e9) }

    var signRates: [KeyScheme: Double] = [:]
    var verifyRates: [KeyScheme: Double] = [:]
    for scheme in KeyScheme.allCases {
        let pair: KeyPair
        do { pair = try KeyPair(secretURI: "//Alice", scheme: scheme) } catch {
            rows.append(BenchRow(section: "keys", name: "\(scheme.rawValue) sign", value: "-", note: "\(error)"))
            continue
        }
        var signature: [UInt8] = []
        let signNanos = try medianNanos(runs: 7) {
            for _ in 0..<batch { signature = try pair.sign(message) }
        }
        blackHole(signature)
        var ok = true
        let verifyNanos = medianNanos(runs: 7) {
            for _ in 0..<batch {
                ok = ok && KeyPair.verify(scheme: scheme, signature: signature, message: message, publicKey: pair.publicKey)
            }
        }
        blackHole(ok)
        signRates[scheme] = perSecond(signNanos, batch)
        verifyRates[scheme] = perSecond(verifyNanos, batch)
        rows.append(BenchRow(section: "keys", name: "\(scheme.rawValue) sign", value: fmt(signRates[scheme]!, 0),
                             note: "signatures/s, \(message.count)-byte message"))
        rows.append(BenchRow(section: "keys", name: "\(scheme.rawValue) verify", value: fmt(verifyRates[scheme]!, 0),
                             note: ok ? "verifications/s" : "VERIFY FAILED"))
    }
    if let srSign = signRates[.sr25519], let edSign = signRates[.ed25519],
       let srVerify = verifyRates[.sr25519], let edVerify = verifyRates[.ed25519] {
        rows.append(BenchRow(section: "keys", name: "sr25519/ed25519 sign", value: fmt(srSign / edSign, 3),
                             note: "ratio of rates, same run"))
        rows.append(BenchRow(section: "keys", name: "sr25519/ed25519 verify", value: fmt(srVerify / edVerify, 3),
                             note: "ratio of rates, same run"))
    }

    // Phrase -> key: BIP-39 checksum + PBKDF2-HMAC-SHA512 (2048 rounds) + ed25519 key.
    let phraseNanos = try medianNanos(runs: 15) {
        blackHole(try KeyPair(secretURI: "bottom drive obey lake curtain smoke basket hold race lonely fit walk//phala",
                              scheme: .ed25519))
    }
    rows.append(BenchRow(section: "keys", name: "phrase//path -> ed25519 key", value: fmt(phraseNanos / 1e6, 3),
                         note: "ms (PBKDF2 2048 rounds dominates)"))

    // Secretbox over a key-file-sized payload (our XSalsa20 + OpenSSL Poly1305).
    let boxKey = SecretBytes([UInt8](repeating: 1, count: 32))
    let payload = SecretBytes([UInt8](repeating: 2, count: 117))
    let boxNanos = try medianNanos(runs: 15) {
        for _ in 0..<batch { blackHole(try PolkadotKeyFile.benchSealOpen(payload, key: boxKey)) }
    }
    rows.append(BenchRow(section: "keys", name: "secretbox seal+open 117 B", value: fmt(boxNanos / Double(batch) / 1e3, 2),
                         note: "µs per round trip"))
    return rows
}
