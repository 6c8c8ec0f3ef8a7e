import ChainCrypto
import Scale

/// The simulated Khala chain: genesis from a scenario, then one block per
/// `produceBlock()` call (issue 5). Time is the block number times the block
/// time, randomness comes from the seed, so tests step blocks without
/// sleeping and a seed reproduces a run. The live server drives it from a timer
/// (`DevnetNode`).
///
/// Not thread-safe: one owner (the node actor, or a test) calls it.
public final class DevnetChain {
    public let config: DevnetConfig
    var state: RuntimeState
    var blocks: BlockStore
    var rng: SeededRandom
    /// Signed extrinsics waiting for a block, in arrival order.
    var txPool: [UncheckedExtrinsic] = []
    /// Heartbeats simulated pRuntimes will have relayed, by block number.
    var scheduledAnswers: [UInt32: [ScheduledAnswer]] = [:]
    /// Σshare of responsive workers (§4.4), refreshed every block.
    var totalShare: Double = 0
    let verifier: (any SignatureVerifier)?
    let relayer: (any ExtrinsicSigner)?
    /// Runtimes by the first block whose post-state runs them (block 0: spec 1251);
    /// a runtime upgrade appends one (`DevnetChain+Upgrade.swift`).
    var runtimes: [(fromBlock: UInt32, runtime: DevnetRuntime)] = [(0, .base)]
    /// An upgrade waiting for its block (`scheduleRuntimeUpgrade`).
    var scheduledUpgrade: RuntimeUpgradePlan?
    /// Simulated pRuntimes that re-register with DCAP in the first block the new runtime executes.
    var pendingDcapReregistrations = 0

    /// The runtime at the head, i.e. the one that executes the next block.
    public var runtime: DevnetRuntime { runtime(atBlock: headNumber) }
    /// Spec/transaction versions of the head's runtime (spec 1251 until an upgrade).
    public var runtimeVersion: DevnetRuntimeVersion { runtime.version }
    /// Decodes calls through the metadata of the runtime that executes the next block.
    var codec: DynamicCodec { runtime.codec }

    /// Builds genesis (block 0) from `config`.
    /// - Parameters:
    ///   - verifier: checks extrinsic signatures; without one every signed extrinsic is refused.
    ///   - relayer: signs the simulated relayer's `sync_offchain_message` extrinsics (unsigned without one).
    public init(config: DevnetConfig, verifier: (any SignatureVerifier)? = nil, relayer: (any ExtrinsicSigner)? = nil) {
        self.config = config
        self.verifier = verifier
        self.relayer = relayer
        self.rng = SeededRandom(seed: config.seed)
        self.blocks = BlockStore(keepBlocks: config.keepBlocks)
        self.state = RuntimeState(storage: StateStore(keepBlocks: config.stateDepthBlocks),
                                  tokenomic: .genesis(heartbeatWindowBlocks: config.heartbeatWindowBlocks,
                                                      slashRatePerBlock: config.slashRatePerBlock))
        buildGenesis()
        if let plan = config.runtimeUpgrade { scheduleRuntimeUpgrade(plan) }
    }

    // MARK: reads

    public var head: SealedBlock { blocks.head! }
    public var headNumber: UInt32 { head.header.number }
    public var genesisHash: [UInt8] { blocks.genesisHash! }

    public func block(number: UInt32) -> SealedBlock? { blocks.block(number: number) }
    public func block(hash: [UInt8]) -> SealedBlock? { blocks.block(hash: hash) }

    /// A storage value after block `number` (the head when nil).
    public func storage(_ key: [UInt8], at number: UInt32? = nil) throws(StateError) -> [UInt8]? {
        try state.storage.value(key, at: number ?? headNumber, head: headNumber)
    }

    /// Storage keys under `prefix`, sorted, paged after `startKey`.
    public func storageKeys(prefix: [UInt8], count: Int, startKey: [UInt8]?, at number: UInt32? = nil)
        throws(StateError) -> [[UInt8]] {
        try state.storage.keys(prefix: prefix, count: count, startKey: startKey, at: number ?? headNumber, head: headNumber)
    }

    /// The next nonce of an account: its `System.Account` nonce after the
    /// pool's ready extrinsics from it (as `system_accountNextIndex` answers).
    public func nextNonce(_ account: [UInt8]) -> UInt32 {
        var n = state.accounts[account]?.nonce ?? 0
        for x in txPool.compactMap(\.signature) where x.signer == account && x.nonce == n { n += 1 }
        return n
    }

    /// The public keys of the simulated workers, in index order.
    public var workerPublicKeys: [[UInt8]] { state.sims.map(\.pubkey) }

    /// The session account of a worker, if bound.
    public func session(ofWorker index: Int) -> [UInt8]? {
        index < state.sims.count ? state.sims[index].session : nil
    }

    // MARK: block production

    /// What one block did: the sealed block, the storage keys it changed,
    /// and the outcome of each user extrinsic it included (by hash).
    public struct BlockOutcome: Sendable {
        public var block: SealedBlock
        public var changedKeys: [[UInt8]]
        public var included: [[UInt8]]
        /// Pooled extrinsics that can no longer be included (stale nonce, dead era).
        public var dropped: [[UInt8]] = []
    }

