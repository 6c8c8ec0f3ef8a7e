import Foundation
import MiningCore

/// Benchmarks of the Core area (issue 4): applying one realistic block of
/// observations to a fleet of 10,000 watched workers, and the challenge hit
/// test for 10,000 workers.
func coreBenchmarks() throws -> [BenchRow] {
    let workerCount = 10_000
    let setup = CoreBenchFleet(workerCount: workerCount, blocks: 300)
    var rows: [BenchRow] = []

    // One block applied in place (the engine owns the only copy).
    var fleet = setup.initial
    var perBlock: [UInt64] = []
    for block in setup.blocks {
        let t0 = nowNanos()
        fleet.applyInPlace(contentsOf: block)
        perBlock.append(nowNanos() - t0)
    }
    blackHole(fleet)
    rows.append(BenchRow(section: "core", name: "apply 1 block, 10k workers (in place)",
                         value: "\(fmt(median(perBlock) / 1e3, 1)) µs",
                         note: "median of \(setup.blocks.count) blocks; ~\(setup.meanObservations) observations/block "
                             + "(challenge, ~\(setup.meanHits) hits, heartbeats, state changes)"))

    // The same through the pure `apply(_:) -> Fleet` (one copy-on-write per block).
    var pureFleet = setup.initial
    var pureBlock: [UInt64] = []
    for block in setup.blocks {
        let t0 = nowNanos()
        pureFleet = pureFleet.apply(block)
        pureBlock.append(nowNanos() - t0)
    }
    blackHole(pureFleet)
    rows.append(BenchRow(section: "core", name: "apply 1 block, 10k workers (pure apply)",
                         value: "\(fmt(median(pureBlock) / 1e3, 1)) µs",
                         note: "fleet = fleet.apply(block): includes copying the 10k-record fleet"))

    // The hit test alone: cached hashes, XOR and compare.
    let challenge = HeartbeatChallenge(block: 1, seed: setup.seeds[0], onlineTarget: setup.target)
    let hashes = setup.hashes
    var hits = 0
    let rawNanos = medianNanos(runs: 201) {
        var n = 0
        for h in hashes where challenge.isHit(workerHash: h) { n += 1 }
        hits = n
        blackHole(n)
    }
    rows.append(BenchRow(section: "core", name: "hit test, 10k workers (array)",
                         value: "\(fmt(rawNanos / 1e3, 1)) µs", note: "\(hits) hits at p = 1/150, median of 201"))

    var hitFleet = setup.initial
    var hitTimes: [UInt64] = []
    for (i, seed) in setup.seeds.enumerated() {
        let c = HeartbeatChallenge(block: UInt32(100_000 + i), seed: seed, onlineTarget: setup.target)
        let t0 = nowNanos()
        hitFleet.applyInPlace(.challengeIssued(c))
        hitTimes.append(nowNanos() - t0)
    }
    rows.append(BenchRow(section: "core", name: "challengeIssued, 10k workers (fleet)",
                         value: "\(fmt(median(hitTimes) / 1e3, 1)) µs",
                         note: "hit test over the fleet's challengeable set + queueing the hits"))

    // What the UI pays for a full table of statuses.
    let statusNanos = medianNanos(runs: 5) { blackHole(fleet.statuses()) }
    rows.append(BenchRow(section: "core", name: "statuses(), 10k workers",
                         value: "\(fmt(statusNanos / 1e6, 1)) ms", note: "every WorkerStatus, sorted by risk; median of 5"))
    return rows
}

private func median(_ xs: [UInt64]) -> Double {
    let s = xs.sorted()
    return s.isEmpty ? 0 : Double(s[s.count / 2])
}

