import Foundation
import Scale
import Testing
import TestSupport
@testable import Attestation

/// The compiled-in Intel roots are the public certificates the fixtures carry.
struct TrustAnchorTests {
    @Test func anchorsParseAndMatchTheirPins() throws {
        let ias = try TrustAnchors.iasReportSigningCA()
        #expect(ias.subject == "Intel SGX Attestation Report Signing CA" && ias.issuer == ias.subject)
        let root = try TrustAnchors.sgxRootCA()
        #expect(root.subject == "Intel SGX Root CA" && root.issuer == root.subject)
        // 2049-12-31 23:59:59 UTC (`date -u -d "2049-12-31 23:59:59" +%s`).
        #expect(ias.notAfterUnixSeconds == 2_524_607_999 && root.notAfterUnixSeconds == 2_524_607_999)
    }

    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func iasAnchorEqualsTheFixturePEM() throws {
        let fixture = try PEM.certificates(String(decoding: Fixtures.bytes("intel_sgx_attestation_report_signing_ca.pem"),
                                                  as: UTF8.self), what: "fixture")
        #expect(fixture.count == 1)
        #expect(try TrustAnchors.iasReportSigningCA().der == fixture[0])
        #expect(Hex.encode(OpenSSLDigest.sha256(fixture[0]), prefix: false) == TrustAnchors.iasReportSigningCASHA256)
    }

    /// The root is the self-signed last certificate of every DCAP chain in the fixtures.
    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func sgxRootIsTheRootOfEveryFixtureChain() throws {
        let collateral = try SgxV30QuoteCollateral(scaleBytes: Fixtures.bytes("dcap_quote_collateral.scale"))
        let quote = try DCAPQuote(bytes: Fixtures.bytes("dcap_quote_v3.bin"))
        let chains = [collateral.tcbInfoIssuerChain, collateral.qeIdentityIssuerChain, collateral.pckCrlIssuerChain,
                      String(decoding: quote.certificationData, as: UTF8.self)]
        let root = try TrustAnchors.sgxRootCA()
        for chain in chains {
            let ders = try PEM.certificates(chain, what: "chain")
            let last = try X509Certificate(der: try #require(ders.last), what: "last")
            #expect(last.subject == last.issuer)
            #expect(last.der == root.der)
        }
    }
}
