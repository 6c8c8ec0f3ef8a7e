import Foundation

/// Splits PEM text into the DER certificates it holds, in order.
///
/// DCAP carries certificate chains as concatenated PEM (the quote's
/// certification data type 5 and the collateral's issuer chains, §5.4).
enum PEM {
    static let begin = "-----BEGIN CERTIFICATE-----"
    static let end = "-----END CERTIFICATE-----"

    /// Every `CERTIFICATE` block's DER; text outside blocks is ignored, as
    /// upstream's `pem::parse_many` does. A block that does not decode is an error.
    static func certificates(_ text: String, what: String) throws(AttestationError) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var rest = Substring(text)
        while let start = rest.range(of: begin) {
            guard let stop = rest[start.upperBound...].range(of: end) else {
                throw .malformed(what: "\(what): PEM block \(result.count + 1) has no END line")
            }
            let body = rest[start.upperBound..<stop.lowerBound].filter { !$0.isWhitespace }
            guard let data = Data(base64Encoded: String(body)) else {
                throw .malformed(what: "\(what): PEM block \(result.count + 1) is not base64")
            }
            result.append([UInt8](data))
            rest = rest[stop.upperBound...]
        }
        return result
    }
}
