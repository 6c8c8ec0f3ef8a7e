import Foundation

/// The fields of the IAS report JSON the chain reads (§5.2).
///
/// Required: id, timestamp, version (u8), epidPseudonym, isvEnclaveQuoteStatus,
/// isvEnclaveQuoteBody; optional advisoryURL, advisoryIDs; others (nonce,
/// platformInfoBlob, ...) are ignored as serde ignores them.
public struct IASReportBody: Sendable, Equatable, Decodable {
    public var id: String
    public var timestamp: String
    public var version: UInt8
    public var epidPseudonym: String
    public var isvEnclaveQuoteStatus: String
    public var isvEnclaveQuoteBody: String
    public var advisoryURL: String?
    public var advisoryIDs: [String]?

    /// Parses the exact report bytes.
    public init(reportBytes: [UInt8]) throws(AttestationError) {
        do {
            self = try JSONDecoder().decode(IASReportBody.self, from: Data(reportBytes))
        } catch let DecodingError.keyNotFound(key, _) {
            throw .malformed(what: "IAS report: required field \(key.stringValue) missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw .malformed(what: "IAS report: field \(path) has the wrong type")
        } catch let DecodingError.dataCorrupted(context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw .malformed(what: "IAS report: \(path.isEmpty ? "not valid JSON" : "field \(path) is invalid")")
        } catch {
            throw .malformed(what: "IAS report: not valid JSON")
        }
    }

    /// The report time: `timestamp` + "Z" as RFC 3339, as the chain parses it.
    public func timestampUnixSeconds() throws(AttestationError) -> Int64 {
        guard let seconds = UnixTime.parseRFC3339(timestamp + "Z") else {
            throw .malformed(what: "IAS report: timestamp \"\(timestamp)\" is not RFC 3339 without zone")
        }
        return seconds
    }

    /// The base64-decoded, 432-byte quote body.
    public func quoteBody() throws(AttestationError) -> EPIDQuoteBody {
        guard let data = Data(base64Encoded: isvEnclaveQuoteBody) else {
            throw .malformed(what: "IAS report: isvEnclaveQuoteBody is not base64")
        }
        return try EPIDQuoteBody(bytes: [UInt8](data))
    }
}
