import Scale

/// Everything needed to decode one runtime's storage, events and
/// extrinsics into `MiningCore` values, resolved once from its metadata V14
/// and cached per spec version by the engine (PROTOCOL.md §1, §3).
///
/// Values are decoded through the metadata's type registry and read by
/// field name, so both the 1251 layout and later runtimes (with `Dcap`
/// variants, §1.6) decode; a value that does not fit is a typed error the
/// caller turns into a `DecodeIssue` with its key.
public struct ChainDecoder: Sendable {
    public let metadata: RuntimeMetadataV14
    public let specVersion: UInt32
    public let codec: DynamicCodec
    /// Storage entries of `StorageItem` found in this runtime.
    public let plans: [StorageItem: StorageItemPlan]
    /// Pallet index → name, for the pallets whose events khalatop reads.
    let eventPallets: [UInt8: String]
    /// `PhalaMq` pallet index and the `sync_offchain_message` call index.
    let syncOffchainCall: (pallet: UInt8, call: UInt8)?
    /// Type ids of the extrinsic's address, signature, signed extra and call.
    let extrinsicTypes: (address: UInt32, signature: UInt32, extra: UInt32, call: UInt32)?
    /// The off-chain message types (not in the metadata): see `OffchainTypes`.
    let offchain: OffchainTypes
    /// Hot storage values whose type has the layout a typed decoder reads (checked once, here).
    public let fast: FastLayouts
    /// Typed reading of heartbeat extrinsics, when the metadata's call types have the 1251 layout (else nil).
    let fastMessages: FastMessages?
    /// Typed reading and skipping of event records, when `EventRecord` has the expected layout (else nil).
    let fastEvents: FastEvents?

    /// Pallets whose events become observations (§3).
    public static let watchedEventPallets: Set<String> = [
        "PhalaComputation", "PhalaRegistry", "PhalaStakePoolv2", "PhalaBasePool", "System",
    ]

    /// `fastPaths: false` decodes every value through the metadata (tests compare both paths).
    public init(metadata: RuntimeMetadataV14, specVersion: UInt32, fastPaths: Bool = true) {
        self.metadata = metadata
        self.specVersion = specVersion
        codec = DynamicCodec(registry: metadata.registry)
        var plans: [StorageItem: StorageItemPlan] = [:]
        for item in StorageItem.allCases {
            guard let entry = metadata.storageEntry(pallet: item.pallet, name: item.entry),
                  let plan = try? StorageItemPlan(item: item, entry: entry) else { continue }
            plans[item] = plan
        }
        self.plans = plans
        var pallets: [UInt8: String] = [:]
        for p in metadata.pallets where Self.watchedEventPallets.contains(p.name) { pallets[p.index] = p.name }
        eventPallets = pallets
        syncOffchainCall = metadata.callIndex(pallet: "PhalaMq", name: "sync_offchain_message")
        extrinsicTypes = Self.resolveExtrinsicTypes(metadata)
        offchain = OffchainTypes()
        fast = fastPaths ? FastLayouts(registry: metadata.registry, plans: plans) : .none
        if fastPaths, let t = extrinsicTypes {
            fastMessages = FastMessages(registry: metadata.registry, callType: t.call, syncOffchainCall: syncOffchainCall)
        } else {
            fastMessages = nil
        }
        if fastPaths, let p = plans[.events], case .sequence(let record)? = metadata.registry[p.valueType]?.def {
            fastEvents = FastEvents(registry: metadata.registry, recordType: record)
        } else {
            fastEvents = nil
        }
    }

    /// Decodes a `state_getMetadata` blob.
    public init(metadataBytes: [UInt8], specVersion: UInt32) throws {
        self.init(metadata: try RuntimeMetadataV14(bytes: metadataBytes), specVersion: specVersion)
    }

    /// `UncheckedExtrinsic`'s generic parameters name the types of its parts.
    static func resolveExtrinsicTypes(_ md: RuntimeMetadataV14) -> (address: UInt32, signature: UInt32, extra: UInt32, call: UInt32)? {
        guard let t = md.registry[md.extrinsic.type] else { return nil }
        func param(_ name: String) -> UInt32? { t.params.first { $0.name == name }?.type }
        guard let a = param("Address"), let s = param("Signature"), let e = param("Extra"), let c = param("Call") else {
            return nil
        }
        return (a, s, e, c)
    }

    /// The plan of `item`, or a typed error naming what this runtime lacks.
    public func plan(_ item: StorageItem) throws(ValueShapeError) -> StorageItemPlan {
        guard let p = plans[item] else { throw .missingMetadata("storage entry \(item.rawValue)") }
        return p
    }

    /// Decodes a storage value of `item` (the default bytes when absent and the entry has a default).
    /// Returns nil for an absent `Optional` entry.
    public func decodeValue(_ item: StorageItem, _ bytes: [UInt8]?) throws -> ScaleValue? {
        let p = try plan(item)
        guard let raw = bytes ?? p.defaultBytes else { return nil }
        return try codec.decode(type: p.valueType, from: raw)
    }
}
