/// The collateral a DCAP quote is verified with on chain (§5.4, `Collateral::SgxV30`).
///
/// Nine fields in SCALE order (fixture README): PEM/DER/JSON text as the relayer
/// fetched it from a PCCS. The CRLs and QE identity are carried but, like
/// upstream at 7dd69475, not checked.
public struct SgxV30QuoteCollateral: Sendable, Equatable {
    public var pckCrlIssuerChain: String
    public var rootCaCrl: String
    public var pckCrl: String
    public var tcbInfoIssuerChain: String
    /// The exact TCB-info JSON text that `tcbInfoSignature` signs.
    public var tcbInfo: String
    /// ECDSA-P256 r‖s (64 bytes).
    public var tcbInfoSignature: [UInt8]
    public var qeIdentityIssuerChain: String
    public var qeIdentity: String
    public var qeIdentitySignature: [UInt8]

    public init(pckCrlIssuerChain: String, rootCaCrl: String, pckCrl: String, tcbInfoIssuerChain: String,
                tcbInfo: String, tcbInfoSignature: [UInt8], qeIdentityIssuerChain: String, qeIdentity: String,
                qeIdentitySignature: [UInt8]) {
        self.pckCrlIssuerChain = pckCrlIssuerChain
        self.rootCaCrl = rootCaCrl
        self.pckCrl = pckCrl
        self.tcbInfoIssuerChain = tcbInfoIssuerChain
        self.tcbInfo = tcbInfo
        self.tcbInfoSignature = tcbInfoSignature
        self.qeIdentityIssuerChain = qeIdentityIssuerChain
        self.qeIdentity = qeIdentity
        self.qeIdentitySignature = qeIdentitySignature
    }
}
