import Foundation
import Scale

/// An attestation as found in a file: an IAS report JSON or a DCAP quote
/// (raw or as hex text, as RPC output shows it), told apart by their first
/// bytes, and verified with the matching verifier.
///
/// The chain's `AttestationReport` is likewise either `SgxIas` or `SgxDcap`
/// (§5.2, §5.4); a DCAP quote needs its collateral to be verified.
public enum AttestationDocument: Sendable, Equatable {
    case ias(IASSignedReport)
    case dcapQuote([UInt8])

    /// Detects the format: a v3 ECDSA quote header (03 00 02 00), or JSON.
    public init(fileBytes raw: [UInt8]) throws(AttestationError) {
        let fileBytes = Self.decodingHexText(raw)
        if DCAPQuote.looksLikeQuote(fileBytes) {
            self = .dcapQuote(fileBytes)
            return
        }
        let firstText = fileBytes.first { ![0x20, 0x09, 0x0a, 0x0d, 0xef, 0xbb, 0xbf].contains($0) }
        if firstText == UInt8(ascii: "{") {
            self = .ias(try IASSignedReport(json: fileBytes))
            return
        }
        if fileBytes.count >= 4, fileBytes[0] == 3 || fileBytes[0] == 4 || fileBytes[0] == 5, fileBytes[1] == 0 {
            // A quote, but not one the chain accepts; say which part is wrong.
            _ = try DCAPQuote(bytes: fileBytes)
        }
        throw .malformed(what: "file is neither an IAS report (JSON) nor a DCAP v3 quote")
    }

    /// The bytes a hex text file holds (optional 0x, surrounding whitespace);
    /// anything else is returned unchanged.
    public static func decodingHexText(_ bytes: [UInt8]) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.utf8.count >= 2, text.utf8.count <= bytes.count,
              text.utf8.allSatisfy({ $0 < 0x80 }), let decoded = try? Hex.decode(text), !decoded.isEmpty else {
            return bytes
        }
        return decoded
    }

    public var provider: AttestationProvider {
        switch self {
        case .ias: return .ias
        case .dcapQuote: return .dcap
        }
    }

    /// Verifies at `atUnixSeconds` (the block time).
    public func verify(collateral: SgxV30QuoteCollateral?, atUnixSeconds: Int64,
                       policy: AttestationPolicy = AttestationPolicy()) throws(AttestationError) -> AttestationOutcome {
        switch self {
        case .ias(let report):
            return try IASVerifier.verify(report, atUnixSeconds: atUnixSeconds, policy: policy)
        case .dcapQuote(let quote):
            guard let collateral else { throw .collateralMissing }
            return try DCAPVerifier.verify(quote: quote, collateral: collateral, atUnixSeconds: atUnixSeconds,
                                           policy: policy)
        }
    }
}
