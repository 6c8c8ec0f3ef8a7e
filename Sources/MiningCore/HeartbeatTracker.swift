/// One worker's heartbeat bookkeeping, as the gatekeeper keeps it (§4.3):
/// a FIFO of challenge blocks the worker owes, answered in order when its
/// heartbeat lands on chain, plus a bounded history of heartbeat blocks and
/// response latencies for the interval statistics.
///
/// Pure value; every method takes the block numbers it needs. Heartbeats
/// arriving out of order within a block, or twice for the same block (the
/// `sync_offchain_message` and its `BenchmarkUpdated` event), are merged.
public struct HeartbeatTracker: Hashable, Sendable {
    /// One answered challenge.
    public struct Answer: Hashable, Sendable {
        public var challengeBlock: UInt32
        public var landedBlock: UInt32
        /// Blocks between the challenge and the heartbeat's inclusion.
        public var latencyBlocks: Int { Int(landedBlock) - Int(challengeBlock) }
    }

    /// Challenge blocks still owed, oldest first.
    public private(set) var pending: [UInt32] = []
    /// Most recent heartbeat blocks, ascending, unique, at most `window + 1`.
    public private(set) var heartbeatBlocks: [UInt32] = []
    /// Most recent answers in answer order, at most `window`.
    public private(set) var answers: [Answer] = []
    /// The newest challenge answered (to merge duplicate reports).
    public private(set) var lastAnsweredChallenge: UInt32?
    public private(set) var challengeCount = 0
    public private(set) var heartbeatCount = 0
    /// Size of the statistics window (intervals and latencies).
    public let window: Int

    /// `window` is clamped to 1...10,000.
    public init(window: Int = 32) { self.window = Swift.min(10_000, Swift.max(1, window)) }

    public var oldestPending: UInt32? { pending.first }
    public var lastHeartbeatBlock: UInt32? { heartbeatBlocks.last }

    /// The worker was hit by the challenge of `block` (§4.2). Idempotent.
    mutating func challenged(at block: UInt32) {
        if let answered = lastAnsweredChallenge, block <= answered { return }
        guard !pending.contains(block) else { return }
        let index = pending.firstIndex(where: { $0 > block }) ?? pending.count
        pending.insert(block, at: index)
        challengeCount += 1
    }

    /// Undo `challenged(at:)` when a same-block state change shows the worker
    /// was not eligible at the end of that block (stopped, paused).
    mutating func retractChallenge(at block: UInt32) {
        guard let i = pending.firstIndex(of: block) else { return }
        pending.remove(at: i)
        challengeCount -= 1
    }

    /// A heartbeat for `challengeBlock` was included in `block`. It answers
    /// that challenge and every older one still pending (the GK accepts
    /// answers only in FIFO order, so older ones were answered too, §4.3).
    /// With `challengeBlock == nil` (only `BenchmarkUpdated` seen) the oldest
    /// pending challenge issued before `block` is taken as answered.
    mutating func heartbeatLanded(at block: UInt32, challengeBlock: UInt32?) {
        recordHeartbeatBlock(block)
        let answered: UInt32?
        if let c = challengeBlock {
            answered = c < block ? c : nil
        } else if answers.last?.landedBlock == block {
            answered = nil  // this block's heartbeat was already matched by its message
        } else {
            answered = pending.first(where: { $0 < block })
        }
        guard let c = answered else { return }
        if let last = lastAnsweredChallenge, c <= last { return }
        // Older owed challenges were answered by this block at the latest;
        // recording them here makes the result independent of which of
        // several same-block heartbeats arrives first.
        for older in pending where older < c {
            answers.append(Answer(challengeBlock: older, landedBlock: block))
        }
        pending.removeAll(where: { $0 <= c })
        lastAnsweredChallenge = c
        answers.append(Answer(challengeBlock: c, landedBlock: block))
        if answers.count > window { answers.removeFirst(answers.count - window) }
    }

    /// The oldest pending challenge issued before `block` was answered
    /// without us seeing the heartbeat (the chain reports the worker
    /// recovered at `block`, §4.3). Recorded as answered in `block`, an
    /// upper bound of its latency.
    mutating func assumeOldestAnswered(before block: UInt32) {
        guard let c = pending.first, c < block else { return }
        if let last = lastAnsweredChallenge, c <= last { return }
        pending.removeFirst()
        lastAnsweredChallenge = c
        answers.append(Answer(challengeBlock: c, landedBlock: block))
        if answers.count > window { answers.removeFirst(answers.count - window) }
    }

    private mutating func recordHeartbeatBlock(_ block: UInt32) {
        let index = heartbeatBlocks.firstIndex(where: { $0 >= block }) ?? heartbeatBlocks.count
        if index < heartbeatBlocks.count, heartbeatBlocks[index] == block { return }
        heartbeatBlocks.insert(block, at: index)
        heartbeatCount += 1
        if heartbeatBlocks.count > window + 1 { heartbeatBlocks.removeFirst(heartbeatBlocks.count - window - 1) }
    }

    /// Blocks between consecutive heartbeats in the window.
    public var intervalStats: IntervalStats {
        guard heartbeatBlocks.count > 1 else { return .empty }
        var gaps: [Int] = []
        gaps.reserveCapacity(heartbeatBlocks.count - 1)
        for i in 1..<heartbeatBlocks.count { gaps.append(Int(heartbeatBlocks[i]) - Int(heartbeatBlocks[i - 1])) }
        return IntervalStats(gaps)
    }

    /// Response latencies (challenge → inclusion) in the window.
    public var latencyStats: IntervalStats {
        IntervalStats(answers.map(\.latencyBlocks))
    }

    /// Blocks the oldest owed challenge has waited at `currentBlock` (0 if none).
    public func oldestPendingAge(at currentBlock: UInt32) -> Int {
        guard let oldest = pending.first else { return 0 }
        return Swift.max(0, Int(currentBlock) - Int(oldest))
    }
}
