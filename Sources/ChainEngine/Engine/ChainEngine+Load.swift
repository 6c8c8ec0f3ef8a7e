import MiningCore
import Scale

/// Loading the watched fleet: pools (and the operator's pools), their
/// workers, bindings, sessions, stakes, balances and the chain parameters,
/// all in batched `state_queryStorageAt` calls (issue 6). Every read is
/// diffed against the last value, so a reload only reports changes.
extension ChainEngine {
    /// Decoder for `spec`, fetching the metadata at `hash` once per spec version.
    func decoderFor(spec: UInt32, at hash: [UInt8], _ calls: NodeCalls) async throws -> ChainDecoder {
        if let d = decoders[spec] { return d }
        let bytes = try await calls.metadata(at: hash)
        let d: ChainDecoder
        do { d = try ChainDecoder(metadataBytes: bytes, specVersion: spec) } catch {
            throw NodeResponseError.badResult(method: "state_getMetadata", reason: "\(error)")
        }
        decoders[spec] = d
        return d
    }

    func requireDecoder() throws -> ChainDecoder {
        guard let d = decoder else { throw NodeResponseError.badResult(method: "state_getMetadata", reason: "no metadata loaded") }
        return d
    }

    func initialLoad(_ calls: NodeCalls, head: UInt32, headHash: [UInt8]) async throws {
        try await loadAll(calls, block: head, hash: headHash, scanOperator: true)
        processedBlock = head
    }

    /// Reads everything watched at `block` and emits what changed.
    func loadAll(_ calls: NodeCalls, block: UInt32, hash: [UInt8], scanOperator: Bool) async throws {
        let loadStart = ContinuousClock.now
        let dec = try requireDecoder()
        try await readBlockBasics(calls, dec, block: block, hash: hash)
        var pids = storage.poolIds
        if scanOperator, let op = configuration.operatorAccount {
            let prefix = try dec.plan(.pools).prefix
            let keys = try await calls.keys(prefix: prefix, at: hash, pageSize: configuration.keysPageSize)
            let values = try await calls.storage(keys, at: hash, batch: configuration.storageBatchSize)
            for key in keys {
                guard let value = values[key] ?? nil, let pool = try? dec.decodeStakePool(value) else { continue }
                if pool.owner == op { pids.insert(pool.pid) }
            }
        }
        storage.poolIds = pids
        try await refreshPools(pids, calls, dec, block: block, hash: hash)
        try await updateMembership(calls, dec, block: block, hash: hash, reloadAll: true)
        stats.fullLoads += 1
        stats.lastFullLoadMs = Double((ContinuousClock.now - loadStart).components.attoseconds) / 1e15
            + Double((ContinuousClock.now - loadStart).components.seconds) * 1000
        await emit(.fleetLoaded(block: block, workers: storage.workers.count, pools: storage.pools.count))
    }

    /// Header basics and chain parameters at a block: `Timestamp.Now` and the
    /// plain `PhalaComputation` values (used by the initial load and reloads).
    func readBlockBasics(_ calls: NodeCalls, _ dec: ChainDecoder, block: UInt32, hash: [UInt8]) async throws {
        let items: [StorageItem] = [.timestamp] + Self.parameterItems
        let keys = items.compactMap { dec.plans[$0]?.prefix }
        let values = try await calls.storage(keys, at: hash, batch: configuration.storageBatchSize)
        await emitBlockObserved(dec, block: block, hash: hash, timestamp: values[dec.plans[.timestamp]?.prefix ?? []] ?? nil)
        await emitParameters(dec, values, block: block)
    }

    static let parameterItems: [StorageItem] = [
        .tokenomicParameters, .onlineWorkers, .coolDownPeriod, .heartbeatPaused, .expectedHeartbeatCount,
    ]

    func emitBlockObserved(_ dec: ChainDecoder, block: UInt32, hash: [UInt8], timestamp: [UInt8]?) async {
        var ms: UInt64 = 0
        if let raw = timestamp {
            do { ms = try dec.decodeValue(.timestamp, raw)?.u64("Timestamp.Now") ?? 0 } catch {
                await report(DecodeIssue(item: StorageItem.timestamp.rawValue, key: dec.plans[.timestamp]?.prefix, block: block, reason: "\(error)"))
            }
        }
        await emit(.blockObserved(number: block, hash: try? Key32(hash), timestampMs: ms))
    }

    func report(_ issue: DecodeIssue) async {
        stats.decodeIssues += 1
        await emit(.diagnostic(.decode(issue)))
    }

