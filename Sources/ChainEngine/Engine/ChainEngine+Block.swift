import MiningCore
import Scale

/// One block: header basics, events, outbound messages, heartbeat
/// extrinsics and the storage its events changed (issue 6, PROTOCOL.md §3-§4).
extension ChainEngine {
    /// Processes block `number`; its events reach the queue only once the
    /// whole block is done. If it fails half way (the node went away), what
    /// only this block says — heartbeats, event observations, diagnostics —
    /// is dropped, since the block is processed again after the reconnect
    /// (no heartbeat counted twice); storage snapshots already read and
    /// diagnostics are kept (snapshots are idempotent, and their values are
    /// recorded as seen, so they would not come again).
    func processBlock(_ number: UInt32, _ calls: NodeCalls) async throws {
        let mark = outbox.count
        holdingBlock = true
        do {
            try await processBlockContents(number, calls)
            holdingBlock = false
            // Handed over with the connection state `catchUp` emits next (one queue hop per block).
            if outbox.count >= Self.outboxLimit { await flush() }
        } catch {
            holdingBlock = false
            let kept = outbox[mark...].filter(Self.survivesFailedBlock)
            outbox.removeSubrange(mark...)
            outbox += kept
            throw error
        }
    }

    /// Whether an event of a block that failed half way still holds.
    static func survivesFailedBlock(_ e: EngineEvent) -> Bool {
        switch e {
        case .observation(let o):
            if case .watchListChanged = o { return true }
            return SnapshotKey(o) != nil
        case .extrinsicFailed, .blockProcessed: return false
        case .connection, .diagnostic, .fleetLoaded: return true
        }
    }

    private func processBlockContents(_ number: UInt32, _ calls: NodeCalls) async throws {
        // The hash from the head notifications when known (no chain_getBlockHash round trip).
        var hash: [UInt8]
        var derived = false
        if let known = headHashes.hash(of: number), pendingSpec == nil {
            (hash, derived) = (known.hash, known.derived)
        } else {
            hash = try await calls.blockHash(number)
        }
        // A new runtime's migrations announce nothing: its first block re-reads everything watched.
        let upgraded = try await checkRuntime(number: number, calls)
        let dec = try requireDecoder()
        let plan = blockReadPlan(dec)
        let values: StorageValues, extrinsics: [[UInt8]]
        do {
            (values, extrinsics) = try await calls.blockContents(plan.keys, encoded: plan.encodedKeys, at: hash)
        } catch {
            // A hash computed from a header the node does not know: ask the node, and stop computing them.
            guard derived, !Task.isCancelled else { throw error }
            headHashes.distrustDerived()
            hash = try await calls.blockHash(number)
            (values, extrinsics) = try await calls.blockContents(plan.keys, encoded: plan.encodedKeys, at: hash)
        }
        headHashes.forget(below: number)
        func raw(_ item: StorageItem) -> [UInt8]? {
            guard let k = dec.plans[item]?.prefix else { return nil }
            return values[k] ?? nil
        }

        await emitBlockObserved(dec, block: number, hash: hash, timestamp: raw(.timestamp))
        await emitParameters(dec, values, block: number)

        let filter = storage.filter
        var messages = BlockMessages()
        dec.heartbeats(extrinsics, block: number, watch: filter.workers, into: &messages)
        dec.challenges(raw(.outboundMessages), block: number, into: &messages)
        let events = dec.blockEvents(raw(.events), block: number, watch: filter)
        if events.codeUpdated { codeUpdatedAt = number }
        for issue in messages.issues + events.issues { await report(issue) }

        for hb in messages.heartbeats { await emit(.heartbeatLanded(hb)) }
        for o in events.observations {
            if case .bindingChanged(let w, let s, _) = o, storage.bindings[w] != s { storage.bindings[w] = s }
            await emit(o)
        }
        for f in events.failures { await emit(.extrinsicFailed(f)) }

        // Balances no event the engine follows announces (the owner's fees and transfers, W-PHA sent
        // to a pool account) are read at this block when any of its events names one of their
        // accounts (Balances, Assets, TransactionPayment... name the accounts they move), and every
        // `balanceCheckEveryBlocks` in case one moved without an event naming it: a change refreshes
        // its pool now. One that comes with a pool event (rewards, contributions) waits for the
        // periodic pool refresh like that event does, so rewards do not cost a pool read every block.
        // Pools a reconcile, a member change or a pool event already has read (now or at the periodic
        // refresh) are left out.
        let reconcile = upgraded || (configuration.reconcileEveryBlocks > 0 && number % configuration.reconcileEveryBlocks == 0)
        var balanceDirty: Set<UInt64> = []
        let every = max(1, configuration.balanceCheckEveryBlocks)
        if !reconcile, !plan.balances.isEmpty, number % every == 0 || plan.balanceAccounts.occur(in: raw(.events) ?? []) {
            let covered = deferredPools.union(events.refresh.pools)
            let pending = plan.balances.filter { !covered.contains($0.pool) }
            let keys = BlockReadPlan.deduplicated(pending.map(\.key))
            if !keys.isEmpty {
                let balances = try await calls.storage(keys, at: hash, batch: configuration.storageBatchSize)
                for (k, pid) in pending {
                    if let old = storage.values[k], old != (balances[k] ?? nil) { balanceDirty.insert(pid) }
                }
            }
        }

        // Storage the events say changed, read at this block.
        // (TokenomicParametersChanged needs nothing more: the parameters are read every block above.)
        var hints = events.refresh
        if reconcile {
            deferredPools = []
            deferredSessions = []
            try await loadAll(calls, block: number, hash: hash, scanOperator: true)
        } else if !hints.isEmpty || !deferredSessions.isEmpty || !balanceDirty.isEmpty {
            // Member and balance changes now; value-only changes (rewards, contributions) at most every `poolRefreshEveryBlocks`.
            deferredPools.formUnion(hints.pools.subtracting(hints.poolMembership))
            var poolsNow = hints.poolMembership.union(balanceDirty)
            if !deferredPools.isEmpty, number % max(1, configuration.poolRefreshEveryBlocks) == 0 {
                poolsNow.formUnion(deferredPools)
                deferredPools = []
            }
            poolsNow.keepOnly(storage.poolIds)
            if !poolsNow.isEmpty, try await refreshPools(poolsNow, calls, dec, block: number, hash: hash) {
                try await updateMembership(calls, dec, block: number, hash: hash, reloadAll: false)
            }
            hints.workers.keepOnly(storage.workers)
            if !hints.workers.isEmpty {
                try await refreshWorkers(hints.workers, calls, dec, block: number, hash: hash, sessionsToo: false)
                for w in hints.workers { if let s = storage.bindings[w] { hints.sessions.insert(s) } }
            }
            let watchedSessions = storage.filter.sessions
            hints.sessions.keepOnly(watchedSessions)
            deferredSessions.formUnion(hints.sessionValues)
            deferredSessions.subtract(hints.sessions)
            deferredSessions.keepOnly(watchedSessions)
            if !deferredSessions.isEmpty, number % max(1, configuration.sessionValueRefreshEveryBlocks) == 0 {
                hints.sessions.formUnion(deferredSessions)
                deferredSessions = []
            }
            try await refreshSessions(hints.sessions, calls, dec, block: number, hash: hash)
        }

        for c in messages.challenges { await emit(.challengeIssued(c)) }
        await emit(.blockProcessed(number: number))
        stats.blocksProcessed += 1
        processedBlock = number
    }

