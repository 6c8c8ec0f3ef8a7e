/// One block's `SystemEvent::HeartbeatChallenge {seed, online_target}` (§3,
/// §4.1), pushed by the pallet in `on_finalize` unless heartbeats are paused.
///
/// A worker must answer it iff `U256_BE(blake2_256(pubkey)) XOR seed ≤
/// online_target` (§4.2). The worker side of the XOR is cached per worker
/// (`WorkerKey.challengeHash`), so testing a fleet is one XOR and compare each.
public struct HeartbeatChallenge: Hashable, Sendable {
    /// The block whose `on_finalize` issued the challenge (`challenge_block`).
    public var block: UInt32
    public var seed: UInt256
    public var onlineTarget: UInt256

    public init(block: UInt32, seed: UInt256, onlineTarget: UInt256) {
        self.block = block
        self.seed = seed
        self.onlineTarget = onlineTarget
    }

    /// The hit test for a worker whose `blake2_256(pubkey)` (big-endian) is `workerHash`.
    @inline(__always)
    public func isHit(workerHash: UInt256) -> Bool {
        (workerHash ^ seed) <= onlineTarget
    }

    /// The hit test from the public key (hashes it; prefer the cached form).
    public func isHit(_ worker: WorkerKey) -> Bool {
        isHit(workerHash: worker.challengeHash)
    }
}
