import ChainCrypto
import MiningCore
import Scale

/// An extrinsic with everything but its signature (issue 8, the dashboard's
/// confirmation): call, signer's public key, nonce, era, versions and the fee
/// estimate. The dashboard shows it and signs only when the operator says
/// `y`, so no signature exists for an action that was cancelled.
///
/// The fee is estimated on a copy carrying a placeholder signature of the
/// right length: `TransactionPaymentApi_query_info` weighs the call and
/// counts the length, it does not check the signature (polkadot.js's
/// `paymentInfo` does the same with its fake signature).
public struct ExtrinsicDraft: Sendable {
    public let action: ActionCall
    public let call: EncodedCall
    public let parameters: SigningParameters
    public let signerPublicKey: [UInt8]
    public let scheme: KeyScheme
    public let fee: Result<FeeEstimate, PreparedExtrinsic.FeeUnavailable>
    public let chainName: String
    public let specName: String
    public let signerAddress: String
    public let birthBlock: UInt64
    public let eraPeriodBlocks: UInt64
    public let metadata: RuntimeMetadataV14

    /// The 64 bytes standing in for the signature in the fee query.
    static let placeholderSignature = [UInt8](repeating: 1, count: 64)

    /// Signs the draft with `signer`, whose public key must be the one the
    /// draft was made for (the confirmation named that address).
    public func sign(with signer: KeyPair) throws(ExtrinsicError) -> SignedExtrinsic {
        guard signer.publicKey == signerPublicKey, signer.scheme == scheme else {
            throw .signingFailed("the key is not the one the confirmation named")
        }
        let builder = try ExtrinsicBuilder(metadata: metadata)
        return try builder.sign(call, signer: signer, parameters: parameters)
    }
}

extension ExtrinsicClient {
    /// Reads what signing needs (metadata, runtime version, genesis and best
    /// block, chain name, the signer's next nonce), encodes `action` and
    /// estimates its fee, without signing anything.
    public func draft(_ action: ActionCall, signerPublicKey: [UInt8], scheme: KeyScheme, eraPeriodBlocks: UInt64 = 64,
                      tipPlanck: UInt128 = 0) async throws -> ExtrinsicDraft {
        let c = try await signingContext(signerPublicKey: signerPublicKey, eraPeriodBlocks: eraPeriodBlocks,
                                         tipPlanck: tipPlanck)
        let builder = try ExtrinsicBuilder(metadata: c.metadata)
        let call = try builder.call(action)
        let ext = try SignedExtensions(metadata: c.metadata, codec: builder.encoder.codec, parameters: c.parameters)
        let placeholder = try builder.assemble(call: call.bytes, signer: signerPublicKey, scheme: scheme,
                                               signature: ExtrinsicDraft.placeholderSignature, extra: ext.extra)
        let fee = await estimatedFee(placeholder, metadata: c.metadata)
        return ExtrinsicDraft(action: action, call: call, parameters: c.parameters, signerPublicKey: signerPublicKey,
                              scheme: scheme, fee: fee, chainName: c.chainName, specName: c.specName,
                              signerAddress: c.signerAddress, birthBlock: c.birthBlock,
                              eraPeriodBlocks: c.eraPeriodBlocks, metadata: c.metadata)
    }
}
