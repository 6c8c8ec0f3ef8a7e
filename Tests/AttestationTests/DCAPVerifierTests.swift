import Foundation
import Scale
import Testing
import TestSupport
@testable import Attestation

/// The real DCAP quote and collateral from ../shared/fixtures (README values, §5.4).
@Suite(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
struct DCAPVerifierTests {
    /// Upstream `dcap::test::could_parse` time.
    static let upstreamNow: Int64 = 1_699_301_000
    /// TCB info nextUpdate 2023-12-21T00:06:09Z (`date -u -d 2023-12-21T00:06:09Z +%s`).
    static let nextUpdate: Int64 = 1_703_117_169
    static let today: Int64 = 1_795_564_800

    static func quote() throws -> [UInt8] { try Fixtures.bytes("dcap_quote_v3.bin") }
    static func collateralBytes() throws -> [UInt8] { try Fixtures.bytes("dcap_quote_collateral.scale") }
    static func collateral() throws -> SgxV30QuoteCollateral {
        try SgxV30QuoteCollateral(scaleBytes: collateralBytes())
    }

    @Test func collateralDecodesAndReEncodesByteExact() throws {
        let bytes = try Self.collateralBytes()
        let c = try SgxV30QuoteCollateral(scaleBytes: bytes)
        #expect(c.tcbInfo.count == 4520 && c.tcbInfoSignature.count == 64 && c.qeIdentitySignature.count == 64)
        #expect(c.tcbInfo.hasPrefix(#"{"id":"SGX","version":3,"issueDate":"2023-11-21T00:06:09Z""#))
        #expect(scaleEncoded(c) == bytes)
        #expect(throws: AttestationError.self) { try SgxV30QuoteCollateral(scaleBytes: bytes + [0]) }
        #expect(throws: AttestationError.self) { try SgxV30QuoteCollateral(scaleBytes: Array(bytes.dropLast())) }
    }

    @Test func quoteParsesWithTheReadmeValues() throws {
        let q = try DCAPQuote(bytes: Self.quote())
        #expect(q.version == 3 && q.attestationKeyType == 2 && q.teeType == 0)
        #expect(q.qeSvn == 10 && q.pceSvn == 15)
        #expect(hexString(q.qeVendorId, prefix: false) == "939a7233f79c4ca9940a0db3957f0607")
        #expect(q.qeAuthData.count == 32)
        #expect(q.certificationDataType == 5)
        let pck = try PEM.certificates(String(decoding: q.certificationData, as: UTF8.self), what: "pck")
        #expect(pck.count == 3)
    }

    @Test func pckCertificateExtensions() throws {
        // Values from `openssl asn1parse -strparse` of the PCK leaf's SGX extension.
        let q = try DCAPQuote(bytes: Self.quote())
        let pck = try PEM.certificates(String(decoding: q.certificationData, as: UTF8.self), what: "pck")
        let ext = try PCKExtensions(certificate: X509Certificate(der: pck[0], what: "pck"))
        #expect(hexString(ext.fmspc, prefix: false) == "00a067110000")
        #expect(ext.pceSvn == 13)
        #expect(hexString(ext.cpuSvn, prefix: false) == "0b0b0202ff0100000000000000000000")
    }

    @Test func verifiesAtUpstreamTime() throws {
        let outcome = try DCAPVerifier.verify(quote: Self.quote(), collateral: Self.collateral(),
                                              atUnixSeconds: Self.upstreamNow)
        #expect(outcome.provider == .dcap)
        #expect(outcome.status == "ConfigurationAndSWHardeningNeeded")
        #expect(outcome.advisoryIDs == ["INTEL-SA-00289", "INTEL-SA-00615"])
        #expect(outcome.confidenceLevel == 4)
        #expect(outcome.reportData == Array("Hello, world!".utf8) + [UInt8](repeating: 0, count: 51))
        #expect(hexString(outcome.mrEnclave, prefix: false)
                == "33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbb")
        #expect(hexString(outcome.mrSigner, prefix: false)
                == "815f42f11cf64430c30bab7816ba596a1da0130c3b028b673133a66cf9a3e0e6")
        #expect(hexString(outcome.pRuntimeHash, prefix: false)
                == "33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbb00000000815f42f11cf64430c30bab7816ba596a1da0130c3b028b673133a66cf9a3e0e6")
        #expect(outcome.reportTimestampUnixSeconds == nil)
        // Through the detecting entry point too.
        let document = try AttestationDocument(fileBytes: Self.quote())
        #expect(document.provider == .dcap)
        #expect(try document.verify(collateral: Self.collateral(), atUnixSeconds: Self.upstreamNow) == outcome)
        #expect(throws: AttestationError.collateralMissing) {
            try document.verify(collateral: nil, atUnixSeconds: Self.upstreamNow)
        }
    }

    @Test func tcbInfoFreshnessIsInclusiveOfNextUpdate() throws {
        let quote = try Self.quote(), collateral = try Self.collateral()
        _ = try DCAPVerifier.verify(quote: quote, collateral: collateral, atUnixSeconds: Self.nextUpdate)
        #expect(throws: AttestationError.tcbInfoExpired(nextUpdateUnixSeconds: Self.nextUpdate,
                                                       atUnixSeconds: Self.nextUpdate + 1)) {
            try DCAPVerifier.verify(quote: quote, collateral: collateral, atUnixSeconds: Self.nextUpdate + 1)
        }
        #expect(throws: AttestationError.tcbInfoExpired(nextUpdateUnixSeconds: Self.nextUpdate,
                                                       atUnixSeconds: Self.today)) {
            try DCAPVerifier.verify(quote: quote, collateral: collateral, atUnixSeconds: Self.today)
        }
    }

    @Test func pckLeafNotYetValidBeforeSeptember2023() throws {
        // PCK leaf notBefore 2023-09-20 21:53:43 UTC (`date -u -d "2023-09-20 21:53:43" +%s`).
        let notBefore: Int64 = 1_695_246_823
        #expect(throws: AttestationError.certificateNotYetValid(subject: "Intel SGX PCK Certificate",
                                                               notBeforeUnixSeconds: notBefore,
                                                               atUnixSeconds: notBefore - 1)) {
            try DCAPVerifier.verify(quote: Self.quote(), collateral: Self.collateral(), atUnixSeconds: notBefore - 1)
        }
        _ = try DCAPVerifier.verify(quote: Self.quote(), collateral: Self.collateral(), atUnixSeconds: notBefore)
    }

    @Test func policyChecks() throws {
        let quote = try Self.quote(), collateral = try Self.collateral()
        let hash = hexBytes("33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbb00000000815f42f11cf64430c30bab7816ba596a1da0130c3b028b673133a66cf9a3e0e6")
        _ = try DCAPVerifier.verify(quote: quote, collateral: collateral, atUnixSeconds: Self.upstreamNow,
                                    policy: AttestationPolicy(pRuntimeAllowList: [hash]))
        #expect(throws: AttestationError.pRuntimeNotAllowed(hash: hash)) {
            try DCAPVerifier.verify(quote: quote, collateral: collateral, atUnixSeconds: Self.upstreamNow,
                                    policy: AttestationPolicy(pRuntimeAllowList: []))
        }
        let found = Array("Hello, world!".utf8) + [UInt8](repeating: 0, count: 19)
        _ = try DCAPVerifier.verify(quote: quote, collateral: collateral, atUnixSeconds: Self.upstreamNow,
                                    policy: AttestationPolicy(expectedReportDataHash: found))
        let wrong = [UInt8](repeating: 7, count: 32)
        #expect(throws: AttestationError.reportDataMismatch(expected: wrong, found: found)) {
            try DCAPVerifier.verify(quote: quote, collateral: collateral, atUnixSeconds: Self.upstreamNow,
                                    policy: AttestationPolicy(expectedReportDataHash: wrong))
        }
    }

    @Test func tcbLevelSelection() throws {
        let info = try TCBInfo(json: Self.collateral().tcbInfo)
        #expect(info.tcbLevels.count == 11)
        #expect(try info.fmspcBytes() == [0x00, 0xa0, 0x67, 0x11, 0x00, 0x00])
        let platform: [UInt8] = [11, 11, 2, 2, 255, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
        #expect(info.matchingLevel(pceSvn: 13, cpuSvn: platform)?.tcbStatus == "ConfigurationAndSWHardeningNeeded")
        var patched = platform
        patched[6] = 12
        #expect(info.matchingLevel(pceSvn: 13, cpuSvn: patched)?.tcbStatus == "SWHardeningNeeded")
        // PCE SVN below the first levels' 13 falls through to the older rows.
        #expect(info.matchingLevel(pceSvn: 12, cpuSvn: patched)?.tcbStatus == "OutOfDate")
        #expect(info.matchingLevel(pceSvn: 0, cpuSvn: [UInt8](repeating: 0, count: 16)) == nil)
        // The 16th component counts (upstream compares only 15).
        var strict = info
        strict.tcbLevels[1].tcb.sgxtcbcomponents[15].svn = 1
        #expect(strict.matchingLevel(pceSvn: 13, cpuSvn: platform)?.tcbStatus == "OutOfDateConfigurationNeeded")
    }
}

extension DCAPVerifierTests {
    @Test func hexTextFilesAreAcceptedLikeRawOnes() throws {
        let quoteHex = Array((hexString(try Self.quote()) + "\n").utf8)
        let collateralHex = Array(hexString(try Self.collateralBytes(), prefix: false).utf8)
        let document = try AttestationDocument(fileBytes: quoteHex)
        #expect(document == .dcapQuote(try Self.quote()))
        #expect(try SgxV30QuoteCollateral(scaleBytes: collateralHex) == Self.collateral())
        // Odd-length or non-hex text is not silently reinterpreted.
        #expect(AttestationDocument.decodingHexText(Array("abc".utf8)) == Array("abc".utf8))
        #expect(AttestationDocument.decodingHexText(Array("0xzz".utf8)) == Array("0xzz".utf8))
    }
}
