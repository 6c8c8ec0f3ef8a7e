import MiningCore

/// A scripted, deterministic fleet history for previews, benchmarks and
/// snapshot tests: MiningCore observations block by block (no fake engine,
/// no randomness beyond a fixed seed), with a few pools, one worker that
/// goes unresponsive, a flaky one that answers late, one that recovered,
/// one cooling down, one unregistered, one waiting for its benchmark and
/// one ready but not started.
///
/// Why in the module: the `dashboard-preview` subcommand, the bench and the
/// tests must show the same fleet; it is pure data, clearly bannered as
/// simulated wherever it is shown.
public struct ScriptedScenario: Sendable {
    public let workerCount: Int
    /// Block of the first observation; the scenario's history begins here.
    public let startBlock: UInt32
    public let windowBlocks: UInt32 = 20
    /// Pool ids: 1, 3, 7, then more so no pool exceeds `MaxPoolWorkers` (200, §1.3).
    public let pids: [UInt64]

    /// Worker indices with a role (for 12 workers and more).
    public static let unresponsiveIndex = 2
    public static let flakyIndex = 4
    public static let coolingIndex = 6
    public static let recoveredIndex = 8
    public static let unregisteredIndex = 9
    public static let benchmarkPendingIndex = 10
    public static let readyIndex = 11

    /// `blake2_256` of each key, for the hit test (hashing is the slow part).
    let hashes: [UInt256]

    public init(workers: Int, startBlock: UInt32 = 1_000) {
        workerCount = max(0, min(workers, 100_000))
        self.startBlock = startBlock
        hashes = (0..<workerCount).map { Self.workerKey($0).challengeHash }
        let poolCount = max(3, (workerCount + ChainConstants.maxPoolWorkers - 1) / ChainConstants.maxPoolWorkers)
        pids = [1, 3, 7] + (3..<poolCount).map { UInt64(7 + $0 - 2) }
    }

    /// Worker `i`'s public key (a made-up key, not a real worker).
    public static func workerKey(_ i: Int) -> WorkerKey {
        WorkerKey(raw: Key32(w0: 0x5757_0000_0000_0000 | UInt64(i &* 2_654_435_761 & 0xffff_ffff), w1: 0x1234, w2: 0, w3: UInt64(i)))
    }

    public var keys: [WorkerKey] { (0..<workerCount).map(Self.workerKey) }

    public static func workerName(_ i: Int) -> String { String(format: "rig-%02d", i + 1) }

    /// Names for every other worker (the rest show their short key).
    public var config: DashboardConfig {
        DashboardConfig(endpoints: [], pools: pids.map { DashboardConfig.Pool(pid: $0) },
                        workers: (0..<workerCount).filter { $0 % 5 != 3 }.map {
                            DashboardConfig.Worker(name: Self.workerName($0), key: Self.workerKey($0), pid: pid(of: $0))
                        })
    }

    func pid(of i: Int) -> UInt64? { i == Self.unregisteredIndex ? nil : pids[i % pids.count] }
    func has(_ role: Int) -> Bool { workerCount > role }
    func isComputing(_ i: Int) -> Bool {
        !(i == Self.unregisteredIndex || i == Self.benchmarkPendingIndex || i == Self.readyIndex) || workerCount <= Self.readyIndex
    }

    /// The owner of every scripted pool.
    public static let owner = AccountID(raw: Key32(w0: 0xacac_0000_0000_0001, w1: 0, w2: 0, w3: 1))
    static func timestampMs(_ block: UInt32) -> UInt64 { 1_764_000_000_000 + UInt64(block) * 12_000 }

    /// The fleet after `blocks` blocks of history.
    public func fleet(blocks: Int = 300) -> Fleet {
        var fleet = Fleet()
        for batch in history(blocks: blocks) { for o in batch { fleet.applyInPlace(o) } }
        return fleet
    }

    /// Observation batches, one per block, from `startBlock`.
    public func history(blocks: Int) -> [[Observation]] {
        var out = [setup()]
        for n in 1..<max(1, blocks + 1) { out.append(block(startBlock + UInt32(n))) }
        return out
    }

