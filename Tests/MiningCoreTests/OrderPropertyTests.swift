import Testing
@testable import MiningCore

/// Issue 4 "Must show": intervals and risk never go negative or backwards in
/// time, whatever the order of observations within a block; and the state
/// at the end of each block does not depend on that order.
@Suite struct OrderPropertyTests {
    struct Monotone {
        var currentBlock: UInt32 = 0
        var lastHeartbeat: [WorkerKey: UInt32] = [:]
        var heartbeatCount: [WorkerKey: Int] = [:]
        var unresponsiveBlocks: [AccountID: Int] = [:]
    }

    /// Checks one fleet state against the invariants and the previous one.
    func check(_ fleet: Fleet, _ seen: inout Monotone, context: String) {
        let block = fleet.currentBlock ?? 0
        #expect(block >= seen.currentBlock, "current block went back: \(context)")
        seen.currentBlock = block
        for s in fleet.statuses() {
            let h = s.heartbeat
            for stats in [h.intervals, h.latencies] {
                #expect((stats.last ?? 0) >= 0 && (stats.max ?? 0) >= 0 && (stats.p95 ?? 0) >= 0, "\(context)")
                #expect((stats.mean ?? 0) >= 0, "\(context)")
                if let p95 = stats.p95, let max = stats.max { #expect(p95 <= max, "\(context)") }
            }
            #expect(h.intervals.last.map { $0 > 0 } ?? true, "zero interval: \(context)")
            #expect(h.oldestPendingAgeBlocks >= 0 && (h.blocksSinceLastHeartbeat ?? 0) >= 0, "\(context)")
            #expect(h.pendingChallenges == h.pendingChallenges.sorted(), "pending out of order: \(context)")
            if let last = h.lastHeartbeatBlock {
                #expect(last >= seen.lastHeartbeat[s.key] ?? 0, "last heartbeat went back: \(context)")
                seen.lastHeartbeat[s.key] = last
            }
            #expect(h.heartbeatCount >= seen.heartbeatCount[s.key] ?? 0, "\(context)")
            seen.heartbeatCount[s.key] = h.heartbeatCount
            if let p = s.penalty {
                #expect(p.currentSpellBlocks >= 0 && p.totalUnresponsiveBlocks >= p.currentSpellBlocks, "\(context)")
                #expect(p.vAfterOneHour <= p.v, "\(context)")
            }
            if let cd = s.coolDown { #expect(cd.remainingSec <= cd.periodSec, "\(context)") }
        }
        for (session, record) in fleet.sessions {
            let total = record.unresponsiveBlocks(at: block)
            #expect(total >= 0 && total >= seen.unresponsiveBlocks[session] ?? 0, "unresponsive time went back: \(context)")
            seen.unresponsiveBlocks[session] = total
        }
    }

    /// The first differing worker and its differing fields, compactly.
    func firstDifference(_ a: [WorkerStatus], _ b: [WorkerStatus]) -> String? {
        guard a != b else { return nil }
        guard a.count == b.count else { return "counts \(a.count) vs \(b.count)" }
        for (x, y) in zip(a.sorted { $0.key < $1.key }, b.sorted { $0.key < $1.key }) where x != y {
            var fields: [String] = []
            for (cx, cy) in zip(Mirror(reflecting: x).children, Mirror(reflecting: y).children) {
                let sx = String(describing: cx.value), sy = String(describing: cy.value)
                if sx != sy {
                    let common = zip(sx, sy).prefix(while: { $0 == $1 }).count
                    let from = max(0, common - 60)
                    fields.append("\(cx.label ?? "?"): …\(sx.dropFirst(from).prefix(160)) vs …\(sy.dropFirst(from).prefix(160))")
                }
            }
            return "worker \(x.key.hex.suffix(4)) / \(y.key.hex.suffix(4)): " + fields.joined(separator: "; ")
        }
        return "order"
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func shuffledBlocksGiveTheSameStatusesAndNeverGoBack(seed: UInt64) {
        var sim = ChainSimulator(seed: seed, workerCount: 8)
        let genesis = sim.genesis()
        var blocks: [[Observation]] = []
        for n in UInt32(1)...240 { blocks.append(sim.step(n)) }

        var ordered = Fleet().apply(genesis)
        var shuffled = [ordered, ordered]
        var rngs = [SplitMix64(seed: seed &* 1000 &+ 1), SplitMix64(seed: seed &* 1000 &+ 2)]
        var seenOrdered = Monotone()
        var seenShuffled = [Monotone(), Monotone()]
        var levelsSeen = Set<RiskLevel>()
        for (index, observations) in blocks.enumerated() {
            let n = index + 1
            ordered.applyInPlace(contentsOf: observations)
            check(ordered, &seenOrdered, context: "ordered block \(n)")
            for k in shuffled.indices {
                for o in observations.shuffled(using: &rngs[k]) {
                    shuffled[k].applyInPlace(o)
                    // Invariants after every single observation (one shuffle is enough).
                    if k == 0 { check(shuffled[k], &seenShuffled[k], context: "shuffle \(k) block \(n)") }
                }
                let diff = firstDifference(shuffled[k].statuses(), ordered.statuses())
                #expect(diff == nil, "statuses differ after block \(n), shuffle \(k): \(diff ?? "")")
                #expect(shuffled[k].poolStatuses() == ordered.poolStatuses(), "pools differ after block \(n)")
            }
            for s in ordered.statuses() { levelsSeen.insert(s.risk.level) }
        }
        // The script really exercised the machinery.
        #expect(levelsSeen.isSuperset(of: [.none, .watch, .losing, .stopped]), "levels seen: \(levelsSeen)")
        let totalHeartbeats = ordered.statuses().map(\.heartbeat.heartbeatCount).reduce(0, +)
        #expect(totalHeartbeats > 50)
    }
}
