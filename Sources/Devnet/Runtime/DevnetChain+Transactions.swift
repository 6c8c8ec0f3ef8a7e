import Scale

/// Why `author_submitExtrinsic` refused an extrinsic, with the JSON-RPC code
/// and text a Substrate node uses (1001 bad format, 1010 invalid, 1013 known).
public struct TransactionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: Int
    public var message: String
    public var data: String

    static func invalid(_ data: String) -> TransactionError {
        TransactionError(code: 1010, message: "Invalid Transaction", data: data)
    }

    public var description: String { "\(message) (\(code)): \(data)" }
}

extension DevnetChain {
    /// A flat fee per extrinsic plus a per-byte part, in planck (what `query_info` reports).
    /// Most extrinsics waiting in the pool (bounded memory, issue 5).
    public static let maxPoolTransactions = 4096

    public static func partialFee(length: Int) -> UInt128 { 1_000_000_000 + UInt128(length) * 1_000_000 }

    /// Validates a signed extrinsic (format, signature over the signing
    /// payload, era and genesis, nonce, fee) and queues it for the next block.
    /// Returns its hash.
    @discardableResult
    public func submit(_ bytes: [UInt8]) throws(TransactionError) -> [UInt8] {
        let x: UncheckedExtrinsic
        do {
            x = try UncheckedExtrinsic(bytes: bytes)
        } catch {
            throw TransactionError(code: 1001, message: "Extrinsic has invalid format", data: "\(error)")
        }
        guard let sig = x.signature else { throw .invalid("Transaction call is not expected") }
        guard (try? codec.decode(type: DevnetMetadata.runtimeCallTypeId, from: x.call)) != nil else {
            throw .invalid("Transaction call is not expected")
        }
        guard !txPool.contains(where: { $0.hash == x.hash }) else {
            throw TransactionError(code: 1013, message: "Transaction Already Imported", data: "")
        }
        try checkSignature(x, sig, at: headNumber + 1)
        let account = state.accounts[sig.signer]
        guard sig.nonce >= account?.nonce ?? 0 else { throw .invalid("Transaction is outdated") }
        guard (account?.freePlanck ?? 0) >= Self.partialFee(length: x.encoded.count) + sig.tipPlanck else {
            throw .invalid("Inability to pay some fees (e.g. account balance too low)")
        }
        guard txPool.count < Self.maxPoolTransactions else {
            throw TransactionError(code: 1016, message: "Immediately Dropped",
                                   data: "The transaction couldn't enter the pool because of the limit")
        }
        txPool.append(x)
        return x.hash
    }

    /// Signature, era and genesis (`CheckGenesis`, `CheckMortality`, `CheckSpecVersion`, `CheckTxVersion`).
    func checkSignature(_ x: UncheckedExtrinsic, _ sig: UncheckedExtrinsic.Signature, at number: UInt32) throws(TransactionError) {
        let birth = sig.era.birth(current: UInt64(number))
        guard UInt64(number) < sig.era.death(current: UInt64(number)) else { throw .invalid("Transaction is outdated") }
        guard birth <= UInt64(headNumber), let birthBlock = blocks.block(number: UInt32(birth)) else {
            throw .invalid("Transaction has an ancient birth block")
        }
        let payload = UncheckedExtrinsic.signingPayload(
            call: x.call, extra: sig.extra, specVersion: runtimeVersion.specVersion,
            transactionVersion: runtimeVersion.transactionVersion, genesisHash: genesisHash, birthHash: birthBlock.hash)
        guard let verifier,
              let ok = verifier.verify(scheme: sig.scheme, signature: sig.signature, message: payload, publicKey: sig.signer),
              ok else {
            throw .invalid("Transaction has a bad signature")
        }
    }

    /// Applies a pooled extrinsic if its nonce is due: fee, call (restored on
    /// error), events. Returns false to keep it waiting (future nonce).
    func applyUser(_ x: UncheckedExtrinsic, index: UInt32, number: UInt32) -> Bool {
        guard let sig = x.signature else { return false }
        var account = state.accounts[sig.signer] ?? AccountInfo()
        guard sig.nonce == account.nonce else { return false }
        let fee = Self.partialFee(length: x.encoded.count) + sig.tipPlanck
        guard account.freePlanck >= fee else { return false }
        state.phase = .applyExtrinsic(index)
        account.nonce += 1
        account.freePlanck -= fee
        state.putAccount(sig.signer, account)
        state.deposit(.withdraw(who: sig.signer, amount: fee))
        let saved = state
        do {
            try dispatch(call: x.call, origin: sig.signer, unsigned: false)
            state.deposit(.transactionFeePaid(who: sig.signer, actualFee: fee, tip: sig.tipPlanck))
            state.deposit(.extrinsicSuccess(.normal))
        } catch {
            state = saved
            state.deposit(.transactionFeePaid(who: sig.signer, actualFee: fee, tip: sig.tipPlanck))
            state.deposit(.extrinsicFailed(error, .normal))
        }
        return true
    }

    /// Whether a waiting extrinsic may still be included later (not stale, not dead).
    func isStillValid(_ x: UncheckedExtrinsic, number: UInt32) -> Bool {
        guard let sig = x.signature else { return false }
        return sig.nonce >= (state.accounts[sig.signer]?.nonce ?? 0)
            && UInt64(number + 1) < sig.era.death(current: UInt64(number + 1))
    }
}
