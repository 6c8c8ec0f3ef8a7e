/// The pRuntime identity the chain allow-lists: mr_enclave ‖ isv_prod_id ‖ isv_svn ‖ mr_signer (68 bytes).
///
/// IAS uses the raw quote bytes of isv_prod_id and isv_svn (little-endian as
/// stored, §5.2); DCAP writes them big-endian (§5.4). The two agree whenever
/// both are zero, as for every Phala release so far.
public enum PRuntimeHash {
    public static let byteCount = 68

    /// The IAS form (raw quote byte order).
    public static func ias(_ report: EnclaveReport) -> [UInt8] {
        report.mrEnclave + report.isvProdIdBytes + report.isvSvnBytes + report.mrSigner
    }

    /// The DCAP form (isv_prod_id and isv_svn big-endian).
    public static func dcap(_ report: EnclaveReport) -> [UInt8] {
        let prod = report.isvProdId, svn = report.isvSvn
        return report.mrEnclave + [UInt8(prod >> 8), UInt8(prod & 0xff), UInt8(svn >> 8), UInt8(svn & 0xff)]
            + report.mrSigner
    }
}
