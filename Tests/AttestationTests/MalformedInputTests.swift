import Foundation
import Testing
import TestSupport
@testable import Attestation

/// Bad input never traps: every truncation or corruption is a typed error.
struct MalformedInputTests {
    @Test func reportFieldsAreRequiredAndTyped() throws {
        let body = #"{"id":"1","timestamp":"2021-09-12T18:06:20.402478","version":4,"epidPseudonym":"x","isvEnclaveQuoteStatus":"OK","isvEnclaveQuoteBody":"AAAA"}"#
        let parsed = try IASReportBody(reportBytes: Array(body.utf8))
        #expect(parsed.advisoryIDs == nil && parsed.version == 4)
        #expect(throws: AttestationError.malformed(what: "isvEnclaveQuoteBody: 3 bytes, expected 432")) {
            try parsed.quoteBody()
        }
        for field in ["id", "timestamp", "version", "epidPseudonym", "isvEnclaveQuoteStatus", "isvEnclaveQuoteBody"] {
            let object = try #require(JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            var without = object
            without[field] = nil
            let bytes = try JSONSerialization.data(withJSONObject: without)
            #expect(throws: AttestationError.malformed(what: "IAS report: required field \(field) missing")) {
                try IASReportBody(reportBytes: [UInt8](bytes))
            }
        }
        let badVersion = body.replacingOccurrences(of: "\"version\":4", with: "\"version\":300")
        #expect(throws: AttestationError.self) { try IASReportBody(reportBytes: Array(badVersion.utf8)) }
        let zoned = try IASReportBody(reportBytes: Array(body.replacingOccurrences(of: ".402478", with: ".402478Z").utf8))
        #expect(throws: AttestationError.self) { try zoned.timestampUnixSeconds() }
    }

    @Test func hexOrBase64() throws {
        #expect(try IASSignedReport.decodeBinary("0a0B", field: "f") == [0x0a, 0x0b])
        #expect(try IASSignedReport.decodeBinary("0x0a0b", field: "f") == [0x0a, 0x0b])
        #expect(try IASSignedReport.decodeBinary("AQID", field: "f") == [1, 2, 3])
        #expect(throws: AttestationError.malformed(what: "signature: neither hex nor base64")) {
            try IASSignedReport.decodeBinary("not base64!", field: "signature")
        }
    }

    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func truncatedFilesFailCleanly() throws {
        for name in [IASVerifierTests.phalaFile, IASVerifierTests.helloFile, "dcap_quote_v3.bin"] {
            let bytes = try Fixtures.bytes(name)
            for length in Set(stride(from: 0, to: bytes.count, by: 53)) {
                let cut = Array(bytes[0..<length])
                do {
                    let document = try AttestationDocument(fileBytes: cut)
                    if case .dcapQuote(let quote) = document { _ = try DCAPQuote(bytes: quote) }
                    Issue.record("\(name) cut at \(length) parsed")
                } catch {
                    #expect(!error.description.isEmpty)
                }
            }
        }
    }

    @Test func garbageIsRejected() {
        #expect(throws: AttestationError.malformed(what: "file is neither an IAS report (JSON) nor a DCAP v3 quote")) {
            try AttestationDocument(fileBytes: Array("hello".utf8))
        }
        #expect(throws: AttestationError.unsupportedQuoteVersion(4)) {
            try AttestationDocument(fileBytes: [4, 0, 2, 0] + [UInt8](repeating: 0, count: 600))
        }
        #expect(throws: AttestationError.unsupportedAttestationKeyType(3)) {
            try AttestationDocument(fileBytes: [3, 0, 3, 0] + [UInt8](repeating: 0, count: 600))
        }
        // A v3 header whose signature-data length claims more than the file holds.
        var quote: [UInt8] = [3, 0, 2, 0] + [UInt8](repeating: 0, count: 428) + [0xff, 0xff, 0xff, 0x7f]
        quote += [UInt8](repeating: 0, count: 10)
        #expect(throws: AttestationError.self) { try DCAPQuote(bytes: quote) }
        #expect(throws: AttestationError.self) { try X509Certificate(der: [0x30, 0x03, 0x02, 0x01, 0x00], what: "cert") }
        #expect(throws: AttestationError.self) { try X509Certificate(der: [], what: "cert") }
    }

    @Test func derReaderChecksLengths() {
        #expect(throws: AttestationError.self) { try DERElement.parseAll([0x30, 0x05, 0x02][...], what: "x") }
        #expect(throws: AttestationError.self) { try DERElement.parseAll([0x30, 0x84, 0xff, 0xff, 0xff, 0xff][...], what: "x") }
        #expect(throws: AttestationError.self) { try DERElement.parseAll([0x30][...], what: "x") }
        #expect(DERElement.oidContent("1.2.840.113741.1.13.1.4") == [0x2a, 0x86, 0x48, 0x86, 0xf8, 0x4d, 0x01, 0x0d, 0x01, 0x04])
        #expect(throws: AttestationError.self) { try PCKExtensions(extensionDER: [0x30, 0x00]) }
    }

    @Test func ecdsaSignatureDEREncoding() {
        let raw = [UInt8](repeating: 0x80, count: 32) + [0x00, 0x01] + [UInt8](repeating: 0, count: 30)
        let der = SignatureVerifier.ecdsaSignatureDER(raw)
        // r gets a 0x00 pad (high bit set); s loses its leading zero byte.
        let expected: [UInt8] = [0x30, 0x44, 0x02, 0x21, 0x00] + [UInt8](repeating: 0x80, count: 32)
            + [0x02, 0x1f, 0x01] + [UInt8](repeating: 0, count: 30)
        #expect(der == expected)
        #expect(SignatureVerifier.ecdsaSignatureDER([1, 2, 3]) == nil)
    }
}
