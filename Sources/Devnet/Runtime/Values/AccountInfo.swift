import Scale

/// `frame_system::AccountInfo` with `pallet_balances::AccountData` (System.Account,
/// Blake2_128Concat of the account id): the nonce checked by `CheckNonce` and the
/// free PHA dev accounts spend (PROTOCOL.md §7: 12 decimals).
public struct AccountInfo: Sendable, Hashable, ScaleEncodable {
    public var nonce: UInt32 = 0
    public var consumers: UInt32 = 0
    public var providers: UInt32 = 0
    public var sufficients: UInt32 = 0
    public var freePlanck: UInt128 = 0
    public var reservedPlanck: UInt128 = 0
    public var frozenPlanck: UInt128 = 0
    /// `ExtraFlags`: bit 127 marks accounts upgraded to the new balances logic.
    public var flags: UInt128 = 1 << 127

    public init(nonce: UInt32 = 0, freePlanck: UInt128 = 0) {
        self.nonce = nonce
        self.freePlanck = freePlanck
        self.providers = freePlanck > 0 ? 1 : 0
    }

    public func encode(to e: inout ScaleEncoder) {
        e.encode(nonce); e.encode(consumers); e.encode(providers); e.encode(sufficients)
        e.encode(freePlanck); e.encode(reservedPlanck); e.encode(frozenPlanck); e.encode(flags)
    }
}

/// `pallet_assets::AssetAccount` (Assets.Account, key (asset id, account)):
/// W-PHA (asset 10000) balances where pool stake lives (PROTOCOL.md §1.3).
public struct AssetAccount: Sendable, Hashable, ScaleEncodable {
    public var balancePlanck: UInt128
    public var isFrozen = false

    public init(balancePlanck: UInt128) { self.balancePlanck = balancePlanck }

    public func encode(to e: inout ScaleEncoder) {
        e.encode(balancePlanck)
        e.encode(isFrozen)
        e.appendByte(1)  // ExistenceReason::Sufficient (W-PHA is a sufficient asset)
        // extra: () encodes to nothing
    }
}
