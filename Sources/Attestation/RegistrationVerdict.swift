import Scale

/// What the chain would say to a `register_worker_v2` with this material, decided
/// locally before anything is signed (issue 8; PROTOCOL.md §2 registration rules, §5).
///
/// Made by `RegistrationVerifier`; `lines` is the outcome in words for a
/// confirmation dialog or the CLI (provider, confidence, enclave measurement,
/// pRuntime version, or why the chain would refuse it).
public struct RegistrationVerdict: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        /// IAS or DCAP verified at the given time; confidence 1..5 (§5.3).
        case attested(AttestationOutcome)
        /// No attestation (pRuntime in dev mode) on a chain that enables
        /// `NoneAttestation`: registered with provider None and confidence 128.
        case unattested
        /// The chain would reject the call.
        case refused(RegistrationRefusal)
    }

    public var status: Status
    /// The decoded `WorkerRegistrationInfoV2`, when it decodes.
    public var registrationInfo: WorkerRegistrationInfoV2?
    /// The decoded report (nil for None or when it does not decode).
    public var report: AttestationReport?

    public init(status: Status, registrationInfo: WorkerRegistrationInfoV2?, report: AttestationReport?) {
        self.status = status
        self.registrationInfo = registrationInfo
        self.report = report
    }

    /// True when the chain would accept the registration.
    public var isAccepted: Bool {
        if case .refused = status { return false }
        return true
    }

    /// The provider the chain would record: nil for None (dev mode) or refused material.
    public var provider: AttestationProvider? {
        if case .attested(let o) = status { return o.provider }
        return nil
    }

    /// The confidence level the chain would record (1..5, 128 for no attestation).
    public var confidenceLevel: UInt8? {
        switch status {
        case .attested(let o): return o.confidenceLevel
        case .unattested: return 128
        case .refused: return nil
        }
    }

    /// pRuntime's `compat_app_version` (major << 16 | minor << 8 | patch) as "x.y.z".
    public static func formatRuntimeVersion(_ v: UInt32) -> String { "\(v >> 16).\((v >> 8) & 0xff).\(v & 0xff)" }

    /// The verdict in words, one fact per line.
    public var lines: [String] {
        var out: [String] = []
        if let info = registrationInfo {
            out.append("worker \(Hex.encode(info.pubkey)) (pRuntime \(Self.formatRuntimeVersion(info.version)), para \(info.paraId))")
            out.append("operator " + (info.operatorAccount.map { Hex.encode($0) } ?? "none"))
        }
        switch status {
        case .attested(let o):
            let provider = o.provider == .ias ? "IAS (EPID)" : "DCAP"
            out.append("attestation: \(provider) verified, confidence level \(o.confidenceLevel) (\(o.status))")
            if !o.advisoryIDs.isEmpty { out.append("advisories: " + o.advisoryIDs.joined(separator: ", ")) }
            out.append("mr_enclave \(Hex.encode(o.mrEnclave, prefix: false)), isv_svn \(o.isvSvn)")
            out.append("mr_signer \(Hex.encode(o.mrSigner, prefix: false))")
        case .unattested:
            out.append("attestation: none (pRuntime in dev mode); accepted because this chain enables NoneAttestation, confidence level 128")
        case .refused(let reason):
            out.append("REFUSED: \(reason)")
        }
        return out
    }
}

/// Why the chain would refuse a registration (registry.rs `register_worker_v2`).
public enum RegistrationRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The attestation does not verify (or is None where None is disabled).
    case attestation(AttestationError)
    /// `encoded_runtime_info` is not a SCALE `WorkerRegistrationInfoV2`.
    case malformedRuntimeInfo(String)
    /// `para_id` differs from the chain's (Khala 2004): `ParachainIdMismatch`.
    case paraIdMismatch(found: UInt32, expected: UInt32)
    /// The relay-chain genesis hash is not on `RelaychainGenesisBlockHashAllowList`: `GenesisBlockHashRejected`.
    case genesisHashRejected([UInt8])

    public var description: String {
        switch self {
        case .attestation(let e): return e.description
        case .malformedRuntimeInfo(let why): return "the registration info does not decode: \(why)"
        case let .paraIdMismatch(found, expected):
            return "the pRuntime was initialised for para id \(found), this chain is \(expected): point it at the right chain"
        case .genesisHashRejected(let hash):
            return "relay-chain genesis \(Hex.encode(hash)) is not allowed on this chain: the pRuntime synced another relay chain"
        }
    }
}
