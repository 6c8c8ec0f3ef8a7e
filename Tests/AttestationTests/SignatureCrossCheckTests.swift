import Foundation
import Testing
import TestSupport
@testable import Attestation

/// Our OpenSSL signature checks agree with an independent implementation
/// (pycryptodome in the reference venv) on the real signatures and on altered copies.
@Suite(.enabled(if: Fixtures.available && (ReferencePython.available || ReferencePython.required),
                "needs ../shared/fixtures and the reference Python venv"))
struct SignatureCrossCheckTests {
    /// One check: key (DER certificate or raw P-256 point), message, signature, algorithm.
    struct Case {
        let algorithm: String  // "rsa" | "ecdsa-cert" | "ecdsa-raw"
        let key: [UInt8]
        let message: [UInt8]
        let signature: [UInt8]
    }

    static let script = """
        import sys, json
        from Crypto.PublicKey import ECC, RSA
        from Crypto.Signature import DSS, pkcs1_15
        from Crypto.Hash import SHA256
        for line in sys.stdin:
            c = json.loads(line)
            key, msg, sig = (bytes.fromhex(c[k]) for k in ("key", "message", "signature"))
            try:
                if c["algorithm"] == "rsa":
                    pkcs1_15.new(RSA.import_key(key)).verify(SHA256.new(msg), sig)
                else:
                    if c["algorithm"] == "ecdsa-raw":
                        pub = ECC.construct(curve="P-256", point_x=int.from_bytes(key[:32], "big"),
                                            point_y=int.from_bytes(key[32:], "big"))
                    else:
                        pub = ECC.import_key(key)
                    DSS.new(pub, "fips-186-3", encoding="binary").verify(SHA256.new(msg), sig)
                print("1")
            except (ValueError, TypeError):
                print("0")
        """

    static func swiftVerdict(_ c: Case) throws -> Bool {
        switch c.algorithm {
        case "rsa":
            return try SignatureVerifier.verifyRSASHA256(certificate: X509Certificate(der: c.key, what: "k"),
                                                         message: c.message, signature: c.signature)
        case "ecdsa-cert":
            return try SignatureVerifier.verifyECDSAP256(certificate: X509Certificate(der: c.key, what: "k"),
                                                         message: c.message, rawSignature: c.signature)
        default:
            return try SignatureVerifier.verifyECDSAP256(rawPublicKey: c.key, message: c.message,
                                                         rawSignature: c.signature)
        }
    }

    /// The genuine case plus copies with one flipped bit in the message or signature.
    static func variants(_ c: Case) -> [Case] {
        var out = [c]
        for i in stride(from: 0, to: c.message.count, by: max(1, c.message.count / 5)) {
            var m = c.message
            m[i] ^= 0x04
            out.append(Case(algorithm: c.algorithm, key: c.key, message: m, signature: c.signature))
        }
        for i in stride(from: 0, to: c.signature.count, by: max(1, c.signature.count / 4)) {
            var s = c.signature
            s[i] ^= 0x10
            out.append(Case(algorithm: c.algorithm, key: c.key, message: c.message, signature: s))
        }
        return out
    }

    @Test func verdictsAgreeWithPycryptodome() throws {
        var cases: [Case] = []
        for file in [IASVerifierTests.phalaFile, IASVerifierTests.helloFile] {
            let r = try IASSignedReport(json: Fixtures.bytes(file))
            cases += Self.variants(Case(algorithm: "rsa", key: r.signingCertificateDER, message: r.reportBytes,
                                        signature: r.signature))
        }
        let quote = try DCAPQuote(bytes: DCAPVerifierTests.quote())
        let collateral = try DCAPVerifierTests.collateral()
        let pck = try PEM.certificates(String(decoding: quote.certificationData, as: UTF8.self), what: "pck")
        let tcbSigner = try PEM.certificates(collateral.tcbInfoIssuerChain, what: "tcb")
        cases += Self.variants(Case(algorithm: "ecdsa-cert", key: tcbSigner[0], message: Array(collateral.tcbInfo.utf8),
                                    signature: collateral.tcbInfoSignature))
        cases += Self.variants(Case(algorithm: "ecdsa-cert", key: pck[0], message: quote.qeReport.bytes,
                                    signature: quote.qeReportSignature))
        cases += Self.variants(Case(algorithm: "ecdsa-raw", key: quote.attestationKey, message: quote.signedBytes,
                                    signature: quote.isvReportSignature))

        let input = cases.map { c in
            #"{"algorithm":"\#(c.algorithm)","key":"\#(hexString(c.key, prefix: false))","message":"\#(hexString(c.message, prefix: false))","signature":"\#(hexString(c.signature, prefix: false))"}"#
        }.joined(separator: "\n") + "\n"
        let python = try ReferencePython.run(Self.script, stdin: input).split(separator: "\n").map { $0 == "1" }
        try #require(python.count == cases.count)
        let ours = try cases.map(Self.swiftVerdict)
        #expect(ours == python)
        // The genuine signatures verify (first case of each group) and the altered ones do not.
        #expect(ours.filter { $0 }.count == 5)
    }
}
