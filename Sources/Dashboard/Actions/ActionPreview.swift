/// What the run loop learned while preparing an action, for its confirmation
/// (issue 8): the signer's address, the fee estimate, chain, runtime and
/// nonce. The call itself is described from the `ChainAction`, so the dialog
/// says exactly what the draft holds. Holds no key material.
public struct ActionPreview: Hashable, Sendable {
    /// `Pallet.call` and index bytes the metadata gave, e.g. `PhalaStakePoolv2.start_computing 0x5d0d`.
    public var encodedCall: String
    public var signerAddress: String
    /// e.g. `0.0153 PHA (estimated, Normal)` or `unavailable (reason)`.
    public var feeText: String
    public var chainName: String
    public var specName: String
    public var specVersion: UInt32
    public var transactionVersion: UInt32
    public var nonce: UInt64
    /// e.g. `64 blocks from #1234`.
    public var validity: String
    /// Facts checked while preparing, shown above the call (registration: the
    /// pRuntime read and the local attestation verdict).
    public var notes: [String] = []

    public init(encodedCall: String, signerAddress: String, feeText: String, chainName: String, specName: String,
                specVersion: UInt32, transactionVersion: UInt32, nonce: UInt64, validity: String) {
        self.encodedCall = encodedCall
        self.signerAddress = signerAddress
        self.feeText = feeText
        self.chainName = chainName
        self.specName = specName
        self.specVersion = specVersion
        self.transactionVersion = transactionVersion
        self.nonce = nonce
        self.validity = validity
    }
}
