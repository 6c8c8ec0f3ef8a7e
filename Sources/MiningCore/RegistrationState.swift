/// Where a worker stands in `PhalaRegistry` (§1.1, §2; OPERATORS.md need 7).
public enum RegistrationState: Hashable, Sendable {
    /// `Workers[pubkey]` not read yet.
    case notLoaded
    /// Read: no entry. The worker has never registered (or the key is wrong).
    case unknownToChain
    case registered(Registration)

    public var isRegistered: Bool {
        if case .registered = self { return true }
        return false
    }
}

/// The registry facts an operator checks after (re)registration.
public struct Registration: Hashable, Sendable {
    /// Whether the benchmark report set `initial_score` yet (§2).
    public enum BenchmarkState: Hashable, Sendable {
        /// `initial_score` None: the benchmark report has not arrived.
        case pending
        case scored(initialScore: UInt32)
    }

    public var provider: AttestationProvider?
    public var confidenceLevel: UInt8
    public var runtimeVersion: UInt32
    /// Unix seconds of the last (re)registration or benchmark report.
    public var lastUpdatedSec: UInt64
    /// Chain time minus `lastUpdatedSec`; nil before a block timestamp is seen.
    public var lastUpdatedAgeSec: UInt64?
    public var benchmark: BenchmarkState
    public var operator_: AccountID?

    public init(info: WorkerInfo, nowSec: UInt64?) {
        provider = info.attestationProvider
        confidenceLevel = info.confidenceLevel
        runtimeVersion = info.runtimeVersion
        lastUpdatedSec = info.lastUpdatedSec
        lastUpdatedAgeSec = Self.ageSec(lastUpdatedSec: info.lastUpdatedSec, nowSec: nowSec)
        benchmark = info.initialScore.map { .scored(initialScore: $0) } ?? .pending
        operator_ = info.operator_
    }

    /// Seconds from `lastUpdatedSec` to `nowSec` (0 if in the future; nil without a chain time).
    static func ageSec(lastUpdatedSec: UInt64, nowSec: UInt64?) -> UInt64? {
        nowSec.map { $0 >= lastUpdatedSec ? $0 - lastUpdatedSec : 0 }
    }
}
