/// A devnet scenario (issue 5): seed, fleet size, block time, heartbeat
/// parameters and fault injection. The same config and seed give the same
/// chain, block by block.
public struct DevnetConfig: Sendable, Hashable {
    /// Seeds every random choice (challenge seeds, worker keys, latencies, faults).
    public var seed: UInt64 = 1
    public var workers: Int = 8
    public var pools: Int = 2
    /// Seconds per block (12 on Khala, PROTOCOL.md §7); fractions allowed for demos.
    public var blockTimeSeconds: Double = 12
    /// `TokenomicParameters.heartbeat_window` (PROTOCOL.md §4.3; Khala launch value 20).
    public var heartbeatWindowBlocks: UInt32 = 20
    /// `ExpectedHeartbeatCount` (PROTOCOL.md §4.1; absent means 20).
    public var expectedHeartbeats: UInt32 = 20
    /// `CoolDownPeriod` in seconds (604800 on Khala).
    public var coolDownSeconds: UInt64 = 604_800
    /// Slash per block while unresponsive (U64F64 decimal; §4.5 default 0.001/h).
    public var slashRatePerBlock: Double = 0.001 / 300
    /// Unix ms of block 0 (fixed so runs are reproducible).
    public var genesisTimestampMs: UInt64 = 1_700_000_000_000
    /// Past blocks whose state stays queryable; older reads get "State already discarded".
    public var stateDepthBlocks: Int = 256
    /// Block headers and bodies kept (block 0 is always kept).
    public var keepBlocks: Int = 4096
    /// Blocks between a challenge and a healthy pRuntime's answer on chain.
    public var responseLatencyBlocks: ClosedRange<UInt32> = 1...3
    public var faults = FaultInjection()
    /// `PRuntimeAllowList` at genesis: 68-byte pRuntime hashes `register_worker_v2` accepts (§5.2).
    public var pruntimeAllowList: [[UInt8]] = []
    /// Extra accounts endowed with PHA at genesis (32-byte public keys), besides the dev accounts.
    public var endowedAccounts: [[UInt8]] = []
    /// A runtime upgrade to enact during the run (nil: the chain stays on spec 1251).
    public var runtimeUpgrade: RuntimeUpgradePlan?
    /// Simulated workers whose pRuntime runs (dev mode, served by `SimulatedPRuntimeServer`)
    /// but which are not registered on chain yet, so registration can be rehearsed (issue 8).
    /// They come after the `workers` registered ones, by index.
    public var unregisteredWorkers: Int = 0
    /// The runtime constant `NoneAttestationEnabled`: whether `register_worker_v2` accepts
    /// `None` attestation (a dev-mode pRuntime), recording provider None and confidence 128
    /// (PB utils/attestation.rs `validate`). Khala sets it false (the default here); a dev
    /// chain sets it true, which is what lets the simulated dev-mode pRuntimes register.
    public var noneAttestationEnabled: Bool = false

    public init() {}

    /// Milliseconds per block, at least 1.
    public var blockTimeMs: UInt64 { UInt64(max(1, (blockTimeSeconds * 1000).rounded())) }
}

/// Which simulated pRuntimes misbehave (fractions of the fleet, chosen by the seed).
public struct FaultInjection: Sendable, Hashable {
    /// Answer after the heartbeat window has passed (become unresponsive, then recover).
    public var slowFraction: Double = 0
    /// Drop each answer with probability `flakyDropProbability`.
    public var flakyFraction: Double = 0
    public var flakyDropProbability: Double = 0.5
    /// Never answer.
    public var offlineFraction: Double = 0
    /// One worker (by index) goes offline at a block, and optionally comes back.
    public var offlineWorker: OfflineWorker?

    public init() {}
}

/// One worker taken offline for a span of blocks.
public struct OfflineWorker: Sendable, Hashable {
    public var workerIndex: Int
    public var fromBlock: UInt32
    /// First block at which it answers again (nil: stays offline).
    public var untilBlock: UInt32?

    public init(workerIndex: Int, fromBlock: UInt32, untilBlock: UInt32? = nil) {
        self.workerIndex = workerIndex; self.fromBlock = fromBlock; self.untilBlock = untilBlock
    }
}

/// A runtime upgrade the devnet enacts at a block (issue 6 "Must show"):
/// spec version + 1 with the DCAP types of later runtimes (PROTOCOL.md §1.6).
public struct RuntimeUpgradePlan: Sendable, Hashable {
    /// The block that sets the new code (its post-state reports the new version; the next block runs it).
    public var atBlock: UInt32
    /// How many simulated workers (the first, by index) re-register with a DCAP
    /// attestation in the first block the new runtime executes.
    public var dcapWorkers: Int

    public init(atBlock: UInt32, dcapWorkers: Int = 0) {
        self.atBlock = atBlock
        self.dcapWorkers = dcapWorkers
    }
}
