import ChainCrypto
import MiningCore
import Scale

/// What the node says an extrinsic of `signerPublicKey` needs before it is
/// signed (issue 8): metadata, runtime version, chain name, the signer's next
/// nonce and a mortal era born at the best block. Read once, in one place,
/// for both a signed `PreparedExtrinsic` and an unsigned `ExtrinsicDraft`.
struct SigningContext: Sendable {
    let metadata: RuntimeMetadataV14
    let specName: String
    let chainName: String
    let parameters: SigningParameters
    /// The signer's SS58 address with the chain's prefix (hex if it does not encode).
    let signerAddress: String
    let birthBlock: UInt64
    let eraPeriodBlocks: UInt64
}

extension ExtrinsicClient {
    /// Reads the signing context: metadata, runtime version, genesis and best
    /// block, chain name, the signer's next nonce; the era is mortal, born at the best block.
    func signingContext(signerPublicKey: [UInt8], eraPeriodBlocks: UInt64, tipPlanck: UInt128) async throws
        -> SigningContext
    {
        let metadata = try await self.metadata()
        let version = try await runtimeVersion()
        let genesis = try await blockHash(0)
        let best = try await bestBlock()
        let chain = try await chainName()
        let prefix = Self.ss58Prefix(metadata)
        let nonce = try await nextIndex(account: signerPublicKey, ss58Prefix: prefix)
        let era = TransactionEra.mortal(period: eraPeriodBlocks, currentBlock: best.number)
        let birth = era.birth(current: best.number)
        let birthHash = birth == best.number ? best.hash : try await blockHash(birth)
        let params = SigningParameters(nonce: nonce, tipPlanck: tipPlanck, era: era, specVersion: version.specVersion,
                                       transactionVersion: version.transactionVersion, genesisHash: genesis,
                                       eraBirthHash: birthHash)
        let period: UInt64
        if case .mortal(let p, _) = era { period = p } else { period = 0 }
        return SigningContext(metadata: metadata, specName: version.specName, chainName: chain, parameters: params,
                              signerAddress: (try? SS58.checkedEncode(signerPublicKey, prefix: prefix)) ?? Hex.encode(signerPublicKey),
                              birthBlock: birth, eraPeriodBlocks: period)
    }

    /// The fee `TransactionPaymentApi_query_info` gives for `extrinsic`, or why there is none (advisory, never thrown).
    func estimatedFee(_ extrinsic: [UInt8], metadata: RuntimeMetadataV14) async
        -> Result<FeeEstimate, PreparedExtrinsic.FeeUnavailable>
    {
        do { return .success(try await queryInfo(extrinsic, metadata: metadata)) } catch {
            return .failure(.init(reason: "\(error)"))
        }
    }
}
