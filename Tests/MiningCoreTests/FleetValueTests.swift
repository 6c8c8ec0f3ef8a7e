import Testing
@testable import MiningCore

/// `Fleet` is a value: `apply` leaves the original untouched (also with the
/// sharded storage), and the watch list decides what is tracked.
@Suite struct FleetValueTests {
    let w = testWorker(3)
    var session: AccountID { DerivedAccounts.session(pid: 1, worker: w) }

    var computing: Fleet {
        Fleet().apply([.watchListChanged([w]), .onlineWorkersChanged(10_000),
                       .assignmentChanged(worker: w, pid: 1, block: 1),
                       .workerStarted(session: session, initV: U64F64(integer: 100), initP: 100, block: 1),
                       .blockObserved(number: 2, hash: nil, timestampMs: blockTimeMs(2))])
    }

    @Test func applyDoesNotChangeTheOriginal() throws {
        let before = computing
        let challenge = HeartbeatChallenge(block: 2, seed: hittingSeed(for: w), onlineTarget: testTarget)
        let after = before.apply(.challengeIssued(challenge))
        #expect(after.status(of: w)?.heartbeat.pendingChallenges == [2])
        #expect(before.status(of: w)?.heartbeat.pendingChallenges == [])
        #expect(before != after)
        #expect(before.workersHit(by: challenge) == [w])
        #expect(before.expectedChallengeIntervalBlocks.map { abs($0 - 500) < 0.1 } == true)
    }

    @Test func unwatchedWorkersAreForgotten() {
        let f = computing.apply(.watchListChanged([]))
        #expect(f.status(of: w) == nil && f.workers.isEmpty && f.sessionOwners.isEmpty)
        let challenge = HeartbeatChallenge(block: 3, seed: hittingSeed(for: w), onlineTarget: testTarget)
        #expect(f.workersHit(by: challenge).isEmpty)
        // Observations about it are ignored without trapping.
        let g = f.apply([.heartbeatLanded(HeartbeatReport(worker: w, challengeBlock: 1, block: 3)),
                         .benchmarkUpdated(session: session, pInstant: 1, block: 3),
                         .workerInfoChanged(worker: w, info: nil, block: 3)])
        #expect(g.status(of: w) == nil)
    }

    @Test func timeNeverGoesBack() {
        let f = computing.apply([.blockObserved(number: 50, hash: nil, timestampMs: blockTimeMs(50)),
                                 .blockObserved(number: 40, hash: nil, timestampMs: blockTimeMs(40))])
        #expect(f.currentBlock == 50 && f.currentTimestampMs == blockTimeMs(50))
        // An older session snapshot does not overwrite a newer state.
        let g = f.apply([.workerStopped(session: session, block: 45),
                         .sessionChanged(session: session, info: SessionInfo(state: .workerIdle, ve: .zero, v: .zero,
                                                                              benchmark: Benchmark(pInit: 1, pInstant: 1)), block: 44)])
        #expect(g.status(of: w)?.state == .workerCoolingDown)
        // The stop is dated from its own block's timestamp (extrapolated: block 45 was not observed).
        #expect(g.status(of: w)?.coolDown?.startSec == blockTimeMs(45) / 1000)
    }
}