    /// Emits the chain parameters whose raw value changed.
    func emitParameters(_ dec: ChainDecoder, _ values: StorageValues, block: UInt32) async {
        for item in Self.parameterItems {
            guard let key = dec.plans[item]?.prefix, let raw = values[key] else { continue }
            guard storage.changed(key, raw) else { continue }
            do {
                let v = try dec.decodeValue(item, raw)
                switch item {
                case .tokenomicParameters:
                    if let v { await emit(.tokenomicsChanged(try dec.tokenomics(v))) }
                case .onlineWorkers:
                    await emit(.onlineWorkersChanged(try v?.u32(item.rawValue) ?? 0))
                case .coolDownPeriod:
                    await emit(.coolDownPeriodChanged(seconds: try v?.u64(item.rawValue) ?? 0))
                case .heartbeatPaused:
                    await emit(.heartbeatPausedChanged(try v?.boolValue(item.rawValue) ?? true))
                case .expectedHeartbeatCount:
                    await emit(.expectedHeartbeatCountChanged(try v?.u32(item.rawValue)))
                default: break
                }
            } catch {
                await report(DecodeIssue(item: item.rawValue, key: key, block: block, reason: "\(error)"))
            }
        }
    }

    /// Re-reads pools (records and balances) and emits changed ones.
    /// Returns true when a pool's member list (workers or cool-down workers) changed.
    @discardableResult
    func refreshPools(_ pids: Set<UInt64>, _ calls: NodeCalls, _ dec: ChainDecoder, block: UInt32, hash: [UInt8]) async throws -> Bool {
        guard !pids.isEmpty else { return false }
        var membershipChanged = false
        var poolKeys: [UInt64: [UInt8]] = [:]
        for pid in pids { poolKeys[pid] = try dec.poolKey(pid) }
        let values = try await calls.storage(Array(poolKeys.values), at: hash, batch: configuration.storageBatchSize)
        var decoded: [UInt64: StakePool?] = [:]
        var recordChanged: Set<UInt64> = []
        for (pid, key) in poolKeys {
            let raw = values[key] ?? nil
            if storage.changed(key, raw) {
                recordChanged.insert(pid)
            } else if let cached = storage.pools[pid] {
                decoded[pid] = cached  // same bytes: reuse the decoded record
                continue
            }
            do {
                decoded[pid] = .some(try dec.decodeStakePool(raw))
            } catch {
                await report(DecodeIssue(item: StorageItem.pools.rawValue, key: key, block: block, reason: "\(error)"))
            }
        }
        // Balances: free stake (W-PHA of the pool account), owner rewards, the owner's gas.
        var balanceKeys: [[UInt8]] = []
        var roles: [UInt64: (free: [UInt8], reward: [UInt8], gas: [UInt8])] = [:]
        for case let (pid, pool?) in decoded {
            let r = (free: try dec.wphaAccountKey(pool.basepool.poolAccountId), reward: try dec.wphaAccountKey(pool.ownerRewardAccount),
                     gas: try dec.accountKey(.systemAccount, pool.owner))
            roles[pid] = r
            balanceKeys += [r.free, r.reward, r.gas]
        }
        let balances = balanceKeys.isEmpty ? StorageValues() : try await calls.storage(balanceKeys, at: hash, batch: configuration.storageBatchSize)
        for pid in pids.sorted() {
            guard let entry = decoded[pid] else { continue }  // undecodable: reported above
            guard var pool = entry else {
                if recordChanged.contains(pid) || storage.pools[pid] != nil {
                    if storage.pools[pid] != nil { membershipChanged = true }
                    storage.pools[pid] = nil
                    await emit(.poolChanged(pid: pid, pool: nil, block: block))
                }
                continue
            }
            guard let r = roles[pid] else { continue }
            var changed = recordChanged.contains(pid)
            for k in [r.free, r.reward, r.gas] where storage.changed(k, balances[k] ?? nil) { changed = true }
            do {
                pool.freeStakePlanck = try dec.assetBalance(try dec.decodeValue(.assetAccount, balances[r.free] ?? nil))
                pool.ownerRewardsPlanck = try dec.assetBalance(try dec.decodeValue(.assetAccount, balances[r.reward] ?? nil))
                let gas = try dec.freeBalance(try dec.decodeValue(.systemAccount, balances[r.gas] ?? nil))
                if changed { await emit(.gasBalanceChanged(account: pool.owner, freePlanck: gas)) }
            } catch {
                await report(DecodeIssue(item: "balances of pool \(pid)", key: r.free, block: block, reason: "\(error)"))
            }
            if changed || storage.pools[pid] == nil {
                let old = storage.pools[pid]
                if old?.workers != pool.workers || old?.cdWorkers != pool.cdWorkers { membershipChanged = true }
                storage.pools[pid] = pool
                await emit(.poolChanged(pid: pid, pool: pool, block: block))
            }
        }
        return membershipChanged
    }