    /// Builds, executes and seals the next block.
    @discardableResult
    public func produceBlock() -> BlockOutcome {
        let parent = head
        let number = parent.header.number + 1
        state.nowMs = config.genesisTimestampMs + UInt64(number) * config.blockTimeMs
        state.phase = .initialization
        state.events = []
        state.storage.set(DevnetKeys.number, scaleEncoded(number))
        state.storage.set(DevnetKeys.parentHash, parent.hash)
        state.storage.set(DevnetKeys.blockHash(number - 1), parent.hash)
        // PhalaMq on_initialize: the outbound queue holds only this block's messages (§1.4).
        state.outbound = []
        state.storage.set(DevnetKeys.outboundMessages, [0])
        // Runtime upgrade: migrations of a new runtime, then an upgrade due in this block.
        runUpgradeHooks(number: number)
        let codeUpdated = enactScheduledUpgrade(number: number)
        let invalidated = revalidatePoolAfterUpgrade(number: number)

        var extrinsics: [[UInt8]] = []
        var included: [[UInt8]] = []
        // 1. Timestamp inherent.
        var call: [UInt8] = [1, 0]
        var e = ScaleEncoder()
        e.encodeCompact(state.nowMs)
        call += e.bytes
        apply(inherent: UncheckedExtrinsic(unsignedCall: call), index: 0, into: &extrinsics)
        state.storage.set(DevnetKeys.timestampNow, scaleEncoded(state.nowMs))
        // 2. Heartbeats relayed from the simulated pRuntimes.
        for answer in scheduledAnswers.removeValue(forKey: number) ?? [] {
            if let x = relayHeartbeat(answer) { apply(inherent: x, index: UInt32(extrinsics.count), into: &extrinsics) }
        }
        // Benchmark reports of freshly registered simulated workers (§2).
        for i in state.benchReports.removeValue(forKey: number) ?? [] where i < state.sims.count {
            if let x = relayBenchReport(workerIndex: i) { apply(inherent: x, index: UInt32(extrinsics.count), into: &extrinsics) }
        }
        // 3. User extrinsics whose nonce is due, in arrival order.
        var waiting: [UncheckedExtrinsic] = []
        for x in txPool {
            if applyUser(x, index: UInt32(extrinsics.count), number: number) {
                extrinsics.append(x.encoded)
                included.append(x.hash)
            } else {
                waiting.append(x)
            }
        }
        txPool = waiting.filter { isStillValid($0, number: number) }
        let dropped = invalidated + waiting.filter { !isStillValid($0, number: number) }.map(\.hash)
        // 4. Finalization: Gatekeeper, V dynamics, the next challenge.
        state.phase = .finalization
        finalizeComputation(number: number)

        state.storage.set(DevnetKeys.events, encodeEvents())
        state.storage.set(DevnetKeys.eventCount, scaleEncoded(UInt32(state.events.count)))
        state.storage.set(DevnetKeys.extrinsicCount, scaleEncoded(UInt32(extrinsics.count)))
        let slot = state.nowMs / max(1, config.blockTimeMs)
        // `set_code` adds `DigestItem::RuntimeEnvironmentUpdated` (index 8, no payload).
        let digest = [BlockHeader.auraPreRuntime(slot: slot)] + (codeUpdated ? [[8]] : [])
        state.storage.set(DevnetKeys.digest, [UInt8(digest.count * 4)] + digest.flatMap { $0 })  // Vec<DigestItem>
        let changed = state.storage.seal(number: number)
        let header = BlockHeader(parentHash: parent.hash, number: number,
                                 stateRoot: stateRoot(parent: parent.header.stateRoot, changed: changed),
                                 extrinsicsRoot: blake2_256(extrinsics.flatMap { blake2_256($0) }),
                                 digestLogs: digest)
        let sealed = SealedBlock(header: header, hash: header.hash, extrinsics: extrinsics)
        blocks.append(sealed)
        return BlockOutcome(block: sealed, changedKeys: changed, included: included, dropped: dropped)
    }

    func encodeEvents() -> [UInt8] {
        var e = ScaleEncoder(reservingCapacity: 64 * state.events.count + 4)
        e.encodeCompact(UInt64(state.events.count))
        // Errors are raised against the 1251 tables; the executing runtime may index them differently.
        let executing = runtime
        let reindex = executing.version.specVersion != DevnetRuntime.base.version.specVersion
        for r in state.events { (reindex ? r.reindexed(executing) : r).encode(to: &e) }
        return e.bytes
    }

    /// Not a trie root: a digest chaining the parent's root and this block's
    /// changes, so equal states give equal roots and any change moves it.
    func stateRoot(parent: [UInt8], changed: [[UInt8]]) -> [UInt8] {
        var data = parent
        for key in changed.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            data += blake2_256(key + (state.storage[key] ?? []))
        }
        return blake2_256(data)
    }

    /// Applies the devnet's own extrinsics (timestamp, relayed heartbeats). Their
    /// calls check everything before writing, so no state copy is taken: a copy
    /// per heartbeat would cost O(state) each (it made 10,000-worker blocks slow).
    func apply(inherent x: UncheckedExtrinsic, index: UInt32, into extrinsics: inout [[UInt8]]) {
        state.phase = .applyExtrinsic(index)
        do {
            try dispatch(call: x.call, origin: x.signature?.signer, unsigned: x.signature == nil)
            state.deposit(.extrinsicSuccess(x.signature == nil ? .mandatory : .normal))
        } catch {
            state.deposit(.extrinsicFailed(error, x.signature == nil ? .mandatory : .normal))
        }
        extrinsics.append(x.encoded)
    }
}

/// Signs the devnet relayer's extrinsics (ChainCrypto keys when available).
public protocol ExtrinsicSigner: Sendable {
    var publicKey: [UInt8] { get }
    var scheme: SignatureScheme { get }
    func sign(_ message: [UInt8]) -> [UInt8]
}
