import Scale

/// Runtime upgrades, as a Substrate chain performs them (issue 6 "Must show"):
///
/// - Block U (`atBlock`) sets the new code: it is still executed by the old
///   runtime (its events and storage are in the old encoding), deposits
///   `System.CodeUpdated` and a `RuntimeEnvironmentUpdated` digest, and its
///   post-state already reports the new runtime (`state_getRuntimeVersion` /
///   `state_getMetadata` at U's hash answer the new one).
/// - Block U+1 is the first the new runtime executes: its `on_runtime_upgrade`
///   runs first (migrations, `System.LastRuntimeUpgrade`), then the block.
///
/// So a client decodes block N with the runtime of N's parent, as
/// py-substrate-interface does ("calls and storage functions are decoded
/// against runtime of previous block", `init_runtime`).
extension DevnetChain {
    static let codeKey = Array(":code".utf8)
    static let lastRuntimeUpgradeKey = DevnetKeys.plain("System", "LastRuntimeUpgrade")

    /// The runtime whose code is in the post-state of block `number`.
    public func runtime(atBlock number: UInt32) -> DevnetRuntime {
        runtimes.last { $0.fromBlock <= number }?.runtime ?? .base
    }

    /// The blocks that set new code, with the spec version each installed.
    public var runtimeUpgrades: [(block: UInt32, specVersion: UInt32)] {
        runtimes.dropFirst().map { ($0.fromBlock, $0.runtime.version.specVersion) }
    }

    /// Schedules an upgrade to the next runtime. The block is moved to the
    /// next one when it is not in the future; a later call replaces an
    /// upgrade not yet enacted. Returns the block that will set the code.
    @discardableResult
    public func scheduleRuntimeUpgrade(_ plan: RuntimeUpgradePlan) -> UInt32 {
        var plan = plan
        plan.atBlock = max(plan.atBlock, headNumber + 1)
        plan.dcapWorkers = max(0, plan.dcapWorkers)
        scheduledUpgrade = plan
        return plan.atBlock
    }

    /// At block `number` (executed by the old runtime): installs the new code
    /// if an upgrade is due. Returns whether it did (for the header digest).
    func enactScheduledUpgrade(number: UInt32) -> Bool {
        guard let plan = scheduledUpgrade, plan.atBlock == number else { return false }
        scheduledUpgrade = nil
        let next = runtime.upgraded()
        runtimes.append((number, next))
        pendingDcapReregistrations = plan.dcapWorkers
        let v = next.version
        state.storage.set(Self.codeKey, Array("khalatop-devnet runtime \(v.specName)/\(v.specVersion)".utf8))
        state.deposit(.codeUpdated)
        return true
    }

    /// At the start of block `number`: if the runtime executing it is newer
    /// than the last one that ran its upgrade hook, runs `on_runtime_upgrade`
    /// (records `System.LastRuntimeUpgrade`). The DCAP runtime only adds enum
    /// variants, so no stored value changes encoding and no value needs
    /// migrating. Then simulated pRuntimes re-register with DCAP where planned.
    func runUpgradeHooks(number: UInt32) {
        guard number >= 2, let installed = runtimes.last(where: { $0.fromBlock == number - 1 }) else { return }
        let executing = installed.runtime
        var e = ScaleEncoder()
        e.encodeCompact(UInt64(executing.version.specVersion))
        e.encode(executing.version.specName)
        state.storage.set(Self.lastRuntimeUpgradeKey, e.bytes)
        guard executing.supportsDcap else { return }
        let count = min(pendingDcapReregistrations, state.sims.count)
        pendingDcapReregistrations = 0
        for sim in state.sims.prefix(count) {
            guard var info = state.workerInfos[sim.pubkey] else { continue }
            // The pRuntime's DCAP registration, simulated like the genesis ones (no extrinsic).
            info.attestationProvider = AttestationProviderIndex.dcap
            info.lastUpdatedSeconds = state.nowSeconds
            state.putWorkerInfo(info)
            state.deposit(.workerUpdated(pubkey: sim.pubkey, attestationProvider: AttestationProviderIndex.dcap,
                                         confidenceLevel: info.confidenceLevel))
        }
    }
}

extension DevnetChain {
    /// In the first block of a new runtime: pooled extrinsics signed for the
    /// old one (`CheckSpecVersion` is in the signed payload) fail their
    /// signature check now; a node drops them when it revalidates its pool.
    /// Returns the hashes dropped.
    func revalidatePoolAfterUpgrade(number: UInt32) -> [[UInt8]] {
        guard number >= 2, runtimes.contains(where: { $0.fromBlock == number - 1 }), !txPool.isEmpty else { return [] }
        var kept: [UncheckedExtrinsic] = []
        var dropped: [[UInt8]] = []
        for x in txPool {
            if let sig = x.signature, (try? checkSignature(x, sig, at: number)) != nil { kept.append(x) } else { dropped.append(x.hash) }
        }
        txPool = kept
        return dropped
    }
}

/// `AttestationProvider` variant indices (PROTOCOL.md §1.1).
enum AttestationProviderIndex {
    static let root: UInt8 = 0
    static let ias: UInt8 = 1
    /// Only in runtimes after 1251 (§1.6).
    static let dcap: UInt8 = 2
}

extension EventRecord {
    /// The record with its module errors re-indexed for `runtime`.
    func reindexed(_ runtime: DevnetRuntime) -> EventRecord {
        switch event {
        case .extrinsicFailed(let error, let info):
            return EventRecord(phase: phase, event: .extrinsicFailed(runtime.reindex(error), info))
        case .batchInterrupted(let index, let error):
            return EventRecord(phase: phase, event: .batchInterrupted(index: index, error: runtime.reindex(error)))
        default:
            return self
        }
    }
}
