/// The 384-byte SGX enclave report body, common to EPID and DCAP quotes.
///
/// In both quote formats it follows a 48-byte header, so its fields sit at the
/// absolute quote offsets of §5.2 (mr_enclave 112..144, mr_signer 176..208,
/// isv_prod_id 304..306, isv_svn 306..308, report_data 368..432); here they
/// are relative to the body (subtract 48). Multi-byte integers are little-endian.
public struct EnclaveReport: Sendable, Equatable {
    public static let byteCount = 384

    /// The exact 384 bytes.
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) throws(AttestationError) {
        guard bytes.count == Self.byteCount else {
            throw .malformed(what: "enclave report: \(bytes.count) bytes, expected \(Self.byteCount)")
        }
        self.bytes = bytes
    }

    public var cpuSvn: [UInt8] { Array(bytes[0..<16]) }
    public var miscSelect: UInt32 { le32(16) }
    public var attributes: [UInt8] { Array(bytes[48..<64]) }
    public var mrEnclave: [UInt8] { Array(bytes[64..<96]) }
    public var mrSigner: [UInt8] { Array(bytes[128..<160]) }
    public var configId: [UInt8] { Array(bytes[192..<256]) }
    /// isv_prod_id as the two raw (little-endian) bytes.
    public var isvProdIdBytes: [UInt8] { Array(bytes[256..<258]) }
    /// isv_svn as the two raw (little-endian) bytes.
    public var isvSvnBytes: [UInt8] { Array(bytes[258..<260]) }
    public var isvProdId: UInt16 { le16(256) }
    public var isvSvn: UInt16 { le16(258) }
    public var configSvn: UInt16 { le16(260) }
    public var isvFamilyId: [UInt8] { Array(bytes[304..<320]) }
    /// The 64 bytes the enclave chose; pRuntime puts blake2_256(registration info) in the first 32 (§5.1).
    public var reportData: [UInt8] { Array(bytes[320..<384]) }

    private func le16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
    private func le32(_ at: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * UInt32($1)) }
    }
}
