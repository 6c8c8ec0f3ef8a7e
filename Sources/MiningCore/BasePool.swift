/// `PhalaBasePool` pool header shared by stake pools and vaults (§1.3).
public struct BasePool: Hashable, Sendable {
    public var pid: UInt64
    public var owner: AccountID
    public var totalShares: UInt128
    /// Planck.
    public var totalValue: UInt128
    /// FIFO; the head is the oldest request (§4.6).
    public var withdrawQueue: [WithdrawInfo]
    public var valueSubscribers: [UInt64]
    public var cid: UInt32
    /// Holds the pool's free stake as W-PHA (§1.3).
    public var poolAccountId: AccountID

    public init(pid: UInt64, owner: AccountID, totalShares: UInt128 = 0, totalValue: UInt128 = 0,
                withdrawQueue: [WithdrawInfo] = [], valueSubscribers: [UInt64] = [], cid: UInt32 = 0,
                poolAccountId: AccountID) {
        self.pid = pid
        self.owner = owner
        self.totalShares = totalShares
        self.totalValue = totalValue
        self.withdrawQueue = withdrawQueue
        self.valueSubscribers = valueSubscribers
        self.cid = cid
        self.poolAccountId = poolAccountId
    }
}
