import ChainCrypto
import Scale
import Synchronization
import SubstrateRPC

/// A scripted chain for engine tests: blocks with extrinsics, storage with
/// full history (a value can be read at any block), a spec version per
/// block with its metadata. Thread-safe; the `FakeNode` serves it.
final class FakeChain: Sendable {
    struct Block: Sendable {
        var header: RPCHeader
        var hash: [UInt8]
        var extrinsics: [[UInt8]]
        var spec: UInt32
    }

    struct State: Sendable {
        var blocks: [Block] = []
        /// Per key: (block, value) in block order; nil value = deleted.
        var history: [[UInt8]: [(UInt32, [UInt8]?)]] = [:]
        var metadata: [UInt32: [UInt8]] = [:]
        var spec: UInt32 = 1251
    }

    let state = Mutex(State())
    let timestampKey: [UInt8]

    /// Appended to the header bytes before hashing: non-empty makes block hashes that are not
    /// `blake2_256(header)` (a node the engine cannot compute hashes for).
    let hashSalt: [UInt8]

    init(metadata: [UInt8], spec: UInt32 = 1251, hashSalt: [UInt8] = []) {
        self.hashSalt = hashSalt
        timestampKey = StorageKey.prefix(pallet: "Timestamp", entry: "Now")
        state.withLock {
            $0.metadata[spec] = metadata
            $0.spec = spec
        }
    }

    static func timestampMs(_ n: UInt32) -> UInt64 { 1_700_000_000_000 + UInt64(n) * 12_000 }

    /// Appends a block with these storage changes (plus `Timestamp.Now`) and extrinsics; returns its number.
    /// Storage items cleared every block (`System.Events`, `PhalaMq.OutboundMessages`) must be given each time.
    @discardableResult
    func produce(_ changes: [[UInt8]: [UInt8]?] = [:], extrinsics: [[UInt8]] = []) -> UInt32 {
        let eventsKey = StorageKey.prefix(pallet: "System", entry: "Events")
        let outboundKey = StorageKey.prefix(pallet: "PhalaMq", entry: "OutboundMessages")
        return state.withLock { s in
            let n = UInt32(s.blocks.count)
            let parent = s.blocks.last?.hash ?? [UInt8](repeating: 0, count: 32)
            let header = RPCHeader(parentHash: parent, number: UInt64(n), stateRoot: blake2_256(scaleEncoded(n)),
                                   extrinsicsRoot: [UInt8](repeating: 0, count: 32))
            s.blocks.append(Block(header: header, hash: blake2_256(scaleEncoded(header) + hashSalt), extrinsics: extrinsics, spec: s.spec))
            var all = changes
            all[timestampKey] = scaleEncoded(Self.timestampMs(n))
            if all[eventsKey] == nil { all[eventsKey] = .some(nil) }
            if all[outboundKey] == nil { all[outboundKey] = .some(nil) }
            for (k, v) in all { s.history[k, default: []].append((n, v)) }
            return n
        }
    }

    func upgrade(spec: UInt32, metadata: [UInt8]) {
        state.withLock { s in
            s.metadata[spec] = metadata
            s.spec = spec
        }
    }

    var head: Block? { state.withLock { $0.blocks.last } }

    func block(_ n: UInt32) -> Block? {
        state.withLock { s in Int(n) < s.blocks.count ? s.blocks[Int(n)] : nil }
    }

    func block(hash: [UInt8]) -> Block? {
        state.withLock { s in s.blocks.last { $0.hash == hash } }
    }

    func metadata(spec: UInt32) -> [UInt8]? { state.withLock { $0.metadata[spec] } }

    /// The value of `key` at block `n`.
    func value(_ key: [UInt8], at n: UInt32) -> [UInt8]? {
        state.withLock { s in
            guard let h = s.history[key] else { return nil }
            var lo = 0, hi = h.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if h[mid].0 <= n { lo = mid + 1 } else { hi = mid }
            }
            return lo == 0 ? nil : h[lo - 1].1
        }
    }

    /// Keys under `prefix` with a value at block `n`, sorted.
    func keys(prefix: [UInt8], at n: UInt32) -> [[UInt8]] {
        let candidates = state.withLock { s in s.history.keys.filter { $0.starts(with: prefix) } }
        return candidates.filter { value($0, at: n) != nil }.sorted { $0.lexicographicallyPrecedes($1) }
    }
}
