/// One queued withdrawal of a pool (`BasePool.withdraw_queue`, §1.3).
public struct WithdrawInfo: Hashable, Sendable {
    public var user: AccountID
    /// Unix seconds when it was queued; the 7-day grace period runs from here (§4.6).
    public var startTimeSec: UInt64
    public var nftId: UInt32
    /// Shares still to be paid out (from the NFT; not in `WithdrawInfo` itself,
    /// ChainEngine fills it when it can, else 0).
    public var shares: UInt128

    public init(user: AccountID, startTimeSec: UInt64, nftId: UInt32, shares: UInt128 = 0) {
        self.user = user
        self.startTimeSec = startTimeSec
        self.nftId = nftId
        self.shares = shares
    }
}
