import Foundation

/// An IAS attestation as submitted to the chain: the exact report bytes Intel
/// signed, the RSA signature and the DER signing certificate (§5.2).
///
/// Read from the JSON form pRuntime and the fixtures use
/// (`raReport`, `signature`, `rawSigningCert`), where signature and certificate
/// may be hex or base64 (the two real fixtures use one each).
public struct IASSignedReport: Sendable, Equatable {
    /// The exact bytes IAS signed (the JSON report body).
    public var reportBytes: [UInt8]
    /// The raw RSA signature (256 bytes for Intel's 2048-bit key).
    public var signature: [UInt8]
    /// The DER leaf certificate.
    public var signingCertificateDER: [UInt8]

    public init(reportBytes: [UInt8], signature: [UInt8], signingCertificateDER: [UInt8]) {
        self.reportBytes = reportBytes
        self.signature = signature
        self.signingCertificateDER = signingCertificateDER
    }

    private struct Wire: Decodable {
        let raReport: String
        let signature: String
        let rawSigningCert: String
    }

    /// Parses the JSON wrapper.
    public init(json: [UInt8]) throws(AttestationError) {
        let wire: Wire
        do {
            wire = try JSONDecoder().decode(Wire.self, from: Data(json))
        } catch {
            throw .malformed(what: "IAS report file: expected JSON with string fields raReport, signature, rawSigningCert")
        }
        self.reportBytes = Array(wire.raReport.utf8)
        self.signature = try Self.decodeBinary(wire.signature, field: "signature")
        self.signingCertificateDER = try Self.decodeBinary(wire.rawSigningCert, field: "rawSigningCert")
    }

    /// Hex (optionally 0x-prefixed) when the text is only hex digits of even
    /// length, otherwise standard base64.
    static func decodeBinary(_ text: String, field: String) throws(AttestationError) -> [UInt8] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let body = trimmed.hasPrefix("0x") ? String(trimmed.dropFirst(2)) : trimmed
        if !body.isEmpty, body.utf8.count % 2 == 0, body.utf8.allSatisfy({ isHexDigit($0) }) {
            var out: [UInt8] = []
            out.reserveCapacity(body.utf8.count / 2)
            var high: UInt8 = 0
            for (i, c) in body.utf8.enumerated() {
                let v = hexValue(c)
                if i % 2 == 0 { high = v } else { out.append(high << 4 | v) }
            }
            return out
        }
        guard let data = Data(base64Encoded: trimmed), !data.isEmpty else {
            throw .malformed(what: "\(field): neither hex nor base64")
        }
        return [UInt8](data)
    }

    private static func isHexDigit(_ c: UInt8) -> Bool {
        (48...57).contains(c) || (65...70).contains(c) || (97...102).contains(c)
    }

    private static func hexValue(_ c: UInt8) -> UInt8 {
        switch c {
        case 48...57: return c - 48
        case 65...70: return c - 55
        default: return c - 87
        }
    }
}
