import Foundation
import Scale
import Testing
import TestSupport
@testable import Attestation

/// One changed byte in the DCAP quote or its collateral fails with the error
/// of the structure it hit (§5.4 layout; offsets from the fixture README).
@Suite(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
struct DCAPFailureTests {
    static let now = DCAPVerifierTests.upstreamNow

    /// Whether `error` is the one a change at `position` of the quote must produce.
    static func isExpectedQuoteFailure(_ error: AttestationError, at position: Int) -> Bool {
        switch (position, error) {
        case (0..<2, .unsupportedQuoteVersion): return true
        case (2..<4, .unsupportedAttestationKeyType): return true
        case (4..<432, .quoteSignatureInvalid), (436..<500, .quoteSignatureInvalid): return true
        case (432..<436, .malformed), (1048..<1052, .malformed): return true
        case (500..<564, .qeReportDataMismatch), (1014..<1046, .qeReportDataMismatch): return true
        case (564..<1012, .qeReportSignatureInvalid): return true
        case (1012..<1014, .malformed), (1046..<1048, .malformed): return true
        case (1012..<1014, .unsupportedCertificationDataType), (1046..<1048, .unsupportedCertificationDataType):
            return true
        case (1052..., .malformed), (1052..., .certificateSignatureInvalid), (1052..., .wrongIssuer),
             (1052..., .untrustedChain), (1052..., .unsupportedKey), (1052..., .certificateChainTooShort),
             (1052..., .qeReportSignatureInvalid), (1052..., .fmspcMismatch):
            return true  // the PEM PCK chain
        default:
            return false
        }
    }

    @Test func changedQuoteByteFailsWithTheMatchingError() throws {
        let original = try DCAPVerifierTests.quote()
        let collateral = try DCAPVerifierTests.collateral()
        // Where the chain's own copy of the root starts: OpenSSL (like webpki) takes the
        // pinned root from the trust store, so a change in that copy can go unnoticed.
        let rootCopyStart = try #require(Self.lastIndex(of: "-----BEGIN CERTIFICATE-----", in: original[...]))
        let positions = Array(0..<8) + Array(stride(from: 8, to: original.count, by: 11)) + [original.count - 1]
        var failures = 0
        for position in positions {
            var quote = original
            quote[position] ^= 0x01
            do {
                _ = try DCAPVerifier.verify(quote: quote, collateral: collateral, atUnixSeconds: Self.now)
                // A newline turned into another whitespace character leaves the PEM as it was.
                #expect(position >= rootCopyStart || original[position] == 0x0a,
                        "quote byte \(position) changed, yet it verified")
            } catch {
                failures += 1
                #expect(Self.isExpectedQuoteFailure(error, at: position), "quote byte \(position): \(error)")
            }
        }
        #expect(failures > positions.count * 3 / 4)
    }

    /// Field spans of the collateral's SCALE encoding (compact length + bytes).
    static func fieldSpans(_ bytes: [UInt8]) throws -> [(prefix: Range<Int>, body: Range<Int>)] {
        var decoder = ScaleDecoder(bytes)
        var spans: [(Range<Int>, Range<Int>)] = []
        for _ in 0..<9 {
            let start = decoder.offset
            let length = try decoder.decodeCompactLength()
            let bodyStart = decoder.offset
            _ = try decoder.readBytes(length)
            spans.append((start..<bodyStart, bodyStart..<decoder.offset))
        }
        return spans
    }

    @Test func changedCollateralByteFailsWhereTheChainChecksIt() throws {
        let quote = try DCAPVerifierTests.quote()
        let original = try DCAPVerifierTests.collateralBytes()
        let spans = try Self.fieldSpans(original)
        #expect(spans.last?.body.upperBound == original.count)
        for (field, span) in spans.enumerated() {
            // Length prefixes: the layout no longer decodes.
            for position in span.prefix {
                var bytes = original
                bytes[position] ^= 0x01
                #expect(throws: AttestationError.self, "field \(field) length byte \(position)") {
                    let c = try SgxV30QuoteCollateral(scaleBytes: bytes)
                    _ = try DCAPVerifier.verify(quote: quote, collateral: c, atUnixSeconds: Self.now)
                }
            }
            for position in Array(stride(from: span.body.lowerBound, to: span.body.upperBound, by: 37)) {
                var bytes = original
                bytes[position] ^= 0x01
                let failure = Self.failure(collateralBytes: bytes, quote: quote)
                if let error = failure {
                    if field == 4 || field == 5 {
                        // tcb_info text and its signature.
                        #expect(error == .tcbInfoSignatureInvalid, "field \(field) byte \(position): \(error)")
                    } else {
                        // Only the TCB signing chain (field 3) may fail, with a parse or certificate error.
                        #expect(field == 3, "field \(field) byte \(position): unexpected \(error)")
                    }
                } else {
                    if field == 3 {
                        // Only the chain's copy of the (pinned) root may change unnoticed.
                        let rootAt = try #require(Self.lastIndex(of: "-----BEGIN CERTIFICATE-----", in: original[span.body]))
                        #expect(position >= rootAt || original[position] == 0x0a,
                                "TCB chain byte \(position) changed, yet it verified")
                    } else {
                        // CRLs and QE identity are carried but not checked, as upstream (§5.4).
                        #expect([0, 1, 2, 6, 7, 8].contains(field), "field \(field) byte \(position) changed, yet it verified")
                    }
                }
            }
        }
    }

    /// Index (in `bytes`' own indices) of the last occurrence of `text`.
    static func lastIndex(of text: String, in bytes: ArraySlice<UInt8>) -> Int? {
        let pattern = Array(text.utf8)
        guard bytes.count >= pattern.count else { return nil }
        return stride(from: bytes.endIndex - pattern.count, through: bytes.startIndex, by: -1).first {
            bytes[$0..<($0 + pattern.count)].elementsEqual(pattern)
        }
    }

    /// The error verifying with these collateral bytes, or nil when it verifies.
    static func failure(collateralBytes: [UInt8], quote: [UInt8]) -> AttestationError? {
        do {
            let collateral = try SgxV30QuoteCollateral(scaleBytes: collateralBytes)
            _ = try DCAPVerifier.verify(quote: quote, collateral: collateral, atUnixSeconds: now)
            return nil
        } catch {
            return error
        }
    }

    @Test func wrongSignatureLengthsAreMalformed() throws {
        var collateral = try DCAPVerifierTests.collateral()
        collateral.tcbInfoSignature.removeLast()
        #expect(throws: AttestationError.malformed(what: "ECDSA signature: 63 bytes, expected 64 (r‖s)")) {
            try DCAPVerifier.verify(quote: DCAPVerifierTests.quote(), collateral: collateral, atUnixSeconds: Self.now)
        }
    }

    @Test func tcbChainMustHaveTwoCertificates() throws {
        var collateral = try DCAPVerifierTests.collateral()
        let certs = collateral.tcbInfoIssuerChain.components(separatedBy: "-----END CERTIFICATE-----")
        collateral.tcbInfoIssuerChain = certs[0] + "-----END CERTIFICATE-----\n"
        #expect(throws: AttestationError.certificateChainTooShort(count: 1, needed: 2)) {
            try DCAPVerifier.verify(quote: DCAPVerifierTests.quote(), collateral: collateral, atUnixSeconds: Self.now)
        }
    }

    @Test func tcbInfoForAnotherPlatformIsRejectedBeforeItsContentIsTrusted() throws {
        // Re-pointing fmspc invalidates Intel's signature, which is what must be reported.
        var collateral = try DCAPVerifierTests.collateral()
        collateral.tcbInfo = collateral.tcbInfo.replacingOccurrences(of: "00A067110000", with: "00906ED50000")
        #expect(throws: AttestationError.tcbInfoSignatureInvalid) {
            try DCAPVerifier.verify(quote: DCAPVerifierTests.quote(), collateral: collateral, atUnixSeconds: Self.now)
        }
    }
}
