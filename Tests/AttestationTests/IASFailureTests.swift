import Foundation
import Testing
import TestSupport
@testable import Attestation

/// Every way the real IAS reports can fail gives its own, specific error (§5.2).
@Suite(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
struct IASFailureTests {
    static let phala = IASVerifierTests.phalaFile
    static let hello = IASVerifierTests.helloFile
    static let phalaTimestamp = IASVerifierTests.phalaTimestamp
    static let leafSubject = "Intel SGX Attestation Report Signing"
    /// `date -u -d 2026-11-25 +%s`
    static let today: Int64 = 1_795_564_800
    /// Leaf notAfter 2026-11-20 09:36:58 UTC (`date -u -d "2026-11-20 09:36:58" +%s`).
    static let leafNotAfter: Int64 = 1_795_167_418
    /// Leaf notBefore 2016-11-22 09:36:58 UTC; CA notBefore 2016-11-14 15:37:31 UTC.
    static let leafNotBefore: Int64 = 1_479_807_418
    static let caNotBefore: Int64 = 1_479_137_851

    static func positions(_ count: Int, every step: Int) -> [Int] {
        Array(stride(from: 0, to: count, by: step)) + [count - 1]
    }

    @Test(arguments: [phala, hello])
    func changedReportByteFailsAsSignatureInvalid(file: String) throws {
        let original = try IASSignedReport(json: Fixtures.bytes(file))
        let now = file == Self.phala ? Self.phalaTimestamp : IASVerifierTests.helloTimestamp
        for position in Self.positions(original.reportBytes.count, every: 97) {
            var report = original
            report.reportBytes[position] ^= 0x01
            #expect(throws: AttestationError.signatureInvalid, "report byte \(position)") {
                try IASVerifier.verify(report, atUnixSeconds: now)
            }
        }
    }

    @Test(arguments: [phala, hello])
    func changedSignatureByteFailsAsSignatureInvalid(file: String) throws {
        let original = try IASSignedReport(json: Fixtures.bytes(file))
        let now = file == Self.phala ? Self.phalaTimestamp : IASVerifierTests.helloTimestamp
        for position in Self.positions(original.signature.count, every: 17) {
            var report = original
            report.signature[position] ^= 0x80
            #expect(throws: AttestationError.signatureInvalid, "signature byte \(position)") {
                try IASVerifier.verify(report, atUnixSeconds: now)
            }
        }
        var truncated = original
        truncated.signature.removeLast()
        #expect(throws: AttestationError.signatureInvalid) { try IASVerifier.verify(truncated, atUnixSeconds: now) }
    }

    /// A changed certificate byte is caught by the chain check (never reaches
    /// the report signature): parse failure, certificate signature, issuer or
    /// another chain error, always naming the certificate.
    @Test func changedCertificateByteFailsAsCertificateError() throws {
        let original = try IASSignedReport(json: Fixtures.bytes(Self.phala))
        var seen: [String: Int] = [:]
        for position in Self.positions(original.signingCertificateDER.count, every: 7) {
            var report = original
            report.signingCertificateDER[position] ^= 0x01
            do {
                _ = try IASVerifier.verify(report, atUnixSeconds: Self.phalaTimestamp)
                Issue.record("certificate byte \(position) changed, yet the report verified")
            } catch {
                switch error {
                case .malformed(let what):
                    #expect(what.contains("IAS signing certificate"), "byte \(position): \(what)")
                    seen["malformed", default: 0] += 1
                case .certificateSignatureInvalid(let subject):
                    // The leaf is named (its CN may itself be the changed byte).
                    #expect(subject.count == Self.leafSubject.count, "byte \(position): \(subject)")
                    seen["certificateSignatureInvalid", default: 0] += 1
                case .wrongIssuer, .untrustedChain, .unsupportedKey, .certificateExpired, .certificateNotYetValid:
                    seen["\(error)".prefix { $0 != "(" }.description, default: 0] += 1
                default:
                    Issue.record("certificate byte \(position): unexpected \(error)")
                }
            }
        }
        // Most of the certificate is the signed TBS part: a changed byte there breaks Intel's signature.
        #expect(seen["certificateSignatureInvalid", default: 0] > 100)
    }

    @Test func changedIssuerNameFailsAsWrongIssuer() throws {
        let original = try IASSignedReport(json: Fixtures.bytes(Self.phala))
        // The issuer CN "Intel SGX Attestation Report Signing CA" is the first occurrence of that text.
        let cn = Array("Intel SGX Attestation Report Signing CA".utf8)
        let der = original.signingCertificateDER
        let start = try #require((0...(der.count - cn.count)).first { Array(der[$0..<($0 + cn.count)]) == cn })
        var report = original
        report.signingCertificateDER[start] = UInt8(ascii: "X")
        #expect(throws: AttestationError.wrongIssuer(subject: Self.leafSubject,
                                                    issuer: "Xntel SGX Attestation Report Signing CA")) {
            try IASVerifier.verify(report, atUnixSeconds: Self.phalaTimestamp)
        }
    }

    @Test func changedCertificateSignatureFailsAsCertificateSignatureInvalid() throws {
        var report = try IASSignedReport(json: Fixtures.bytes(Self.phala))
        report.signingCertificateDER[report.signingCertificateDER.count - 1] ^= 0x01
        #expect(throws: AttestationError.certificateSignatureInvalid(subject: Self.leafSubject)) {
            try IASVerifier.verify(report, atUnixSeconds: Self.phalaTimestamp)
        }
    }

    @Test func certificateNotIssuedByTheIASCAIsRejected() throws {
        // A PCK certificate from the DCAP quote: real Intel, but the wrong CA.
        let quote = try DCAPQuote(bytes: Fixtures.bytes("dcap_quote_v3.bin"))
        let pck = try PEM.certificates(String(decoding: quote.certificationData, as: UTF8.self), what: "pck")
        var report = try IASSignedReport(json: Fixtures.bytes(Self.phala))
        report.signingCertificateDER = pck[0]
        #expect(throws: AttestationError.wrongIssuer(subject: "Intel SGX PCK Certificate",
                                                    issuer: "Intel SGX PCK Processor CA")) {
            try IASVerifier.verify(report, atUnixSeconds: 1_699_301_000)
        }
    }

    @Test(arguments: [phala, hello])
    func verifyingTodayFailsBecauseTheIntelCertificateExpired(file: String) throws {
        let report = try IASSignedReport(json: Fixtures.bytes(file))
        #expect(throws: AttestationError.certificateExpired(subject: Self.leafSubject,
                                                           notAfterUnixSeconds: Self.leafNotAfter,
                                                           atUnixSeconds: Self.today)) {
            try IASVerifier.verify(report, atUnixSeconds: Self.today)
        }
        // One second after notAfter fails the same way; at notAfter the certificate is still valid
        // (the report is then years old, which is the next check).
        #expect(throws: AttestationError.certificateExpired(subject: Self.leafSubject,
                                                           notAfterUnixSeconds: Self.leafNotAfter,
                                                           atUnixSeconds: Self.leafNotAfter + 1)) {
            try IASVerifier.verify(report, atUnixSeconds: Self.leafNotAfter + 1)
        }
        do {
            _ = try IASVerifier.verify(report, atUnixSeconds: Self.leafNotAfter)
            Issue.record("a years-old report verified")
        } catch {
            guard case .reportTooOld = error else { Issue.record("expected reportTooOld, got \(error)"); return }
        }
    }

    @Test func beforeTheCertificatesExistedFailsAsNotYetValid() throws {
        let report = try IASSignedReport(json: Fixtures.bytes(Self.phala))
        let between = Self.caNotBefore + 86_400
        #expect(throws: AttestationError.certificateNotYetValid(subject: Self.leafSubject,
                                                               notBeforeUnixSeconds: Self.leafNotBefore,
                                                               atUnixSeconds: between)) {
            try IASVerifier.verify(report, atUnixSeconds: between)
        }
        let before = Self.caNotBefore - 86_400
        #expect(throws: AttestationError.certificateNotYetValid(subject: "Intel SGX Attestation Report Signing CA",
                                                               notBeforeUnixSeconds: Self.caNotBefore,
                                                               atUnixSeconds: before)) {
            try IASVerifier.verify(report, atUnixSeconds: before)
        }
    }

    @Test func freshnessRuleIsTwoHoursAndFutureTimestampsPass() throws {
        let report = try IASSignedReport(json: Fixtures.bytes(Self.phala))
        #expect(throws: AttestationError.reportTooOld(ageSeconds: 7200)) {
            try IASVerifier.verify(report, atUnixSeconds: Self.phalaTimestamp + 7200)
        }
        #expect(throws: AttestationError.reportTooOld(ageSeconds: 86_400)) {
            try IASVerifier.verify(report, atUnixSeconds: Self.phalaTimestamp + 86_400)
        }
        _ = try IASVerifier.verify(report, atUnixSeconds: Self.phalaTimestamp + 7199)
        _ = try IASVerifier.verify(report, atUnixSeconds: Self.phalaTimestamp - 86_400)
    }

    @Test func allowListAcceptsTheRealHashAndRejectsOthers() throws {
        let report = try IASSignedReport(json: Fixtures.bytes(Self.phala))
        let real = hexBytes("518422fa769d2d55982015a0e0417c6a8521fdfc7308f5ec18aaa1b6924bd0f300000000815f42f11cf64430c30bab7816ba596a1da0130c3b028b673133a66cf9a3e0e6")
        // Khala's launch allow-list entry (§5.2) is a different build.
        var other = real
        other[0] ^= 0xff
        let accepted = try IASVerifier.verify(report, atUnixSeconds: Self.phalaTimestamp,
                                              policy: AttestationPolicy(pRuntimeAllowList: [other, real]))
        #expect(accepted.pRuntimeHash == real)
        #expect(throws: AttestationError.pRuntimeNotAllowed(hash: real)) {
            try IASVerifier.verify(report, atUnixSeconds: Self.phalaTimestamp,
                                   policy: AttestationPolicy(pRuntimeAllowList: [other]))
        }
        #expect(throws: AttestationError.pRuntimeNotAllowed(hash: real)) {
            try IASVerifier.verify(report, atUnixSeconds: Self.phalaTimestamp,
                                   policy: AttestationPolicy(pRuntimeAllowList: []))
        }
    }

    @Test func reportDataHashIsComparedWithTheFirst32Bytes() throws {
        let report = try IASSignedReport(json: Fixtures.bytes(Self.phala))
        let committed = hexBytes("3178d13cb51f21159337cbe864c13ea2dff17dd5d49da05db3b53c1f0ff23e8c")
        _ = try IASVerifier.verify(report, atUnixSeconds: Self.phalaTimestamp,
                                   policy: AttestationPolicy(expectedReportDataHash: committed))
        let wrong = [UInt8](repeating: 0x42, count: 32)
        #expect(throws: AttestationError.reportDataMismatch(expected: wrong, found: committed)) {
            try IASVerifier.verify(report, atUnixSeconds: Self.phalaTimestamp,
                                   policy: AttestationPolicy(expectedReportDataHash: wrong))
        }
    }
}

