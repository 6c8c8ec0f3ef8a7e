/// The heartbeat core of the fleet (§4.1-§4.3): run each block's challenge
/// against the watched workers that answer challenges, queue the hits, and
/// match landed heartbeats against the queue.
extension Fleet {
    /// Tests every challengeable watched worker against `challenge` (§4.2).
    /// Only the few hits touch their records.
    mutating func issue(_ challenge: HeartbeatChallenge) {
        if let last = lastChallenge, last.block > challenge.block { return }
        lastChallenge = challenge
        for key in challengeable.hits(challenge) {
            workers[key]?.heartbeat.challenged(at: challenge.block)
            workers[key]?.note(.challenged, at: challenge.block)
        }
    }

    /// The watched workers `challenge` hits among those that answer now:
    /// the dashboard's prediction of due heartbeats (§4.2).
    public func workersHit(by challenge: HeartbeatChallenge) -> [WorkerKey] {
        challengeable.currentHits(challenge).sorted()
    }

    /// A heartbeat of `worker` landed in `block` (§4.3).
    mutating func heartbeatLanded(worker: WorkerKey, challengeBlock: UInt32?, block: UInt32, pInstant: UInt32?) {
        guard workers.contains(worker) else { return }
        workers[worker]?.heartbeat.heartbeatLanded(at: block, challengeBlock: challengeBlock)
        if let pInstant { workers[worker]?.recordPInstant(pInstant, at: block) }
        workers[worker]?.note(.heartbeat(challengeBlock: challengeBlock), at: block)
    }

    /// Re-derives whether `worker` answers challenges (session state
    /// WorkerIdle) after a change observed in `block`. If that block's
    /// challenge was already applied, its outcome for this worker follows
    /// the state at the end of the block: a worker started in the block is
    /// tested, one stopped or paused in it is taken out (§4.2).
    mutating func refreshChallengeable(_ worker: WorkerKey, at block: UInt32) {
        guard let record = workers[worker] else { return }
        let eligible = record.session.flatMap { sessions[$0]?.state } == .workerIdle
        challengeable[worker] = eligible ? record.challengeHash : nil
        guard let challenge = lastChallenge, challenge.block == block else { return }
        if eligible, challenge.isHit(workerHash: record.challengeHash) {
            workers[worker]?.heartbeat.challenged(at: block)
            workers[worker]?.note(.challenged, at: block)
        } else if !eligible {
            workers[worker]?.heartbeat.retractChallenge(at: block)
        }
    }
}
