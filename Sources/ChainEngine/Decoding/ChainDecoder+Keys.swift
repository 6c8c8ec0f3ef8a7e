import MiningCore
import Scale

/// Storage keys of the items khalatop reads, encoded through the metadata's
/// key types and hashers (PROTOCOL.md §1.5).
extension ChainDecoder {
    /// W-PHA asset id on Khala (`WPhaAssetId`, §1.3).
    public static let wphaAssetId: UInt32 = 10_000

    /// The key of `item` for one key value per hasher (none for plain values).
    public func storageKey(_ item: StorageItem, _ parts: [ScaleValue] = []) throws -> [UInt8] {
        let p = try plan(item)
        guard parts.count == p.hashers.count else {
            throw ValueShapeError.wrongKind(path: "\(item.rawValue) key", expected: "\(p.hashers.count) key parts",
                                            found: "\(parts.count)")
        }
        if parts.isEmpty { return p.prefix }
        guard let keyType = p.keyType else { throw ValueShapeError.missingMetadata("key type of \(item.rawValue)") }
        var encoded: [[UInt8]] = []
        if parts.count == 1 {
            encoded = [try codec.encode(parts[0], type: keyType)]
        } else {
            guard case .tuple(let ids)? = metadata.registry[keyType]?.def, ids.count == parts.count else {
                throw ValueShapeError.missingMetadata("a \(parts.count)-tuple key type for \(item.rawValue)")
            }
            for (v, id) in zip(parts, ids) { encoded.append(try codec.encode(v, type: id)) }
        }
        return p.key(encoded)
    }

    static func bytes32Value(_ b: Key32) -> ScaleValue { .composite([ScaleField(nil, .bytes(b.bytes))]) }

    public func workerKey(_ item: StorageItem, _ worker: WorkerKey) throws -> [UInt8] {
        if fast.key32Items.contains(item), let p = plans[item] { return p.key([worker.bytes]) }
        return try storageKey(item, [Self.bytes32Value(worker.raw)])
    }

    public func accountKey(_ item: StorageItem, _ account: AccountID) throws -> [UInt8] {
        if fast.key32Items.contains(item), let p = plans[item] { return p.key([account.bytes]) }
        return try storageKey(item, [Self.bytes32Value(account.raw)])
    }

    public func poolKey(_ pid: UInt64) throws -> [UInt8] {
        try storageKey(.pools, [.unsigned(UInt128(pid))])
    }

    /// `Assets.Account[(W-PHA, account)]`.
    public func wphaAccountKey(_ account: AccountID) throws -> [UInt8] {
        try storageKey(.assetAccount, [.unsigned(UInt128(Self.wphaAssetId)), Self.bytes32Value(account.raw)])
    }

    /// The pid of a full `PhalaBasePool.Pools` key (from `state_getKeysPaged`).
    public func pid(fromPoolsKey key: [UInt8]) throws -> UInt64 {
        let parts = try plan(.pools).split(key, lengths: [8])
        return try scaleDecode(UInt64.self, from: parts[0])
    }
}
