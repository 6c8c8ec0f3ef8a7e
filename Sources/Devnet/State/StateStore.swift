/// The devnet's storage: key → SCALE value bytes under the real storage keys,
/// with a journal of each block's changes so that reads at recent blocks see
/// the state as it was, and pruning beyond `keepBlocks` as a pruned node does
/// (issue 5: bounded memory over a day of blocks).
///
/// Reads at block `n` walk the journals of blocks after `n` (newest last) and
/// take the value a key had before the first of them changed it; keys nobody
/// touched since `n` read from the current map. No snapshot copies.
public struct StateStore: Sendable {
    /// The state at the head (after the last sealed block).
    public private(set) var current: [[UInt8]: [UInt8]] = [:]
    /// Changes of the block being built: key → value before the block (nil = absent).
    private var pending: [[UInt8]: [UInt8]?] = [:]
    /// Journals of sealed blocks, oldest first: (block number, key → value before that block).
    private var journals: [(number: UInt32, before: [[UInt8]: [UInt8]?])] = []
    /// How many past blocks stay queryable.
    public let keepBlocks: Int

    public init(keepBlocks: Int = 256) { self.keepBlocks = max(1, keepBlocks) }

    /// Number of block journals held (at most `keepBlocks`).
    public var journalCount: Int { journals.count }

    /// The oldest block whose state can still be read.
    public var oldestQueryable: UInt32? { journals.first.map { $0.number &- 1 } }

    public subscript(key: [UInt8]) -> [UInt8]? { current[key] }

    /// Sets (or with nil removes) a value in the block being built.
    public mutating func set(_ key: [UInt8], _ value: [UInt8]?) {
        if pending[key] == nil { pending[key] = .some(current[key]) }
        current[key] = value
    }

    /// Closes the block being built as block `number`; returns the keys it changed
    /// (for `state_subscribeStorage`) and drops journals beyond `keepBlocks`.
    @discardableResult
    public mutating func seal(number: UInt32) -> [[UInt8]] {
        let changed = pending.compactMap { key, before in current[key] == before ? nil : key }
        journals.append((number, pending))
        pending = [:]
        if journals.count > keepBlocks { journals.removeFirst(journals.count - keepBlocks) }
        return changed
    }

    /// The value of `key` after block `number` was sealed, or `StateError.pruned`.
    public func value(_ key: [UInt8], at number: UInt32, head: UInt32) throws(StateError) -> [UInt8]? {
        if number >= head { return current[key] }
        guard let first = journals.firstIndex(where: { $0.number > number }) else { return current[key] }
        guard journals[first].number == number + 1 else { throw .pruned(number: number) }
        for j in journals[first...] {
            if let before = j.before[key] { return before }
        }
        return current[key]
    }

    /// Keys under `prefix` at block `number`, sorted, after `startKey`, at most `count`.
    public func keys(prefix: [UInt8], count: Int, startKey: [UInt8]?, at number: UInt32, head: UInt32)
        throws(StateError) -> [[UInt8]] {
        var present = Set<[UInt8]>()
        for key in current.keys where key.starts(with: prefix) { present.insert(key) }
        if number < head, let first = journals.firstIndex(where: { $0.number > number }) {
            guard journals[first].number == number + 1 else { throw .pruned(number: number) }
            // The earliest journal entry of a key holds its value at `number`.
            var seen = Set<[UInt8]>()
            for j in journals[first...] {
                for (key, before) in j.before where key.starts(with: prefix) && seen.insert(key).inserted {
                    if before == nil { present.remove(key) } else { present.insert(key) }
                }
            }
        }
        var sorted = present.sorted { $0.lexicographicallyPrecedes($1) }
        if let startKey {
            sorted.removeAll { !startKey.lexicographicallyPrecedes($0) }
        }
        return Array(sorted.prefix(max(0, count)))
    }
}

/// Why a state read failed.
public enum StateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The block's state was pruned (a pruned node answers the same way).
    case pruned(number: UInt32)

    public var description: String {
        switch self {
        case .pruned(let n): return "State already discarded for block #\(n)"
        }
    }
}