/// A computing fleet of `workerCount` workers and `blocks` precomputed
/// blocks of observations: a challenge at p = 1/150 (pow_target(20, 20)),
/// every hit answered 2-9 blocks later (heartbeat + BenchmarkUpdated), a
/// few unresponsive spells and stake updates.
private struct CoreBenchFleet {
    var initial: Fleet
    var blocks: [[Observation]] = []
    var seeds: [UInt256] = []
    var hashes: [UInt256]
    let target = PowTarget.target(numTx: 20, onlineWorkers: 20)
    var meanObservations = 0
    var meanHits = 0

    init(workerCount: Int, blocks blockCount: Int) {
        var rng = CoreBenchRandom(seed: 0xC0DE)
        let keys = (0..<workerCount).map { i in
            WorkerKey(raw: Key32(w0: rng.next(), w1: rng.next(), w2: rng.next(), w3: UInt64(i)))
        }
        hashes = keys.map(\.challengeHash)
        let owner = AccountID(raw: Key32(w0: 1, w1: 2, w2: 3, w3: 4))
        var f = Fleet()
        f.applyInPlace(.watchListChanged(keys))
        var setup: [Observation] = [
            .tokenomicsChanged(TokenomicParameters.genesisDefault), .onlineWorkersChanged(UInt32(workerCount)),
            .blockObserved(number: 1, hash: nil, timestampMs: 1_700_000_000_000),
        ]
        var sessions: [AccountID] = []
        for (i, key) in keys.enumerated() {
            let pid = UInt64(i / 200)
            let session = DerivedAccounts.session(pid: pid, worker: key)
            sessions.append(session)
            setup.append(.assignmentChanged(worker: key, pid: pid, block: 1))
            setup.append(.sessionChanged(session: session, info: SessionInfo(
                state: .workerIdle, ve: U64F64(integer: 5_000), v: U64F64(integer: 5_000),
                benchmark: Benchmark(pInit: 2_000, pInstant: 2_000)), block: 1))
            setup.append(.stakeChanged(session: session, stakePlanck: 5_000 * PHA.planckPerPHA, block: 1))
        }
        f.applyInPlace(contentsOf: setup)
        _ = owner
        initial = f

        // Generate the blocks by running them once (hits come from the fleet itself).
        var answers: [UInt32: [(WorkerKey, UInt32)]] = [:]
        var totalObs = 0, totalHits = 0
        var sim = f
        for b in 0..<blockCount {
            let n = UInt32(2 + b)
            var obs: [Observation] = [.blockObserved(number: n, hash: nil, timestampMs: 1_700_000_000_000 + UInt64(n) * 12_000)]
            for (key, c) in answers.removeValue(forKey: n) ?? [] {
                obs.append(.heartbeatLanded(HeartbeatReport(worker: key, challengeBlock: c, block: n)))
                obs.append(.benchmarkUpdated(session: sessions[Int(key.raw.w3)], pInstant: 2_000, block: n))
            }
            // A few state changes: one worker enters, another leaves unresponsive, a stake update.
            let a = Int(rng.next() % UInt64(workerCount)), c = Int(rng.next() % UInt64(workerCount))
            obs.append(.workerEnteredUnresponsive(session: sessions[a], block: n))
            obs.append(.workerExitedUnresponsive(session: sessions[c], block: n))
            obs.append(.stakeChanged(session: sessions[c], stakePlanck: 5_001 * PHA.planckPerPHA, block: n))
            let seed = UInt256(l0: rng.next(), l1: rng.next(), l2: rng.next(), l3: rng.next())
            seeds.append(seed)
            let challenge = HeartbeatChallenge(block: n, seed: seed, onlineTarget: target)
            obs.append(.challengeIssued(challenge))
            sim.applyInPlace(contentsOf: obs)
            for key in sim.workersHit(by: challenge) {
                answers[n + 2 + UInt32(rng.next() % 8), default: []].append((key, n))
                totalHits += 1
            }
            totalObs += obs.count
            blocks.append(obs)
        }
        meanObservations = totalObs / max(1, blockCount)
        meanHits = totalHits / max(1, blockCount)
    }
}

private struct CoreBenchRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
