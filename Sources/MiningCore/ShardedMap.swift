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

extension ShardedMap: Equatable where Value: Equatable {}
extension ShardedMap: Hashable where Value: Hashable {}
extension ShardedMap: Sendable where Value: Sendable {}
