import Scale

/// `PhalaBasePool.Pools` value `PoolProxy::StakePool` (PROTOCOL.md §1.3):
/// owner, shares, workers, cool-down workers and the derived accounts.
public struct StakePool: Sendable, Hashable, ScaleEncodable {
    public var pid: UInt64
    public var owner: [UInt8]
    public var totalShares: UInt128
    public var totalValue: UInt128
    public var cid: UInt32
    public var poolAccount: [UInt8]
    public var payoutCommissionPerMillion: UInt32?
    public var capPlanck: UInt128?
    public var workers: [[UInt8]]
    public var coolDownWorkers: [[UInt8]]
    public var lockAccount: [UInt8]
    public var ownerRewardAccount: [UInt8]

    public func encode(to e: inout ScaleEncoder) {
        e.appendByte(0)  // PoolProxy::StakePool
        e.encode(pid); e.append(owner); e.encode(totalShares); e.encode(totalValue)
        e.encodeCompact(0 as UInt64)  // withdraw_queue: empty
        e.encodeCompact(0 as UInt64)  // value_subscribers: empty
        e.encode(cid); e.append(poolAccount)
        e.encode(payoutCommissionPerMillion)
        e.encode(capPlanck)
        e.encodeCompact(UInt64(workers.count)); for w in workers { e.append(w) }
        e.encodeCompact(UInt64(coolDownWorkers.count)); for w in coolDownWorkers { e.append(w) }
        e.append(lockAccount); e.append(ownerRewardAccount)
    }
}
