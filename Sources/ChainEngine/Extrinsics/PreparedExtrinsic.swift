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
        let metadata = try await self.metadata()
        let version = try await runtimeVersion()
        let genesis = try await blockHash(0)
        let best = try await bestBlock()
        let chain = try await chainName()
        let prefix = Self.ss58Prefix(metadata)
        let nonce = try await nextIndex(account: signer.publicKey, ss58Prefix: prefix)
        let era = TransactionEra.mortal(period: eraPeriodBlocks, currentBlock: best.number)
        let birth = era.birth(current: best.number)
        let birthHash = birth == best.number ? best.hash : try await blockHash(birth)
        let params = SigningParameters(nonce: nonce, tipPlanck: tipPlanck, era: era, specVersion: version.specVersion,
                                       transactionVersion: version.transactionVersion, genesisHash: genesis,
                                       eraBirthHash: birthHash)
        let builder = try ExtrinsicBuilder(metadata: metadata)
        let xt = try builder.sign(action, signer: signer, parameters: params)
        let fee: Result<FeeEstimate, PreparedExtrinsic.FeeUnavailable>
        do { fee = .success(try await queryInfo(xt.bytes, metadata: metadata)) } catch {
            fee = .failure(.init(reason: "\(error)"))
        }
        let period: UInt64
        if case .mortal(let p, _) = era { period = p } else { period = 0 }
        return PreparedExtrinsic(action: action, extrinsic: xt, fee: fee, chainName: chain, specName: version.specName,
                                 signerAddress: (try? SS58.checkedEncode(signer.publicKey, prefix: prefix)) ?? Hex.encode(signer.publicKey),
                                 birthBlock: birth, eraPeriodBlocks: period, metadata: metadata)
    }

    /// `System.SS58Prefix` from the metadata's constants (42, the generic prefix, when absent).
    public static func ss58Prefix(_ metadata: RuntimeMetadataV14) -> UInt16 {
        guard let c = metadata.constant(pallet: "System", name: "SS58Prefix"), c.value.count == 2 else { return 42 }
        return UInt16(c.value[0]) | UInt16(c.value[1]) << 8
    }
}
