import Testing
@testable import Attestation

/// The confidence table of §5.3 (PB:pallets/phala/src/utils/attestation.rs).
struct ConfidenceLevelTests {
    @Test(arguments: [
        ("OK", [String](), UInt8(1)),
        ("SW_HARDENING_NEEDED", ["INTEL-SA-00615"], 2),  // advisories ignored below level 3
        ("CONFIGURATION_NEEDED", [], 3),
        ("CONFIGURATION_NEEDED", ["INTEL-SA-00334", "INTEL-SA-00219", "INTEL-SA-00381", "INTEL-SA-00389"], 3),
        ("CONFIGURATION_AND_SW_HARDENING_NEEDED", ["INTEL-SA-00334", "INTEL-SA-00615"], 4),
        ("GROUP_OUT_OF_DATE", ["INTEL-SA-00615"], 5),
    ])
    func iasStatuses(status: String, advisories: [String], level: UInt8) throws {
        #expect(try ConfidenceLevel.evaluate(provider: .ias, status: status, advisoryIDs: advisories) == level)
    }

    @Test(arguments: [
        ("UpToDate", [String](), UInt8(1)),
        ("SWHardeningNeeded", ["INTEL-SA-00615"], 2),
        ("ConfigurationNeeded", ["INTEL-SA-00381"], 3),
        ("ConfigurationAndSWHardeningNeeded", ["INTEL-SA-00289", "INTEL-SA-00615"], 4),
        ("OutOfDate", [], 5),
        ("OutOfDateConfigurationNeeded", ["INTEL-SA-00289"], 5),
    ])
    func dcapStatuses(status: String, advisories: [String], level: UInt8) throws {
        #expect(try ConfidenceLevel.evaluate(provider: .dcap, status: status, advisoryIDs: advisories) == level)
    }

    @Test(arguments: [
        (AttestationProvider.ias, "GROUP_REVOKED"), (.ias, "SIGNATURE_INVALID"), (.ias, "UpToDate"),
        (.dcap, "Revoked"), (.dcap, "Unknown"), (.dcap, "OK"), (.ias, ""),
    ])
    func otherStatusesAreRejected(provider: AttestationProvider, status: String) {
        #expect(throws: AttestationError.quoteStatusNotAccepted(status: status)) {
            try ConfidenceLevel.evaluate(provider: provider, status: status, advisoryIDs: [])
        }
    }
}