    /// Applies pool membership to the worker set; loads added workers (or all with `reloadAll`).
    func updateMembership(_ calls: NodeCalls, _ dec: ChainDecoder, block: UInt32, hash: [UInt8], reloadAll: Bool) async throws {
        let wanted = storage.wantedWorkers
        let added = wanted.subtracting(storage.workers)
        if wanted != storage.workers {
            storage.workers = wanted
            for w in storage.bindings.keys where !wanted.contains(w) { storage.bindings[w] = nil }
            await emit(.watchListChanged(wanted.sorted()))
        }
        let toLoad = reloadAll ? wanted : added
        guard !toLoad.isEmpty else { return }
        try await refreshWorkers(toLoad, calls, dec, block: block, hash: hash, sessionsToo: true)
    }

    /// Re-reads workers' registry entry, binding and pool assignment; then their sessions.
    func refreshWorkers(_ workers: Set<WorkerKey>, _ calls: NodeCalls, _ dec: ChainDecoder, block: UInt32, hash: [UInt8],
                        sessionsToo: Bool) async throws {
        let list = workers.filter { storage.workers.contains($0) }.sorted()
        guard !list.isEmpty else { return }
        var keys: [[UInt8]] = []
        keys.reserveCapacity(list.count * 3)
        var perWorker: [(WorkerKey, [UInt8], [UInt8], [UInt8])] = []
        for w in list {
            let k = (try dec.workerKey(.workers, w), try dec.workerKey(.workerBindings, w), try dec.workerKey(.workerAssignments, w))
            perWorker.append((w, k.0, k.1, k.2))
            keys += [k.0, k.1, k.2]
        }
        let values = try await calls.storage(keys, at: hash, batch: configuration.storageBatchSize)
        var sessions: Set<AccountID> = []
        for (w, infoKey, bindingKey, assignmentKey) in perWorker {
            let info = values[infoKey] ?? nil
            if storage.changed(infoKey, info) {
                do {
                    await emit(.workerInfoChanged(worker: w, info: try dec.decodeWorkerInfo(info), block: block))
                } catch {
                    await report(DecodeIssue(item: StorageItem.workers.rawValue, key: infoKey, block: block, reason: "\(error)"))
                }
            }
            let binding = values[bindingKey] ?? nil
            do {
                let session = try dec.decodeBinding(binding)
                if storage.changed(bindingKey, binding) {
                    await emit(.bindingChanged(worker: w, session: session, block: block))
                }
                if storage.bindings[w] != session { storage.bindings[w] = session }
                if let session { sessions.insert(session) }
            } catch {
                if storage.changed(bindingKey, binding) {
                    await report(DecodeIssue(item: StorageItem.workerBindings.rawValue, key: bindingKey, block: block, reason: "\(error)"))
                }
            }
            let assignment = values[assignmentKey] ?? nil
            if storage.changed(assignmentKey, assignment) {
                do {
                    let pid = try dec.decodeAssignment(assignment)
                    await emit(.assignmentChanged(worker: w, pid: pid, block: block))
                } catch {
                    await report(DecodeIssue(item: StorageItem.workerAssignments.rawValue, key: assignmentKey, block: block, reason: "\(error)"))
                }
            }
        }
        if sessionsToo { try await refreshSessions(sessions, calls, dec, block: block, hash: hash) }
    }

    /// Re-reads sessions' `Sessions` and `Stakes` entries.
    func refreshSessions(_ sessions: Set<AccountID>, _ calls: NodeCalls, _ dec: ChainDecoder, block: UInt32, hash: [UInt8]) async throws {
        guard !sessions.isEmpty else { return }
        let list = sessions.sorted()
        var keys: [[UInt8]] = []
        keys.reserveCapacity(list.count * 2)
        var perSession: [(AccountID, [UInt8], [UInt8])] = []
        for s in list {
            let k = (try dec.accountKey(.sessions, s), try dec.accountKey(.stakes, s))
            perSession.append((s, k.0, k.1))
            keys += [k.0, k.1]
        }
        let values = try await calls.storage(keys, at: hash, batch: configuration.storageBatchSize)
        for (s, sessionKey, stakeKey) in perSession {
            let raw = values[sessionKey] ?? nil
            if storage.changed(sessionKey, raw) {
                do {
                    await emit(.sessionChanged(session: s, info: try dec.decodeSessionInfo(raw), block: block))
                } catch {
                    await report(DecodeIssue(item: StorageItem.sessions.rawValue, key: sessionKey, block: block, reason: "\(error)"))
                }
            }
            let stake = values[stakeKey] ?? nil
            if storage.changed(stakeKey, stake) {
                do {
                    await emit(.stakeChanged(session: s, stakePlanck: try dec.decodeStake(stake), block: block))
                } catch {
                    await report(DecodeIssue(item: StorageItem.stakes.rawValue, key: stakeKey, block: block, reason: "\(error)"))
                }
            }
        }
    }
}
