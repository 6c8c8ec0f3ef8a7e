import ChainCrypto
import Scale

extension DevnetChain {
    /// PHA endowed to each dev account and extra account (1,000,000 PHA).
    static let devEndowmentPlanck: UInt128 = 1_000_000 * 1_000_000_000_000
    /// W-PHA each pool starts with (its owner's contribution).
    static let poolContributionPlanck: UInt128 = 2_000_000 * 1_000_000_000_000

    /// Block 0: dev accounts with PHA, pools owned by them, registered and
    /// benchmarked workers added to the pools and computing, the tokenomic
    /// parameters, heartbeats on (issue 5 scenarios).
    func buildGenesis() {
        state.nowMs = config.genesisTimestampMs
        state.phase = .initialization
        let owners = DevAccounts.publicKeys
        for account in owners + config.endowedAccounts where account.count == 32 {
            state.putAccount(account, AccountInfo(freePlanck: Self.devEndowmentPlanck))
        }
        let issued = Self.devEndowmentPlanck * UInt128(owners.count + config.endowedAccounts.count)
        state.storage.set(DevnetKeys.totalIssuance, scaleEncoded(issued))
        state.storage.set(DevnetKeys.nextFeeMultiplier, scaleEncoded(UInt128(1_000_000_000_000_000_000)))
        state.storage.set(DevnetKeys.tokenomicParameters, scaleEncoded(state.tokenomic))
        state.storage.set(DevnetKeys.expectedHeartbeatCount, scaleEncoded(config.expectedHeartbeats))
        state.storage.set(DevnetKeys.heartbeatPaused, scaleEncoded(false))
        state.storage.set(DevnetKeys.coolDownPeriod, scaleEncoded(config.coolDownSeconds))
        state.storage.set(DevnetKeys.benchmarkDuration, scaleEncoded(Self.benchmarkDurationBlocks))
        state.pruntimeAllowList = config.pruntimeAllowList
        state.storage.set(DevnetKeys.pruntimeAllowList, scaleEncoded(config.pruntimeAllowList))
        state.relayGenesisAllowList = [Self.kusamaGenesis]
        state.storage.set(DevnetKeys.plain("PhalaRegistry", "RelaychainGenesisBlockHashAllowList"), [4] + Self.kusamaGenesis)
        state.storage.set(DevnetKeys.timestampNow, scaleEncoded(state.nowMs))
        state.storage.set(DevnetKeys.number, scaleEncoded(UInt32(0)))

        // Pools 0..<P, owned round-robin by the dev accounts.
        for p in 0..<max(0, config.pools) {
            let pid = UInt64(p)
            let ownerList = config.poolOwners.filter { $0.count == 32 }
            let owner = ownerList.isEmpty ? owners[p % owners.count] : ownerList[p % ownerList.count]
            let pool = StakePool(pid: pid, owner: owner, totalShares: Self.poolContributionPlanck,
                                 totalValue: Self.poolContributionPlanck, cid: UInt32(p),
                                 poolAccount: DerivedAccount.pool(tag: "sp/", pid: pid, owner: owner),
                                 payoutCommissionPerMillion: nil, capPlanck: nil, workers: [], coolDownWorkers: [],
                                 lockAccount: DerivedAccount.pool(tag: "sl/", pid: pid, owner: owner),
                                 ownerRewardAccount: DerivedAccount.pool(tag: "so/", pid: pid, owner: owner))
            state.putPool(pool)
            state.putWPHA(pool.poolAccount, Self.poolContributionPlanck)
        }
        state.storage.set(DevnetKeys.poolCount, scaleEncoded(UInt64(max(0, config.pools))))

        // Workers: profiles chosen by the seed, registered, benchmarked, added and started.
        let n = max(0, config.workers)
        var profiles = [WorkerProfile](repeating: .healthy, count: n)
        var order = Array(0..<n)
        order.shuffle(using: &rng)
        var cursor = 0
        for (profile, fraction) in [(WorkerProfile.offline, config.faults.offlineFraction),
                                    (.slow, config.faults.slowFraction), (.flaky, config.faults.flakyFraction)] {
            let count = min(n - cursor, Int((Double(n) * max(0, min(1, fraction))).rounded()))
            for k in 0..<count { profiles[order[cursor + k]] = profile }
            cursor += count
        }
        for i in 0..<n {
            let pubkey = rng.bytes(32)
            let level: UInt8 = [1, 1, 1, 2, 2, 3, 4, 5][Int(rng.next() % 8)]
            let score = UInt32(1000 + rng.next() % 2000)
            var sim = SimWorker(index: i, pubkey: pubkey, challengeHash: blake2_256(pubkey), profile: profiles[i],
                                confidenceLevel: level, initialScore: score)
            let pid: UInt64? = config.pools > 0 ? UInt64(i % config.pools) : nil
            let owner = pid.flatMap { state.pools[$0]?.owner }
            let ecdh = rng.bytes(32)
            sim.ecdhPubkey = ecdh
            sim.defaultOperator = owner
            state.putWorkerInfo(WorkerInfoV2(pubkey: pubkey, ecdhPubkey: ecdh, runtimeVersion: 15,
                                             lastUpdatedSeconds: state.nowSeconds, operatorAccount: owner,
                                             attestationProvider: 1, confidenceLevel: level, initialScore: score,
                                             features: [4, 1]))
            state.storage.set(DevnetKeys.workerAddedAt(pubkey), scaleEncoded(UInt32(0)))
            sim.pInstant = score
            state.simIndexByPubkey[pubkey] = i
            state.sims.append(sim)
            guard let pid, owner != nil else { continue }
            let unpooled = max(0, config.unpooledWorkers)
            if i >= n - unpooled { continue }  // registered, not in its pool
            do {
                try addWorker(pid: pid, worker: pubkey)
                if i >= n - unpooled - max(0, config.readyWorkers) { continue }  // stays Ready
                try startComputing(pid: pid, worker: pubkey, stakePlanck: Self.genesisStake(score: score))
            } catch {
                // Genesis choices always satisfy the rules; a failure leaves the worker Ready.
            }
        }
        addUnregisteredWorkers(after: n)
        state.events = []
        state.putOnlineWorkers(state.onlineWorkers)
        state.storage.set(DevnetKeys.events, [0])
        let changed = state.storage.seal(number: 0)
        let header = BlockHeader(parentHash: [UInt8](repeating: 0, count: 32), number: 0,
                                 stateRoot: stateRoot(parent: [UInt8](repeating: 0, count: 32), changed: changed),
                                 extrinsicsRoot: blake2_256([]), digestLogs: [])
        blocks.append(SealedBlock(header: header, hash: header.hash, extrinsics: []))
        refreshTotalShare()
    }

