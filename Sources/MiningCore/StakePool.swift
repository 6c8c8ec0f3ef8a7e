/// `PoolProxy::StakePool` (§1.3): a pool of workers, with balances the
/// chain keeps elsewhere (free stake = W-PHA of `poolAccountId`, locked
/// stake on `lockAccount`, commission on `ownerRewardAccount`) added by
/// ChainEngine when it reads them.
public struct StakePool: Hashable, Sendable {
    public var basepool: BasePool
    /// Parts per million (`Permill`).
    public var payoutCommissionPerMill: UInt32?
    /// Planck.
    public var capPlanck: UInt128?
    public var workers: [WorkerKey]
    /// Workers in cool-down.
    public var cdWorkers: [WorkerKey]
    public var lockAccount: AccountID
    public var ownerRewardAccount: AccountID

    /// W-PHA balance of `basepool.poolAccountId` (free stake), planck.
    public var freeStakePlanck: UInt128
    /// W-PHA balance of `ownerRewardAccount` (unclaimed commission), planck.
    public var ownerRewardsPlanck: UInt128

    public var pid: UInt64 { basepool.pid }
    public var owner: AccountID { basepool.owner }

    public init(basepool: BasePool, payoutCommissionPerMill: UInt32? = nil, capPlanck: UInt128? = nil,
                workers: [WorkerKey] = [], cdWorkers: [WorkerKey] = [],
                lockAccount: AccountID? = nil, ownerRewardAccount: AccountID? = nil,
                freeStakePlanck: UInt128 = 0, ownerRewardsPlanck: UInt128 = 0) {
        self.basepool = basepool
        self.payoutCommissionPerMill = payoutCommissionPerMill
        self.capPlanck = capPlanck
        self.workers = workers
        self.cdWorkers = cdWorkers
        self.lockAccount = lockAccount ?? DerivedAccounts.lock(pid: basepool.pid, owner: basepool.owner)
        self.ownerRewardAccount = ownerRewardAccount
            ?? DerivedAccounts.ownerReward(pid: basepool.pid, owner: basepool.owner)
        self.freeStakePlanck = freeStakePlanck
        self.ownerRewardsPlanck = ownerRewardsPlanck
    }
}
