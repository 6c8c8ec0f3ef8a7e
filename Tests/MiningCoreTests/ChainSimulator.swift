@testable import MiningCore

/// A small, seeded stand-in for the chain and its gatekeeper that emits the
/// observations ChainEngine would, block by block: workers start, get
/// challenged, answer after random delays (some never), become
/// unresponsive, recover, stop, cool down and are reclaimed. Used by the
/// property tests; at most one state change per worker per block.
struct ChainSimulator {
    struct SimWorker {
        var key: WorkerKey
        var session: AccountID
        var state: WorkerState = .ready
        var pending: [UInt32] = []
        /// Block at which each pending challenge will be answered (nil = never).
        var answerAt: [UInt32: UInt32?] = [:]
        var unresponsive = false
        var heartbeatSinceUnresponsive = false
        var coolDownStartSec: UInt64 = 0
        var flaky: Bool
    }

    var rng: SplitMix64
    var workers: [SimWorker]
    let pid: UInt64 = 3
    let owner = testAccount(77)
    let window: UInt32 = 10
    let coolDownSec: UInt64 = 600
    let target = UInt256.max >> 3  // 1 in 8 per block: plenty of challenges

    init(seed: UInt64, workerCount: Int) {
        rng = SplitMix64(seed: seed)
        var ws: [SimWorker] = []
        for i in 0..<workerCount {
            let key = testWorker(UInt64(1000 + i))
            ws.append(SimWorker(key: key, session: DerivedAccounts.session(pid: 3, worker: key), flaky: i % 3 == 0))
        }
        workers = ws
    }

    func sessionInfo(_ w: SimWorker) -> SessionInfo {
        SessionInfo(state: w.state, ve: U64F64(integer: 5_000), v: U64F64(integer: 5_000),
                    benchmark: Benchmark(pInit: 2_000, pInstant: 2_000), coolDownStartSec: w.coolDownStartSec)
    }

    /// Observations that set the fleet up before block 1.
    func genesis() -> [Observation] {
        var out: [Observation] = [
            .watchListChanged(workers.map(\.key)),
            .tokenomicsChanged(testTokenomics(window: window)),
            .coolDownPeriodChanged(seconds: coolDownSec),
            .onlineWorkersChanged(UInt32(workers.count)),
            .poolChanged(pid: pid, pool: StakePool(
                basepool: BasePool(pid: pid, owner: owner, totalShares: pha(1_000), totalValue: pha(1_000),
                                   withdrawQueue: [WithdrawInfo(user: testAccount(5), startTimeSec: blockTimeMs(0) / 1000,
                                                                nftId: 1, shares: pha(10))],
                                   poolAccountId: testAccount(78)),
                workers: workers.map(\.key), freeStakePlanck: pha(1)), block: 0),
            .gasBalanceChanged(account: owner, freePlanck: pha(1)),
        ]
        for w in workers {
            out.append(.workerInfoChanged(worker: w.key, info: WorkerInfo(
                pubkey: w.key, runtimeVersion: 1, lastUpdatedSec: 0, operator_: owner, attestationProvider: .dcap,
                confidenceLevel: 1, initialScore: 2_000), block: 0))
            out.append(.assignmentChanged(worker: w.key, pid: pid, block: 0))
            out.append(.sessionChanged(session: w.session, info: sessionInfo(w), block: 0))
        }
        return out
    }

    /// The observations of block `n`, in chain order.
    mutating func step(_ n: UInt32) -> [Observation] {
        var out: [Observation] = [.blockObserved(number: n, hash: nil, timestampMs: blockTimeMs(n))]
        let nowSec = blockTimeMs(n) / 1000
        for i in workers.indices {
            var w = workers[i]
            var changed = false
            // Heartbeats due this block (FIFO: only the head can be answered).
            while let head = w.pending.first, let due = w.answerAt[head] ?? nil, due <= n {
                w.pending.removeFirst()
                w.answerAt[head] = nil
                out.append(.heartbeatLanded(HeartbeatReport(worker: w.key, challengeBlock: head, block: n)))
                out.append(.benchmarkUpdated(session: w.session, pInstant: 1_900 + UInt32(rng.next() % 200), block: n))
                if w.unresponsive { w.heartbeatSinceUnresponsive = true }
            }
            let roll = rng.next() % 1000
            switch w.state {
            case .ready where roll < 40:
                w.state = .workerIdle
                changed = true
                out.append(.workerStarted(session: w.session, initV: U64F64(integer: 5_000), initP: 2_000, block: n))
                out.append(.stakeChanged(session: w.session, stakePlanck: pha(1_000 + UInt64(i)), block: n))
            case .workerIdle, .workerUnresponsive:
                if roll < 8 {
                    w.state = .workerCoolingDown
                    w.coolDownStartSec = nowSec
                    w.unresponsive = false
                    changed = true
                    out.append(.workerStopped(session: w.session, block: n))
                } else if w.state == .workerIdle, let oldest = w.pending.first, n - oldest > window + 2 {
                    w.state = .workerUnresponsive
                    w.unresponsive = true
                    w.heartbeatSinceUnresponsive = false
                    changed = true
                    out.append(.workerEnteredUnresponsive(session: w.session, block: n))
                } else if w.state == .workerUnresponsive, w.heartbeatSinceUnresponsive {
                    w.state = .workerIdle
                    w.unresponsive = false
                    changed = true
                    out.append(.workerExitedUnresponsive(session: w.session, block: n))
                }
            case .workerCoolingDown where nowSec - w.coolDownStartSec >= coolDownSec && roll < 200:
                w.state = .ready
                w.coolDownStartSec = 0
                w.pending.removeAll()
                changed = true
                out.append(.workerReclaimed(session: w.session, originalStakePlanck: pha(1_000), block: n))
                out.append(.stakeChanged(session: w.session, stakePlanck: nil, block: n))
            default:
                break
            }
            if changed { out.append(.sessionChanged(session: w.session, info: sessionInfo(w), block: n)) }
            workers[i] = w
        }
        // The challenge of this block, tested on the end-of-block state.
        let seed = UInt256(l0: rng.next(), l1: rng.next(), l2: rng.next(), l3: rng.next())
        let challenge = HeartbeatChallenge(block: n, seed: seed, onlineTarget: target)
        for i in workers.indices where workers[i].state == .workerIdle && challenge.isHit(workers[i].key) {
            workers[i].pending.append(n)
            let never = workers[i].flaky && rng.next() % 4 == 0
            workers[i].answerAt[n] = never ? nil : n + 1 + UInt32(rng.next() % 14)
        }
        // Stuck heads eventually get answered (a restarted relayer), so recoveries happen.
        for i in workers.indices {
            if let head = workers[i].pending.first, workers[i].answerAt[head] ?? nil == nil, n - head > 25 {
                workers[i].answerAt[head] = n + 1
            }
        }
        out.append(.challengeIssued(challenge))
        return out
    }
}
