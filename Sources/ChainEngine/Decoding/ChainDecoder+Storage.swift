import MiningCore
import Scale

/// Storage values → `MiningCore` values, by field name (PROTOCOL.md §1.1-§1.3).
extension ChainDecoder {
    /// `PhalaRegistry.Workers[pubkey]`: `WorkerInfoV2` (§1.1).
    public func workerInfo(_ v: ScaleValue) throws(ValueShapeError) -> WorkerInfo {
        let p = "WorkerInfo"
        let provider: AttestationProvider?
        if let inner = try v.field("attestation_provider", p).option("\(p).attestation_provider") {
            let name = try inner.variantParts("\(p).attestation_provider").name
            guard let known = Self.attestationProvider(named: name) else {
                throw .unknownVariant(path: "\(p).attestation_provider", name: name)
            }
            provider = known
        } else {
            provider = nil
        }
        let features = try v.field("features", p).list("\(p).features").map { (x) throws(ValueShapeError) in try x.u32("\(p).features[]") }
        return WorkerInfo(
            pubkey: try v.field("pubkey", p).workerKey("\(p).pubkey"),
            ecdhPubkey: try v.field("ecdh_pubkey", p).bytes32("\(p).ecdh_pubkey"),
            runtimeVersion: try v.field("runtime_version", p).u32("\(p).runtime_version"),
            lastUpdatedSec: try v.field("last_updated", p).u64("\(p).last_updated"),
            operator_: try v.field("operator", p).option("\(p).operator")?.accountID("\(p).operator"),
            attestationProvider: provider,
            confidenceLevel: try v.field("confidence_level", p).u8("\(p).confidence_level"),
            initialScore: try v.field("initial_score", p).option("\(p).initial_score")?.u32("\(p).initial_score"),
            features: features)
    }

    /// `AttestationProvider` by variant name (§1.1); nil for a name khalatop does not know.
    static func attestationProvider(named name: String) -> AttestationProvider? {
        switch name {
        case "Root": return .root
        case "Ias": return .ias
        case "Dcap": return .dcap
        default: return nil
        }
    }

    /// `WorkerState` by variant name, old (`Mining…`) or new (§1.2); nil when unknown.
    static func workerState(named name: String) -> WorkerState? {
        switch name {
        case "Ready": return .ready
        case "WorkerIdle", "MiningIdle": return .workerIdle
        case "_Unused": return .unused
        case "WorkerUnresponsive", "MiningUnresponsive": return .workerUnresponsive
        case "WorkerCoolingDown", "MiningCoolingDown": return .workerCoolingDown
        default: return nil
        }
    }

    /// `PhalaComputation.Sessions[session]`: `SessionInfo` (§1.2).
    public func sessionInfo(_ v: ScaleValue) throws(ValueShapeError) -> SessionInfo {
        let p = "SessionInfo"
        let stateName = try v.field("state", p).variantParts("\(p).state").name
        guard let state = Self.workerState(named: stateName) else { throw .unknownVariant(path: "\(p).state", name: stateName) }
        let b = try v.field("benchmark", p)
        let bp = "\(p).benchmark"
        let benchmark = Benchmark(
            pInit: try b.field("p_init", bp).u32("\(bp).p_init"),
            pInstant: try b.field("p_instant", bp).u32("\(bp).p_instant"),
            iterations: try b.field("iterations", bp).u64("\(bp).iterations"),
            workingStartTimeSec: try b.field("working_start_time", bp).u64("\(bp).working_start_time"),
            challengeTimeLastSec: try b.field("challenge_time_last", bp).u64("\(bp).challenge_time_last"))
        return SessionInfo(
            state: state,
            ve: try v.field("ve", p).u64f64("\(p).ve"),
            v: try v.field("v", p).u64f64("\(p).v"),
            vUpdatedAtSec: try v.field("v_updated_at", p).u64("\(p).v_updated_at"),
            benchmark: benchmark,
            coolDownStartSec: try v.field("cool_down_start", p).u64("\(p).cool_down_start"),
            totalRewardPlanck: try v.field("stats", p).field("total_reward", "\(p).stats").u128("\(p).stats.total_reward"))
    }

