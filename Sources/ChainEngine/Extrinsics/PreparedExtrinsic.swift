import ChainCrypto
import MiningCore
import Scale

/// A signed extrinsic with everything its confirmation shows (issue 8): the
/// call in words, the signer's SS58 address, the estimated fee, chain, spec
/// version and nonce. Nothing is submitted until the operator says yes.
public struct PreparedExtrinsic: Sendable {
    public let action: ActionCall
    public let extrinsic: SignedExtrinsic
    /// The fee estimate, or why there is none (an estimate is advisory; it does not block).
    public let fee: Result<FeeEstimate, FeeUnavailable>
    public let chainName: String
    public let specName: String
    public let signerAddress: String
    public let birthBlock: UInt64
    public let eraPeriodBlocks: UInt64
    public let metadata: RuntimeMetadataV14

    /// Why the fee could not be estimated.
    public struct FeeUnavailable: Error, Sendable, Hashable { public let reason: String }

    /// The confirmation, one line per fact; no secret is in it (the key is not here at all).
    public var confirmationLines: [String] {
        let p = extrinsic.parameters
        let feeText: String
        switch fee {
        case .success(let f): feeText = "\(PHA.format(f.partialFeePlanck, .init(maxFractionDigits: 6))) (estimated, \(f.dispatchClass))"
        case .failure(let e): feeText = "unavailable (\(e.reason))"
        }
        return [
            "Action:  \(action.summary)",
            "Call:    \(extrinsic.call.pallet).\(extrinsic.call.name) \(Hex.encode(extrinsic.call.bytes.prefix(2)))",
            "Signer:  \(signerAddress) (\(extrinsic.scheme.rawValue))",
            "Fee:     \(feeText)",
            "Chain:   \(chainName), \(specName) spec \(p.specVersion), transaction version \(p.transactionVersion)",
            "Nonce:   \(p.nonce)",
            "Valid:   \(eraPeriodBlocks) blocks from #\(birthBlock)",
        ]
    }
}

extension ExtrinsicClient {
    /// Reads what signing needs from the node (metadata, runtime version,
    /// genesis and best block, chain name, the signer's next nonce), signs
    /// `action` with a mortal era born at the best block, and estimates its fee.
    public func prepare(_ action: ActionCall, signer: KeyPair, eraPeriodBlocks: UInt64 = 64,
                        tipPlanck: UInt128 = 0) async throws -> PreparedExtrinsic {
        let c = try await signingContext(signerPublicKey: signer.publicKey, eraPeriodBlocks: eraPeriodBlocks,
                                         tipPlanck: tipPlanck)
        let builder = try ExtrinsicBuilder(metadata: c.metadata)
        let xt = try builder.sign(action, signer: signer, parameters: c.parameters)
        let fee = await estimatedFee(xt.bytes, metadata: c.metadata)
        return PreparedExtrinsic(action: action, extrinsic: xt, fee: fee, chainName: c.chainName, specName: c.specName,
                                 signerAddress: c.signerAddress, birthBlock: c.birthBlock,
                                 eraPeriodBlocks: c.eraPeriodBlocks, metadata: c.metadata)
    }

    /// `System.SS58Prefix` from the metadata's constants (42, the generic prefix, when absent).
    public static func ss58Prefix(_ metadata: RuntimeMetadataV14) -> UInt16 {
        guard let c = metadata.constant(pallet: "System", name: "SS58Prefix"), c.value.count == 2 else { return 42 }
        return UInt16(c.value[0]) | UInt16(c.value[1]) << 8
    }
}
