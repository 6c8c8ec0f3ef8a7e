import MiningCore
import Scale

/// Which hot storage values of one runtime may skip dynamic decoding
/// (issue 6 performance targets): the value type of each entry is checked
/// once against the layout a typed decoder reads (`TypeShape`, the 1251
/// layouts of PROTOCOL.md §1.1-§1.3). An entry whose type differs in any way
/// — the later `WorkerInfoV2` with a new field, an unknown runtime — has no
/// fast layout and decodes through the metadata as before.
public struct FastLayouts: Sendable {
    /// `PhalaRegistry.Workers`: attestation provider by variant index.
    var workerInfo: [UInt8: AttestationProvider]?
    /// `PhalaComputation.Sessions`: worker state by variant index.
    var sessionInfo: [UInt8: WorkerState]?
    /// `PhalaComputation.WorkerBindings`: a 32-byte account.
    var binding = false
    /// `PhalaStakePoolv2.WorkerAssignments`: a u64 pid.
    var assignment = false
    /// `PhalaComputation.Stakes`: a u128.
    var stake = false
    /// `PhalaBasePool.Pools`: the index of `PoolProxy::StakePool`.
    var stakePoolIndex: UInt8?
    /// Maps with one hasher whose key is a 32-byte key (worker or account):
    /// their storage keys are `prefix ‖ hasher(key bytes)` without encoding a value tree.
    var key32Items: Set<StorageItem> = []

    /// No fast path at all (every value decodes dynamically).
    public static let none = FastLayouts()

    init() {}

    init(registry: PortableRegistry, plans: [StorageItem: StorageItemPlan]) {
        func check(_ item: StorageItem, _ shape: TypeShape) -> ShapeFacts? {
            guard let p = plans[item] else { return nil }
            var facts = ShapeFacts()
            return registry.matches(p.valueType, shape, &facts) ? facts : nil
        }
        if let f = check(.workers, Self.workerInfoShape), let table = f.unitEnums["provider"] {
            workerInfo = table.compactMapValues(ChainDecoder.attestationProvider(named:))
        }
        if let f = check(.sessions, Self.sessionInfoShape), let table = f.unitEnums["state"] {
            sessionInfo = table.compactMapValues(ChainDecoder.workerState(named:))
        }
        binding = check(.workerBindings, .key32) != nil
        assignment = check(.workerAssignments, .u64) != nil
        stake = check(.stakes, .u128) != nil
        stakePoolIndex = check(.pools, Self.poolProxyShape)?.variantIndices["StakePool"]
        for (item, p) in plans where p.hashers.count == 1 {
            var facts = ShapeFacts()
            if let k = p.keyType, registry.matches(k, .key32, &facts) { key32Items.insert(item) }
        }
    }

    /// Names of the items that decode through a fast path (for tests and diagnostics).
    public var fastItems: Set<StorageItem> {
        var s: Set<StorageItem> = []
        if workerInfo != nil { s.insert(.workers) }
        if sessionInfo != nil { s.insert(.sessions) }
        if binding { s.insert(.workerBindings) }
        if assignment { s.insert(.workerAssignments) }
        if stake { s.insert(.stakes) }
        if stakePoolIndex != nil { s.insert(.pools) }
        return s
    }

    /// `WorkerInfoV2<AccountId32>` (§1.1).
    static let workerInfoShape = TypeShape.fields([
        ("pubkey", .key32), ("ecdh_pubkey", .key32), ("runtime_version", .u32), ("last_updated", .u64),
        ("operator", .option(.key32)), ("attestation_provider", .option(.unitEnum(tag: "provider"))),
        ("confidence_level", .u8), ("initial_score", .option(.u32)), ("features", .vec(.u32)),
    ])

    /// `SessionInfo` (§1.2).
    static let sessionInfoShape = TypeShape.fields([
        ("state", .unitEnum(tag: "state")), ("ve", .u128), ("v", .u128), ("v_updated_at", .u64),
        ("benchmark", .fields([("p_init", .u32), ("p_instant", .u32), ("iterations", .u64),
                               ("working_start_time", .u64), ("challenge_time_last", .u64)])),
        ("cool_down_start", .u64), ("stats", .fields([("total_reward", .u128)])),
    ])

    /// `PoolProxy::StakePool(StakePool)` (§1.3).
    static let poolProxyShape = TypeShape.variantWith(name: "StakePool", inner: .fields([
        ("basepool", .fields([
            ("pid", .u64), ("owner", .key32), ("total_shares", .u128), ("total_value", .u128),
            ("withdraw_queue", .vec(.fields([("user", .key32), ("start_time", .u64), ("nft_id", .u32)]))),
            ("value_subscribers", .vec(.u64)), ("cid", .u32), ("pool_account_id", .key32),
        ])),
        ("payout_commission", .option(.u32)), ("cap", .option(.u128)), ("workers", .vec(.key32)),
        ("cd_workers", .vec(.key32)), ("lock_account", .key32), ("owner_reward_account", .key32),
    ]), tag: "StakePool")
}
