/// What a verification checks beyond Intel's signatures: the registration
/// commitment and the pRuntime allow-list.
///
/// The chain always checks both (§5.1, §5.2 with `VerifyPRuntime = true`); a
/// dashboard inspecting a report may not know them, so each is optional and
/// skipped when nil.
public struct AttestationPolicy: Sendable, Equatable {
    /// The 32 bytes `report_data[0..32]` must equal: blake2_256(SCALE(WorkerRegistrationInfoV2)).
    public var expectedReportDataHash: [UInt8]?
    /// Accepted pRuntime hashes (68 bytes each); nil skips the check, an empty list rejects all.
    public var pRuntimeAllowList: [[UInt8]]?

    public init(expectedReportDataHash: [UInt8]? = nil, pRuntimeAllowList: [[UInt8]]? = nil) {
        self.expectedReportDataHash = expectedReportDataHash
        self.pRuntimeAllowList = pRuntimeAllowList
    }

    /// Checks the pRuntime hash against the allow-list, when one is given.
    public func checkPRuntime(_ hash: [UInt8]) throws(AttestationError) {
        if let allowList = pRuntimeAllowList, !allowList.contains(hash) {
            throw .pRuntimeNotAllowed(hash: hash)
        }
    }

    /// Checks `report_data[0..32]` against the expected hash, when one is given.
    public func checkReportData(_ reportData: [UInt8]) throws(AttestationError) {
        guard let expected = expectedReportDataHash else { return }
        try Self.checkReportData(reportData, expectedHash: expected)
    }

    /// `report_data[0..32] == expectedHash` (§5.1), else `reportDataMismatch`.
    public static func checkReportData(_ reportData: [UInt8], expectedHash: [UInt8]) throws(AttestationError) {
        guard reportData.count >= 32 else {
            throw .malformed(what: "report data: \(reportData.count) bytes, expected 64")
        }
        let found = Array(reportData[0..<32])
        guard found == expectedHash else { throw .reportDataMismatch(expected: expectedHash, found: found) }
    }
}