    /// The first block: watch list, parameters, registrations, pools, sessions, starts.
    public func setup() -> [Observation] {
        let b = startBlock
        var tokenomics = TokenomicParameters.genesisDefault
        tokenomics.heartbeatWindowBlocks = windowBlocks
        var out: [Observation] = [
            .watchListChanged(keys), .connectionChanged(.connected(endpoint: "scripted")),
            .tokenomicsChanged(tokenomics), .coolDownPeriodChanged(seconds: 604_800),
            .onlineWorkersChanged(UInt32(max(20, workerCount))), .expectedHeartbeatCountChanged(20),
            .blockObserved(number: b, hash: nil, timestampMs: Self.timestampMs(b)),
            .gasBalanceChanged(account: Self.owner, freePlanck: 1_500_000_000_000),
        ]
        for (pi, poolID) in pids.enumerated() {
            let members = (0..<workerCount).filter { self.pid(of: $0) == poolID }.map(Self.workerKey)
            let total = UInt128(members.count) * 6_000 * PHA.planckPerPHA + UInt128(pi) * 1_000 * PHA.planckPerPHA
            let queue = pi == 1
                ? [WithdrawInfo(user: Self.owner, startTimeSec: Self.timestampMs(b) / 1000 - 5 * 86_400, nftId: 1,
                                shares: 2_000 * PHA.planckPerPHA)] : []
            let pool = StakePool(basepool: BasePool(pid: poolID, owner: Self.owner, totalShares: total, totalValue: total,
                                                    withdrawQueue: queue,
                                                    poolAccountId: AccountID(raw: Key32(w0: 0xb0b0, w1: 0, w2: 0, w3: poolID))),
                                 workers: members, freeStakePlanck: UInt128(pi + 1) * 7_000 * PHA.planckPerPHA)
            out.append(.poolChanged(pid: poolID, pool: pool, block: b))
        }
        for i in 0..<workerCount {
            let key = Self.workerKey(i)
            if i == Self.unregisteredIndex {
                out.append(.workerInfoChanged(worker: key, info: nil, block: b))
                continue
            }
            let score: UInt32? = i == Self.benchmarkPendingIndex ? nil : UInt32(2_000 + (i * 37) % 1_500)
            out.append(.workerInfoChanged(worker: key, info: WorkerInfo(
                pubkey: key, runtimeVersion: 14, lastUpdatedSec: Self.timestampMs(b) / 1000 - UInt64(3_600 * (i % 48 + 1)),
                operator_: Self.owner, attestationProvider: i % 4 == 0 ? .dcap : .ias, confidenceLevel: UInt8(1 + i % 3),
                initialScore: score), block: b))
            guard let pid = pid(of: i) else { continue }
            let session = DerivedAccounts.session(pid: pid, worker: key)
            out.append(.assignmentChanged(worker: key, pid: pid, block: b))
            out.append(.sessionChanged(session: session, info: SessionInfo(
                state: .ready, ve: .zero, v: .zero, benchmark: Benchmark(pInit: score ?? 0, pInstant: score ?? 0)), block: b))
            guard isComputing(i) else { continue }
            let ve = U64F64(integer: UInt64(4_000 + (i * 53) % 3_000))
            out.append(.workerStarted(session: session, initV: ve, initP: score ?? 0, block: b))
            out.append(.stakeChanged(session: session, stakePlanck: UInt128(3_000 + (i * 211) % 7_000) * PHA.planckPerPHA, block: b))
        }
        return out
    }

    /// Block `n` (after the setup block): its timestamp, the challenge, the
    /// heartbeats that land in it and the scripted state changes.
    public func block(_ n: UInt32) -> [Observation] {
        var out: [Observation] = [.blockObserved(number: n, hash: nil, timestampMs: Self.timestampMs(n))]
        let rel = Int(n) - Int(startBlock)
        // The flaky worker is challenged alone at every ...90 block and answers 15 blocks late.
        if has(Self.flakyIndex), n % 100 == 90 {
            out.append(.challengeIssued(HeartbeatChallenge(block: n, seed: hashes[Self.flakyIndex] ^ UInt256(1), onlineTarget: UInt256(1))))
        } else {
            out.append(.challengeIssued(challenge(n)))
        }
        if has(Self.flakyIndex), n % 100 == 5, n > startBlock + 15 {
            out.append(.heartbeatLanded(HeartbeatReport(worker: Self.workerKey(Self.flakyIndex), challengeBlock: n - 15, block: n)))
        }
        // Heartbeats for regular challenges, 1-4 blocks after them.
        for m in max(Int(startBlock) + 1, Int(n) - 4)..<Int(n) where UInt32(m) % 100 != 90 || !has(Self.flakyIndex) {
            let c = challenge(UInt32(m))
            for i in 0..<workerCount where isComputing(i) && answers(i, at: n) {
                guard latency(i, UInt32(m)) == Int(n) - m, c.isHit(workerHash: hashes[i]) else { continue }
                out.append(.heartbeatLanded(HeartbeatReport(worker: Self.workerKey(i), challengeBlock: UInt32(m), block: n)))
            }
        }
        // Scripted state changes.
        func session(_ i: Int) -> AccountID? { pid(of: i).map { DerivedAccounts.session(pid: $0, worker: Self.workerKey(i)) } }
        if rel == 100, has(Self.coolingIndex), let s = session(Self.coolingIndex) {
            out.append(.workerStopped(session: s, block: n))
        }
        if rel == 200, has(Self.recoveredIndex), let s = session(Self.recoveredIndex) {
            out.append(.workerEnteredUnresponsive(session: s, block: n))
        }
        if rel == 230, has(Self.recoveredIndex), let s = session(Self.recoveredIndex) {
            out.append(.workerExitedUnresponsive(session: s, block: n))
        }
        if rel == 250, has(Self.unresponsiveIndex), let s = session(Self.unresponsiveIndex) {
            out.append(.workerEnteredUnresponsive(session: s, block: n))
        }
        return out
    }

    /// Whether worker `i` answers challenges at block `n`.
    func answers(_ i: Int, at n: UInt32) -> Bool {
        let rel = Int(n) - Int(startBlock)
        if i == Self.coolingIndex && rel >= 100 { return false }
        if i == Self.recoveredIndex && (190..<230).contains(rel) { return false }
        if i == Self.unresponsiveIndex && rel >= 230 { return false }
        if i == Self.flakyIndex { return false }  // answers only its own late challenges
        return true
    }

    /// The regular challenge of block `n`: a seed from the block number and
    /// the Khala-like target for this many workers (one hit per ~150 blocks).
    func challenge(_ n: UInt32) -> HeartbeatChallenge {
        var x = UInt64(n) &* 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let seed = UInt256(l0: next(), l1: next(), l2: next(), l3: next())
        return HeartbeatChallenge(block: n, seed: seed,
                                  onlineTarget: PowTarget.target(numTx: 20, onlineWorkers: UInt32(max(20, workerCount))))
    }

    func latency(_ i: Int, _ m: UInt32) -> Int { 1 + Int((UInt64(i) &* 31 &+ UInt64(m) &* 17) % 4) }
}