    /// `PhalaBasePool.Pools[pid]`: a `PoolProxy`; nil for a `Vault` (not a stake pool, §1.3).
    /// Balances are zero here; the engine adds them from `Assets.Account`.
    public func stakePool(_ v: ScaleValue) throws(ValueShapeError) -> StakePool? {
        let p = "PoolProxy"
        let (name, _, fields) = try v.variantParts(p)
        guard name == "StakePool" else { return nil }
        guard let sp = fields.first?.value else { throw .missingField(path: "\(p).StakePool.0") }
        let sp_ = "StakePool"
        let bv = try sp.field("basepool", sp_)
        let bp = "\(sp_).basepool"
        let queue = try bv.field("withdraw_queue", bp).list("\(bp).withdraw_queue").map { (w) throws(ValueShapeError) -> WithdrawInfo in
            let wp = "\(bp).withdraw_queue[]"
            return WithdrawInfo(user: try w.field("user", wp).accountID("\(wp).user"),
                                startTimeSec: try w.field("start_time", wp).u64("\(wp).start_time"),
                                nftId: try w.field("nft_id", wp).u32("\(wp).nft_id"))
        }
        let base = BasePool(
            pid: try bv.field("pid", bp).u64("\(bp).pid"),
            owner: try bv.field("owner", bp).accountID("\(bp).owner"),
            totalShares: try bv.field("total_shares", bp).u128("\(bp).total_shares"),
            totalValue: try bv.field("total_value", bp).u128("\(bp).total_value"),
            withdrawQueue: queue,
            valueSubscribers: try bv.field("value_subscribers", bp).list("\(bp).value_subscribers")
                .map { (x) throws(ValueShapeError) in try x.u64("\(bp).value_subscribers[]") },
            cid: try bv.field("cid", bp).u32("\(bp).cid"),
            poolAccountId: try bv.field("pool_account_id", bp).accountID("\(bp).pool_account_id"))
        func keys(_ name: String) throws(ValueShapeError) -> [WorkerKey] {
            try sp.field(name, sp_).list("\(sp_).\(name)").map { (x) throws(ValueShapeError) in try x.workerKey("\(sp_).\(name)[]") }
        }
        return StakePool(
            basepool: base,
            payoutCommissionPerMill: try sp.field("payout_commission", sp_).option("\(sp_).payout_commission")?
                .u32("\(sp_).payout_commission"),
            capPlanck: try sp.field("cap", sp_).option("\(sp_).cap")?.u128("\(sp_).cap"),
            workers: try keys("workers"),
            cdWorkers: try keys("cd_workers"),
            lockAccount: try sp.field("lock_account", sp_).accountID("\(sp_).lock_account"),
            ownerRewardAccount: try sp.field("owner_reward_account", sp_).accountID("\(sp_).owner_reward_account"))
    }

    /// `PhalaComputation.TokenomicParameters` (§1.2).
    public func tokenomics(_ v: ScaleValue) throws(ValueShapeError) -> TokenomicParameters {
        let p = "TokenomicParameters"
        func fx(_ n: String) throws(ValueShapeError) -> U64F64 { try v.field(n, p).u64f64("\(p).\(n)") }
        return TokenomicParameters(
            phaRate: try fx("pha_rate"), rho: try fx("rho"), budgetPerBlock: try fx("budget_per_block"),
            vMax: try fx("v_max"), costK: try fx("cost_k"), costB: try fx("cost_b"),
            slashRate: try fx("slash_rate"), treasuryRatio: try fx("treasury_ratio"),
            heartbeatWindowBlocks: try v.field("heartbeat_window", p).u32("\(p).heartbeat_window"),
            rigK: try fx("rig_k"), rigB: try fx("rig_b"), re: try fx("re"), k: try fx("k"), kappa: try fx("kappa"))
    }

    /// `Assets.Account[(asset, account)].balance` (W-PHA, §1.3); absent = 0.
    public func assetBalance(_ v: ScaleValue?) throws(ValueShapeError) -> UInt128 {
        guard let v else { return 0 }
        return try v.field("balance", "AssetAccount").u128("AssetAccount.balance")
    }

    /// `System.Account[account].data.free`.
    public func freeBalance(_ v: ScaleValue?) throws(ValueShapeError) -> UInt128 {
        guard let v else { return 0 }
        return try v.field("data", "AccountInfo").field("free", "AccountInfo.data").u128("AccountInfo.data.free")
    }
}