    /// What followed blocks read: timestamp, events, outbound messages and the
    /// chain parameters every block, and each watched pool's balances (W-PHA
    /// of its pool and owner-reward accounts, the owner's `System.Account`)
    /// when a block's events name those accounts; cached until the pools or
    /// the runtime change.
    func blockReadPlan(_ dec: ChainDecoder) -> BlockReadPlan {
        if let cached = storage.blockPlan, cached.spec == dec.specVersion { return cached }
        let items: [StorageItem] = [.timestamp, .events, .outboundMessages] + Self.parameterItems
        var balances: [(key: [UInt8], pool: UInt64)] = []
        var accounts: [AccountID] = []
        for (pid, pool) in storage.pools.sorted(by: { $0.key < $1.key }) where storage.poolIds.contains(pid) {
            let parts = [try? dec.wphaAccountKey(pool.basepool.poolAccountId), try? dec.wphaAccountKey(pool.ownerRewardAccount),
                         try? dec.accountKey(.systemAccount, pool.owner)]
            for case let k? in parts { balances.append((k, pid)) }  // an owner of two pools: one key, both pools
            accounts += [pool.basepool.poolAccountId, pool.ownerRewardAccount, pool.owner]
        }
        let plan = BlockReadPlan(spec: dec.specVersion, keys: items.compactMap { dec.plans[$0]?.prefix }, balances: balances,
                                 accounts: accounts)
        storage.blockPlan = plan
        return plan
    }

    /// While an upgrade is announced, asks which spec each block runs and
    /// switches decoders at the first block the new one executes. Block N runs
    /// the runtime in its parent's post-state: the block that sets new code
    /// (`System.CodeUpdated`) is still executed, and its events and storage
    /// written, by the old runtime, though its own post-state already reports
    /// the new version (py-substrate-interface decodes the same way).
    /// Returns whether the decoder changed.
    @discardableResult
    func checkRuntime(number: UInt32, _ calls: NodeCalls) async throws -> Bool {
        let afterCodeUpdate = codeUpdatedAt.map { number > $0 } ?? false
        guard pendingSpec != nil || afterCodeUpdate, let current = decoder, number > 0 else { return false }
        if afterCodeUpdate { codeUpdatedAt = nil }
        let parent = try await calls.blockHash(number - 1)
        let version = try await calls.runtimeVersion(at: parent)
        var switched = false
        if version.specVersion != current.specVersion {
            decoder = try await decoderFor(spec: version.specVersion, at: parent, calls)
            stats.runtimeUpgrades += 1
            await emit(.diagnostic(.runtimeUpgraded(fromSpec: current.specVersion, toSpec: version.specVersion, atBlock: number)))
            switched = true
        }
        if version.specVersion == pendingSpec { pendingSpec = nil }
        return switched
    }
}

extension Set {
    /// `formIntersection` walking only this (small) set: a block's hints
    /// against the 1,000-entry watch sets, where the library's intersection
    /// walks the larger one.
    mutating func keepOnly(_ other: Set<Element>) {
        guard !isEmpty else { return }
        if count > other.count { formIntersection(other); return }
        for e in self where !other.contains(e) { remove(e) }
    }
}
