/// A key that says which shard it lives in (its well-mixed low bits).
public protocol ShardedKey: Hashable, Sendable {
    var shardBits: UInt64 { get }
}

extension WorkerKey: ShardedKey {
    /// Public keys are uniformly random; the last word spreads them well.
    public var shardBits: UInt64 { raw.w3 ^ raw.w2 }
}

extension AccountID: ShardedKey {
    /// Session accounts are "spm/" + hash bytes: use the hash words.
    public var shardBits: UInt64 { raw.w3 ^ raw.w2 }
}
