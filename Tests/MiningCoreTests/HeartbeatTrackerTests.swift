import Testing
@testable import MiningCore

/// §4.3 FIFO bookkeeping of one worker, including the duplicate and
/// partial reports a dashboard sees.
@Suite struct HeartbeatTrackerTests {
    @Test func fifoAnswersAndLatencies() {
        var t = HeartbeatTracker(window: 4)
        t.challenged(at: 10)
        t.challenged(at: 12)
        t.challenged(at: 12)  // idempotent
        #expect(t.pending == [10, 12] && t.challengeCount == 2)
        #expect(t.oldestPendingAge(at: 15) == 5 && t.oldestPendingAge(at: 9) == 0)
        t.heartbeatLanded(at: 14, challengeBlock: 10)
        #expect(t.pending == [12] && t.latencyStats.last == 4)
        // The message and its BenchmarkUpdated in one block count once.
        t.heartbeatLanded(at: 14, challengeBlock: nil)
        #expect(t.pending == [12] && t.heartbeatCount == 1)
        t.heartbeatLanded(at: 20, challengeBlock: nil)  // BenchmarkUpdated alone answers the oldest
        #expect(t.pending.isEmpty && t.latencyStats.last == 8 && t.heartbeatCount == 2)
        #expect(t.intervalStats == IntervalStats([6]))
    }

    @Test func answeringANewerChallengeAnswersTheOlderOnes() {
        var t = HeartbeatTracker()
        for c: UInt32 in [5, 7, 9] { t.challenged(at: c) }
        t.heartbeatLanded(at: 11, challengeBlock: 7)
        #expect(t.pending == [9])
        #expect(t.answers.map(\.challengeBlock) == [5, 7] && t.answers.map(\.latencyBlocks) == [6, 4])
        // A late duplicate for 5 changes nothing.
        t.heartbeatLanded(at: 11, challengeBlock: 5)
        #expect(t.answers.count == 2)
        // A challenge older than the newest answer cannot be owed any more.
        t.challenged(at: 6)
        #expect(t.pending == [9])
    }

    @Test func impossibleReportsAreIgnoredNotTrapped() {
        var t = HeartbeatTracker()
        t.challenged(at: 50)
        t.heartbeatLanded(at: 40, challengeBlock: 50)  // lands before its challenge: no latency
        #expect(t.pending == [50] && t.answers.isEmpty && t.lastHeartbeatBlock == 40)
        t.heartbeatLanded(at: 30, challengeBlock: nil)  // an older block arriving late
        #expect(t.heartbeatBlocks == [30, 40] && t.lastHeartbeatBlock == 40)
        t.retractChallenge(at: 99)
        #expect(t.challengeCount == 1)
    }

    @Test func windowBoundsHistory() {
        var t = HeartbeatTracker(window: 3)
        for i: UInt32 in 1...10 {
            t.challenged(at: i * 10)
            t.heartbeatLanded(at: i * 10 + UInt32(i), challengeBlock: i * 10)
        }
        #expect(t.answers.count == 3 && t.heartbeatBlocks.count == 4)
        #expect(t.latencyStats == IntervalStats([8, 9, 10]))
        #expect(t.latencyStats.p95 == 10 && t.latencyStats.mean == 9)
        #expect(HeartbeatTracker(window: 0).window == 1 && HeartbeatTracker(window: .max).window == 10_000)
    }

    @Test func percentileIsNearestRank() {
        let stats = IntervalStats(Array(1...100))
        #expect(stats.p95 == 95 && stats.max == 100 && stats.last == 100 && stats.mean == 50.5)
        #expect(IntervalStats([7]).p95 == 7)
        #expect(IntervalStats([]) == .empty)
    }

    @Test func assumedAnswerOnRecovery() {
        var t = HeartbeatTracker()
        t.challenged(at: 100)
        t.challenged(at: 130)
        t.assumeOldestAnswered(before: 100)  // not before the recovery block: kept
        #expect(t.pending == [100, 130])
        t.assumeOldestAnswered(before: 140)
        #expect(t.pending == [130] && t.answers.last?.latencyBlocks == 40)
    }
}
