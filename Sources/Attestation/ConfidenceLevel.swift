/// The chain's confidence level (1 best .. 5) for an attestation (§5.3).
///
/// Derived from the IAS `isvEnclaveQuoteStatus` or the DCAP TCB status; the
/// advisories matter only at level 3, which drops to 4 when any advisory is
/// outside the whitelist. Other statuses are rejected by the chain.
public enum ConfidenceLevel {
    /// Advisories the chain tolerates at level 3 (PB:pallets/phala/src/utils/constants.rs).
    public static let advisoryWhitelist: Set<String> = [
        "INTEL-SA-00334", "INTEL-SA-00219", "INTEL-SA-00381", "INTEL-SA-00389",
    ]

    static let iasStatusLevels: [String: UInt8] = [
        "OK": 1,
        "SW_HARDENING_NEEDED": 2,
        "CONFIGURATION_NEEDED": 3, "CONFIGURATION_AND_SW_HARDENING_NEEDED": 3,
        "GROUP_OUT_OF_DATE": 5,
    ]

    static let dcapStatusLevels: [String: UInt8] = [
        "UpToDate": 1,
        "SWHardeningNeeded": 2,
        "ConfigurationNeeded": 3, "ConfigurationAndSWHardeningNeeded": 3,
        "OutOfDate": 5, "OutOfDateConfigurationNeeded": 5,
    ]

    /// The level for a status and its advisories, or `quoteStatusNotAccepted`.
    public static func evaluate(provider: AttestationProvider, status: String,
                                advisoryIDs: [String]) throws(AttestationError) -> UInt8 {
        let table = provider == .ias ? iasStatusLevels : dcapStatusLevels
        guard let level = table[status] else { throw .quoteStatusNotAccepted(status: status) }
        if level == 3, advisoryIDs.contains(where: { !advisoryWhitelist.contains($0) }) {
            return 4
        }
        return level
    }
}
