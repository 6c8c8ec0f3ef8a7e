import Testing
@testable import Attestation

/// Every error has its own code and a message that says what happened.
struct ErrorDescriptionTests {
    static let all: [AttestationError] = [
        .malformed(what: "x"), .signatureInvalid, .tcbInfoSignatureInvalid, .qeReportSignatureInvalid,
        .qeReportDataMismatch, .quoteSignatureInvalid,
        .certificateExpired(subject: "s", notAfterUnixSeconds: 1_795_167_418, atUnixSeconds: 1_795_564_800),
        .certificateNotYetValid(subject: "s", notBeforeUnixSeconds: 2, atUnixSeconds: 1),
        .wrongIssuer(subject: "s", issuer: "i"), .certificateSignatureInvalid(subject: "s"),
        .untrustedChain(reason: "r"), .certificateChainTooShort(count: 1, needed: 2), .unsupportedKey(what: "k"),
        .missingServerAuthUsage(subject: "s"), .reportTooOld(ageSeconds: 7200),
        .quoteStatusNotAccepted(status: "GROUP_REVOKED"),
        .reportDataMismatch(expected: [1, 2], found: [3, 4]), .pRuntimeNotAllowed(hash: [0xab]),
        .tcbInfoExpired(nextUpdateUnixSeconds: 1_703_117_169, atUnixSeconds: 1_795_564_800),
        .fmspcMismatch(pckCertificate: [1], tcbInfo: [2]), .noMatchingTcbLevel, .unsupportedQuoteVersion(4),
        .unsupportedAttestationKeyType(3), .unsupportedCertificationDataType(6), .collateralMissing,
        .cryptoLibrary("c"),
    ]

    @Test func codesAreDistinctAndMessagesSpecific() {
        #expect(Set(Self.all.map(\.code)).count == Self.all.count)
        for error in Self.all { #expect(!error.description.isEmpty) }
        #expect(Self.all[6].description.contains("expired at 2026-11-20 09:36:58 UTC"))
        #expect(Self.all[16].description.contains("0304") && Self.all[16].description.contains("0102"))
        #expect(Self.all[14].description.contains("7200 s old"))
    }
}
