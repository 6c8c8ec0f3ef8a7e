/// The 432-byte EPID quote body inside an IAS report (`isvEnclaveQuoteBody`, §5.2).
///
/// A 48-byte header (version 0..2, sign_type 2..4, epid_group_id 4..8,
/// qe_svn 8..10, pce_svn 10..12, basename 16..48) then the enclave report.
public struct EPIDQuoteBody: Sendable, Equatable {
    public static let byteCount = 432

    public let version: UInt16
    public let signType: UInt16
    public let epidGroupId: [UInt8]
    public let qeSvn: UInt16
    public let pceSvn: UInt16
    public let basename: [UInt8]
    public let report: EnclaveReport

    public init(bytes: [UInt8]) throws(AttestationError) {
        guard bytes.count == Self.byteCount else {
            throw .malformed(what: "isvEnclaveQuoteBody: \(bytes.count) bytes, expected \(Self.byteCount)")
        }
        func le16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
        version = le16(0)
        signType = le16(2)
        epidGroupId = Array(bytes[4..<8])
        qeSvn = le16(8)
        pceSvn = le16(10)
        basename = Array(bytes[16..<48])
        report = try EnclaveReport(bytes: Array(bytes[48..<432]))
    }
}
