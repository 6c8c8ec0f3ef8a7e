import ChainCrypto
import Scale

/// The storage entries khalatop reads (PROTOCOL.md §1.1-§1.5), by pallet and
/// entry name; their hashers and types come from the runtime metadata.
public enum StorageItem: String, Sendable, Hashable, CaseIterable {
    case workers = "PhalaRegistry.Workers"
    case sessions = "PhalaComputation.Sessions"
    case workerBindings = "PhalaComputation.WorkerBindings"
    case stakes = "PhalaComputation.Stakes"
    case tokenomicParameters = "PhalaComputation.TokenomicParameters"
    case onlineWorkers = "PhalaComputation.OnlineWorkers"
    case coolDownPeriod = "PhalaComputation.CoolDownPeriod"
    case heartbeatPaused = "PhalaComputation.HeartbeatPaused"
    case expectedHeartbeatCount = "PhalaComputation.ExpectedHeartbeatCount"
    case workerAssignments = "PhalaStakePoolv2.WorkerAssignments"
    case pools = "PhalaBasePool.Pools"
    case assetAccount = "Assets.Account"
    case systemAccount = "System.Account"
    case events = "System.Events"
    case outboundMessages = "PhalaMq.OutboundMessages"
    case timestamp = "Timestamp.Now"

    /// Hashed and compared by case, not by raw string (the default for a
    /// String-backed enum): the engine looks up plans by item many times per
    /// followed block (issue 6's CPU target). A payload-free enum of this
    /// size is its one-byte case tag.
    public func hash(into hasher: inout Hasher) { hasher.combine(tag) }
    public static func == (a: StorageItem, b: StorageItem) -> Bool { a.tag == b.tag }
    private var tag: UInt8 { unsafeBitCast(self, to: UInt8.self) }

    public var pallet: String { String(rawValue.prefix { $0 != "." }) }
    public var entry: String { String(rawValue.drop { $0 != "." }.dropFirst()) }
}

/// A storage entry resolved against one runtime's metadata: its key prefix,
/// hashers, key/value type ids and the default bytes of absent values.
public struct StorageItemPlan: Sendable, Hashable {
    public let item: StorageItem
    public let prefix: [UInt8]
    public let hashers: [StorageHasher]
    /// Type id of the key (a tuple for multi-key maps); nil for plain values.
    public let keyType: UInt32?
    public let valueType: UInt32
    /// The bytes an absent key reads as (`Default` entries), else nil.
    public let defaultBytes: [UInt8]?

    init(item: StorageItem, entry: StorageEntry) throws(ValueShapeError) {
        self.item = item
        prefix = StorageKey.prefix(pallet: item.pallet, entry: item.entry)
        switch entry.type {
        case .plain(let v):
            hashers = []
            keyType = nil
            valueType = v
        case .map(let hs, let k, let v):
            var list: [StorageHasher] = []
            for h in hs {
                guard let sh = StorageHasher(metadataIndex: h.rawValue) else {
                    throw .missingMetadata("hasher \(h) of \(item.rawValue)")
                }
                list.append(sh)
            }
            hashers = list
            keyType = k
            valueType = v
        }
        defaultBytes = entry.modifier == .default ? entry.defaultBytes : nil
    }

    /// The full storage key for SCALE-encoded key parts (one per hasher).
    public func key(_ parts: [[UInt8]]) -> [UInt8] {
        var out = prefix
        for (h, k) in zip(hashers, parts) { out += h.hash(k) }
        return out
    }

    /// The key parts of a full storage key of this map (every hasher must be transparent).
    /// `lengths` gives each part's byte length (nil for the last = the rest).
    public func split(_ fullKey: [UInt8], lengths: [Int?]) throws(StorageKeyError) -> [[UInt8]] {
        guard fullKey.count >= prefix.count, fullKey[0..<prefix.count].elementsEqual(prefix) else {
            throw .prefixMismatch(pallet: item.pallet, entry: item.entry)
        }
        return try StorageKey.splitConcat(suffix: fullKey[prefix.count...], hashers: hashers) { i, _ in
            i < lengths.count ? lengths[i] : nil
        }
    }
}
