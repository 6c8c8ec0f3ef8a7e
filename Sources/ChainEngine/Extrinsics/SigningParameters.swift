/// What the signed extensions of an extrinsic commit to, besides the call
/// (PROTOCOL.md §1.6): nonce and tip go into the extrinsic (`extra`); spec
/// and transaction version, genesis hash and the era's birth block hash are
/// only signed (`additional`), so a transaction for another chain, runtime or
/// fork fails its signature check.
public struct SigningParameters: Sendable, Hashable {
    /// The account nonce (`system_accountNextIndex`).
    public var nonce: UInt64
    public var tipPlanck: UInt128
    public var era: TransactionEra
    public var specVersion: UInt32
    public var transactionVersion: UInt32
    /// Block 0's hash.
    public var genesisHash: [UInt8]
    /// Hash of the era's birth block (the genesis hash when immortal).
    public var eraBirthHash: [UInt8]

    public init(nonce: UInt64, tipPlanck: UInt128 = 0, era: TransactionEra, specVersion: UInt32,
                transactionVersion: UInt32, genesisHash: [UInt8], eraBirthHash: [UInt8]) {
        self.nonce = nonce; self.tipPlanck = tipPlanck; self.era = era; self.specVersion = specVersion
        self.transactionVersion = transactionVersion; self.genesisHash = genesisHash; self.eraBirthHash = eraBirthHash
    }
}
