import Foundation
import Testing
import TestSupport
@testable import Attestation

/// Real IAS reports from ../shared/fixtures (README values), verified as the chain does (§5.2).
@Suite(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
struct IASVerifierTests {
    static let phalaFile = "ias_report_phala_pruntime_2021-09-12.json"
    static let helloFile = "ias_report_hello_world_2023-10-18.json"
    /// Upstream pallet test time (attestation.rs ATTESTATION_TIMESTAMP).
    static let upstreamNow: Int64 = 1_631_441_180
    static let phalaTimestamp: Int64 = 1_631_469_980  // 2021-09-12T18:06:20Z
    static let helloTimestamp: Int64 = 1_697_619_675  // 2023-10-18T09:01:15Z

    static func load(_ name: String) throws -> IASSignedReport {
        try IASSignedReport(json: Fixtures.bytes(name))
    }

    @Test func phalaReportVerifiesAtUpstreamTimeAndOwnTime() throws {
        let report = try Self.load(Self.phalaFile)
        #expect(report.signature.count == 256)
        #expect(report.signingCertificateDER.count == 1189)
        for now in [Self.upstreamNow, Self.phalaTimestamp, Self.phalaTimestamp + 7199] {
            let outcome = try IASVerifier.verify(report, atUnixSeconds: now)
            #expect(outcome.provider == .ias)
            #expect(hexString(outcome.mrEnclave, prefix: false)
                    == "518422fa769d2d55982015a0e0417c6a8521fdfc7308f5ec18aaa1b6924bd0f3")
            #expect(hexString(outcome.mrSigner, prefix: false)
                    == "815f42f11cf64430c30bab7816ba596a1da0130c3b028b673133a66cf9a3e0e6")
            #expect(outcome.isvProdId == 0 && outcome.isvSvn == 0)
            #expect(hexString(outcome.reportData, prefix: false)
                    == "3178d13cb51f21159337cbe864c13ea2dff17dd5d49da05db3b53c1f0ff23e8c" + String(repeating: "0", count: 64))
            #expect(hexString(outcome.pRuntimeHash, prefix: false)
                    == "518422fa769d2d55982015a0e0417c6a8521fdfc7308f5ec18aaa1b6924bd0f300000000815f42f11cf64430c30bab7816ba596a1da0130c3b028b673133a66cf9a3e0e6")
            #expect(outcome.status == "SW_HARDENING_NEEDED")
            #expect(outcome.advisoryIDs == ["INTEL-SA-00334"])
            #expect(outcome.confidenceLevel == 2)
            #expect(outcome.reportTimestampUnixSeconds == Self.phalaTimestamp)
        }
    }

    @Test func helloWorldReportVerifiesAtItsOwnTime() throws {
        let report = try Self.load(Self.helloFile)
        #expect(report.signature.count == 256)
        let outcome = try IASVerifier.verify(report, atUnixSeconds: Self.helloTimestamp)
        #expect(hexString(outcome.mrEnclave, prefix: false)
                == "10829681801cbefd5b75779d0820d86d0a60d81ead14db793595edbe0e87b986")
        #expect(hexString(outcome.mrSigner, prefix: false)
                == "83d719e77deaca1470f6baf62a4d774303c899db69020f9c70ee1dfc08c7ce9e")
        #expect(outcome.reportData == Array("Hello World".utf8) + [UInt8](repeating: 0, count: 53))
        #expect(outcome.status == "GROUP_OUT_OF_DATE")
        #expect(outcome.advisoryIDs.count == 13)
        #expect(outcome.confidenceLevel == 5)
        #expect(outcome.reportTimestampUnixSeconds == Self.helloTimestamp)
        // Upstream's sgx-attestation test uses now = 1631441180: the 2023 report is then in
        // the future, which the freshness rule lets through (only now − ts ≥ 7200 fails).
        #expect(try IASVerifier.verify(report, atUnixSeconds: Self.upstreamNow).confidenceLevel == 5)
        #expect(throws: AttestationError.reportTooOld(ageSeconds: 7200)) {
            try IASVerifier.verify(report, atUnixSeconds: Self.helloTimestamp + 7200)
        }
    }
}
