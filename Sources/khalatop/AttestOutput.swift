import Attestation
import Foundation
import Scale

/// Renders `khalatop attest verify` results as a table or JSON.
enum AttestOutput {
    static func table(_ o: AttestationOutcome) -> String {
        var rows: [(String, String)] = [
            ("verified", "yes, at \(o.verifiedAtUnixSeconds) (\(UnixTime.format(o.verifiedAtUnixSeconds)))"),
            ("provider", o.provider == .ias ? "IAS (EPID)" : "DCAP (ECDSA)"),
            (o.provider == .ias ? "quote status" : "TCB status", o.status),
            ("advisories", o.advisoryIDs.isEmpty ? "none" : o.advisoryIDs.joined(separator: ", ")),
            ("confidence level", "\(o.confidenceLevel)"),
            ("mr_enclave", Hex.encode(o.mrEnclave)),
            ("mr_signer", Hex.encode(o.mrSigner)),
            ("isv_prod_id", "\(o.isvProdId)"),
            ("isv_svn", "\(o.isvSvn)"),
            ("report_data", Hex.encode(o.reportData)),
            ("pRuntime hash", Hex.encode(o.pRuntimeHash)),
        ]
        if let ts = o.reportTimestampUnixSeconds {
            rows.append(("report time", "\(ts) (\(UnixTime.format(ts)), age \(o.verifiedAtUnixSeconds - ts) s)"))
        }
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }
            .joined(separator: "\n")
    }

    private struct OutcomeJSON: Encodable {
        let verified = true
        let provider: String
        let status: String
        let advisoryIDs: [String]
        let confidenceLevel: UInt8
        let mrEnclave: String
        let mrSigner: String
        let isvProdId: UInt16
        let isvSvn: UInt16
        let reportData: String
        let pRuntimeHash: String
        let reportTimestamp: Int64?
        let verifiedAt: Int64
    }

    private struct ErrorJSON: Encodable {
        let verified = false
        let error: String
        let message: String
        let verifiedAt: Int64
    }

    static func json(_ o: AttestationOutcome) -> String {
        encode(OutcomeJSON(provider: o.provider.rawValue, status: o.status, advisoryIDs: o.advisoryIDs,
                           confidenceLevel: o.confidenceLevel, mrEnclave: Hex.encode(o.mrEnclave),
                           mrSigner: Hex.encode(o.mrSigner), isvProdId: o.isvProdId, isvSvn: o.isvSvn,
                           reportData: Hex.encode(o.reportData), pRuntimeHash: Hex.encode(o.pRuntimeHash),
                           reportTimestamp: o.reportTimestampUnixSeconds, verifiedAt: o.verifiedAtUnixSeconds))
    }

    static func jsonError(code: String, message: String, at: Int64) -> String {
        encode(ErrorJSON(error: code, message: message, verifiedAt: at))
    }

    private static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