extension IASFailureTests {
    @Test func theCAItselfIsNotASigningCertificate() throws {
        var report = try IASSignedReport(json: Fixtures.bytes(Self.phala))
        report.signingCertificateDER = try TrustAnchors.iasReportSigningCA().der
        #expect(throws: AttestationError.untrustedChain(
            reason: "Intel SGX Attestation Report Signing CA is a CA certificate, not an end-entity certificate")) {
            try IASVerifier.verify(report, atUnixSeconds: Self.phalaTimestamp)
        }
    }

    /// Seeded multi-byte corruption of the whole file never traps and never verifies.
    @Test(arguments: [phala, hello, "dcap_quote_v3.bin"])
    func randomCorruptionNeverVerifies(file: String) throws {
        let original = try Fixtures.bytes(file)
        let collateral = try DCAPVerifierTests.collateral()
        var rng = SplitMix64(seed: 0x6b68_616c_6174_6f70)
        for _ in 0..<60 {
            var bytes = original
            for _ in 0..<(1 + Int(rng.next() % 8)) {
                let position = Int(rng.next() % UInt64(bytes.count))
                bytes[position] ^= UInt8(truncatingIfNeeded: rng.next() % 255 + 1)
            }
            guard bytes != original else { continue }
            let now: Int64 = file == Self.hello ? IASVerifierTests.helloTimestamp
                : file == Self.phala ? Self.phalaTimestamp : DCAPVerifierTests.upstreamNow
            do {
                let document = try AttestationDocument(fileBytes: bytes)
                let outcome = try document.verify(collateral: collateral, atUnixSeconds: now)
                // Only changes the verifier provably ignores may pass: PEM whitespace or the
                // chain's copy of the pinned root (DCAP), JSON outside the signed report (IAS).
                let reference = try AttestationDocument(fileBytes: original).verify(collateral: collateral, atUnixSeconds: now)
                #expect(outcome == reference)
            } catch {
                #expect(!error.description.isEmpty)
            }
        }
    }
}

/// A small seeded generator so corruption tests are reproducible.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
