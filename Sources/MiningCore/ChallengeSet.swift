/// The watched workers that answer challenges now (state WorkerIdle), with
/// their cached `blake2_256(pubkey)`: the set every block's challenge is
/// tested against (§4.2).
///
/// Updates go to a sharded map (cheap copies of the fleet); the hit test
/// walks a flat list rebuilt after a change. Walking 1,000 entries through
/// the dictionaries cost ~30 ns each, 3% of the engine's CPU per followed
/// block (issue 6); the list takes a few.
struct ChallengeSet: Hashable, Sendable {
    private var byKey = ShardedMap<WorkerKey, UInt256>(shardCountLog2: 6)
    private var list: [(key: WorkerKey, hash: UInt256)] = []
    private var listIsStale = false

    subscript(key: WorkerKey) -> UInt256? {
        get { byKey[key] }
        set { Self.assign(&byKey[key], newValue, &listIsStale) }  // one lookup
    }

    private static func assign(_ slot: inout UInt256?, _ value: UInt256?, _ stale: inout Bool) {
        guard slot != value else { return }
        slot = value
        stale = true
    }

    /// The workers `challenge` hits, in no particular order.
    mutating func hits(_ challenge: HeartbeatChallenge) -> [WorkerKey] {
        if listIsStale {
            list.removeAll(keepingCapacity: true)
            byKey.forEachEntry { list.append(($0, $1)) }
            listIsStale = false
        }
        var out: [WorkerKey] = []
        for e in list where challenge.isHit(workerHash: e.hash) { out.append(e.key) }
        return out
    }

    /// Equal when they hold the same workers (the list is a cache).
    static func == (a: ChallengeSet, b: ChallengeSet) -> Bool { a.byKey == b.byKey }

    func hash(into hasher: inout Hasher) { hasher.combine(byKey) }

    /// The same without refreshing the list (for a fleet that is not mutated).
    func currentHits(_ challenge: HeartbeatChallenge) -> [WorkerKey] {
        var out: [WorkerKey] = []
        byKey.forEachEntry { key, hash in if challenge.isHit(workerHash: hash) { out.append(key) } }
        return out
    }
}
