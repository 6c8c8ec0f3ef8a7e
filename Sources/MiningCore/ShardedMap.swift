/// A dictionary split into many small dictionaries by key bits.
///
/// Why: `Fleet.apply(_:) -> Fleet` returns a new value. With one dictionary
/// of 10,000 records, the first write after the copy duplicates all of
/// them (milliseconds per block). Sharded, a copy duplicates only the outer
/// array, and each write copies just its own shard of a few records, so the
/// pure API stays in the microseconds (issue 4 performance target).
public struct ShardedMap<Key: ShardedKey, Value>: Sequence {
    private var shards: [[Key: Value]]
    private let mask: Int

    /// `shardCountLog2` = 11 gives 2,048 shards (~5 records each for a
    /// 10,000-worker fleet): cheap copies of large records. Fewer, larger
    /// shards iterate faster; the challenge set uses 64.
    public init(shardCountLog2: Int = 11) {
        let count = 1 << Swift.max(0, Swift.min(16, shardCountLog2))
        shards = Array(repeating: [:], count: count)
        mask = count - 1
    }

    @inline(__always)
    private func shard(of key: Key) -> Int { Int(truncatingIfNeeded: key.shardBits) & mask }

    public subscript(key: Key) -> Value? {
        get { shards[shard(of: key)][key] }
        _modify { yield &shards[shard(of: key)][key] }
    }

    public subscript(key: Key, default defaultValue: @autoclosure () -> Value) -> Value {
        get { shards[shard(of: key)][key] ?? defaultValue() }
        _modify { yield &shards[shard(of: key)][key, default: defaultValue()] }
    }

    /// Number of entries (sums the shards).
    public var count: Int { shards.reduce(0) { $0 + $1.count } }
    public var isEmpty: Bool { shards.allSatisfy(\.isEmpty) }
    public var keys: [Key] { shards.flatMap(\.keys) }

    /// Whether `key` has a value (without copying the value out).
    public func contains(_ key: Key) -> Bool { shards[shard(of: key)].index(forKey: key) != nil }
    public var values: [Value] { shards.flatMap(\.values) }

    /// Visits every entry; faster than the flattened iterator in hot loops.
    @inline(__always)
    public func forEachEntry(_ body: (Key, Value) throws -> Void) rethrows {
        for shard in shards where !shard.isEmpty {
            for (key, value) in shard { try body(key, value) }
        }
    }

    public func makeIterator() -> FlattenSequence<[[Key: Value]]>.Iterator {
        shards.joined().makeIterator()
    }
}

extension ShardedMap where Value: Equatable {
    /// Keys added, removed or changed since `old` (an earlier value of this
    /// map). A shard no write touched still shares its storage with `old`
    /// and compares in O(1), so the cost follows the shards written, not the
    /// entries held (`FleetStatusCache`, issue 7).
    func changedKeys(since old: ShardedMap) -> [Key] {
        guard old.shards.count == shards.count else {
            return Array(Set(keys).union(old.keys).filter { self[$0] != old[$0] })
        }
        var out: [Key] = []
        for i in shards.indices {
            let new = shards[i], previous = old.shards[i]
            if new == previous { continue }
            for (key, value) in new where previous[key] != value { out.append(key) }
            for key in previous.keys where new[key] == nil { out.append(key) }
        }
        return out
    }
}

extension ShardedMap: Equatable where Value: Equatable {}
extension ShardedMap: Hashable where Value: Hashable {}
extension ShardedMap: Sendable where Value: Sendable {}