    /// Workers whose pRuntime runs in dev mode but which are not on chain yet (issue 8):
    /// keys from their own seeded stream, so adding them leaves the registered fleet
    /// and the chain's random choices exactly as without them.
    func addUnregisteredWorkers(after registered: Int) {
        var keyRng = SeededRandom(seed: config.seed ^ 0x7052_756E_7469_6D65)  // "pRuntime"
        for k in 0..<max(0, config.unregisteredWorkers) {
            let i = registered + k
            let pubkey = keyRng.bytes(32)
            var sim = SimWorker(index: i, pubkey: pubkey, challengeHash: blake2_256(pubkey), profile: .healthy,
                                confidenceLevel: 128, initialScore: UInt32(1000 + keyRng.next() % 2000))
            sim.ecdhPubkey = keyRng.bytes(32)
            let pid: UInt64? = config.pools > 0 ? UInt64(i % config.pools) : nil
            sim.defaultOperator = pid.flatMap { state.pools[$0]?.owner }
            state.simIndexByPubkey[pubkey] = i
            state.sims.append(sim)
        }
    }

    /// A stake above the minimum `k·√p` (§2) with margin: 1.5·100·√p PHA.
    static func genesisStake(score: UInt32) -> UInt128 {
        UInt128((150 * Double(score).squareRoot()).rounded(.up)) * 1_000_000_000_000
    }
}
