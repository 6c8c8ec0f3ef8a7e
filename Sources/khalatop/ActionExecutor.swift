import ChainCrypto
import ChainEngine
import Dashboard
import Foundation
import Logging
import MiningCore
import Scale
import SubstrateRPC
import TermUINCurses

/// Performs the dashboard's action requests (issue 8) off the terminal
/// thread: `prepare` drafts the extrinsic without signing it (nonce, fee,
/// chain, runtime) and posts `.actionPrepared`; `submit` (only ever after the
/// operator's `y`) signs that draft, submits it and posts each status and
/// the decoded outcome as `.transactionProgressed`; `discard` forgets it.
///
/// Each action has its own node connection, opened by `prepare` and closed
/// after its last status, so the engine reconnecting (or failing over) does
/// not touch an extrinsic being followed, and the transactions pane keeps
/// its entries.
actor ActionExecutor {
    private struct Pending {
        let draft: ExtrinsicDraft
        let rpc: RPCClient
    }

    let endpoints: [String]
    let signer: DashboardSigner
    let mailbox: Mailbox<Msg>
    let logger: Logger
    var eraPeriodBlocks: UInt64 = 64
    private var pending: [ActionID: Pending] = [:]
    private var discarded: Set<ActionID> = []
    private var running: [ActionID: Task<Void, Never>] = [:]

    init(endpoints: [String], signer: DashboardSigner, mailbox: Mailbox<Msg>, logger: Logger) {
        self.endpoints = endpoints
        self.signer = signer
        self.mailbox = mailbox
        self.logger = logger
    }

    /// Entry point from the run loop (any thread).
    nonisolated func handle(_ request: ActionRequest) {
        Task { await self.perform(request) }
    }

    func perform(_ request: ActionRequest) async {
        switch request {
        case .prepare(let id, let action):
            await prepare(id, action)
        case .submit(let id):
            submit(id)
        case .discard(let id):
            discarded.insert(id)
            if let p = pending.removeValue(forKey: id) { await p.rpc.disconnect() }
            logger.info("action \(id) cancelled; nothing was signed")
        }
    }

    /// Stops following every extrinsic and closes their connections.
    func shutdown() async {
        for (_, task) in running { task.cancel() }
        for (_, task) in running { await task.value }
        running = [:]
        for (_, p) in pending { await p.rpc.disconnect() }
        pending = [:]
    }

    func prepare(_ id: ActionID, _ action: ChainAction) async {
        let call = action.actionCall
        logger.info("action \(id) preparing: \(call.summary)")
        var lastError = "no endpoint"
        for url in endpoints {
            let rpc = RPCClient()
            do {
                try await rpc.connect(url: url)
                let draft = try await ExtrinsicClient(client: rpc).draft(call, signerPublicKey: signer.keyPair.publicKey,
                                                                         scheme: signer.keyPair.scheme,
                                                                         eraPeriodBlocks: eraPeriodBlocks)
                if discarded.contains(id) {
                    await rpc.disconnect()
                    return
                }
                pending[id] = Pending(draft: draft, rpc: rpc)
                mailbox.post(.actionPrepared(id, Self.preview(draft)))
                return
            } catch {
                await rpc.disconnect()
                lastError = "\(error)"
                logger.notice("action \(id): preparing on \(url) failed: \(error)")
            }
        }
        mailbox.post(.actionPreparationFailed(id, reason: lastError))
    }

    /// Signs the prepared draft and follows it in a task of its own.
    func submit(_ id: ActionID) {
        guard let p = pending.removeValue(forKey: id) else {
            mailbox.post(.transactionProgressed(id, TransactionProgress(status: .invalid, detail: "no prepared draft (already sent or discarded)")))
            return
        }
        let signed: SignedExtrinsic
        do {
            signed = try p.draft.sign(with: signer.keyPair)
        } catch {
            mailbox.post(.transactionProgressed(id, TransactionProgress(status: .invalid, detail: "\(error)")))
            Task { await p.rpc.disconnect() }
            return
        }
        let hash = Hex.encode(signed.hash)
        logger.info("action \(id) signed and submitted: \(p.draft.action.summary), hash \(hash), nonce \(signed.parameters.nonce)")
        let short = "\(hash.prefix(8))…\(hash.suffix(4))"
        mailbox.post(.transactionProgressed(id, TransactionProgress(status: .submitted, hash: short)))
        let mailbox = self.mailbox
        let logger = self.logger
        running[id] = Task {
            await Self.follow(id, signed: signed, metadata: p.draft.metadata, rpc: p.rpc, mailbox: mailbox, logger: logger)
            await p.rpc.disconnect()
            await self.finished(id)
        }
    }

    private func finished(_ id: ActionID) { running[id] = nil }

    /// Posts each status until a final one, with the outcome read from the block's events.
    static func follow(_ id: ActionID, signed: SignedExtrinsic, metadata: RuntimeMetadataV14, rpc: RPCClient,
                       mailbox: Mailbox<Msg>, logger: Logger) async {
        let client = ExtrinsicClient(client: rpc)
        func post(_ p: TransactionProgress) { mailbox.post(.transactionProgressed(id, p)) }
        func outcome(_ blockHash: [UInt8]) async -> (TransactionEntry.Outcome?, UInt32?) {
            let number = try? await blockNumber(blockHash, rpc: rpc)
            do {
                switch try await client.outcome(of: signed.bytes, inBlock: blockHash, metadata: metadata) {
                case .success: return (.success, number)
                case .failed(let f): return (.failed(f.description), number)
                }
            } catch {
                logger.notice("action \(id): outcome not readable: \(error)")
                return (nil, number)
            }
        }
        do {
            for try await status in try await client.submitAndWatch(signed.bytes) {
                logger.info("action \(id): \(status)")
                switch status {
                case .ready, .broadcast:
                    post(TransactionProgress(status: .ready))
                case .future:
                    post(TransactionProgress(status: .ready, detail: "waiting for an earlier nonce"))
                case .retracted:
                    post(TransactionProgress(status: .ready, detail: "its block was retracted"))
                case .inBlock(let hash):
                    let (o, n) = await outcome(hash)
                    post(TransactionProgress(status: .inBlock, outcome: o, blockNumber: n))
                case .finalized(let hash):
                    let (o, n) = await outcome(hash)
                    post(TransactionProgress(status: .finalized, outcome: o, blockNumber: n))
                    return
                case .usurped:
                    post(TransactionProgress(status: .dropped, detail: "usurped by another extrinsic with the same nonce"))
                    return
                case .dropped:
                    post(TransactionProgress(status: .dropped, detail: "dropped from the transaction pool"))
                    return
                case .invalid:
                    post(TransactionProgress(status: .invalid, detail: "the node found it invalid"))
                    return
                case .finalityTimeout:
                    post(TransactionProgress(status: .unknown, detail: "finality timeout"))
                    return
                }
            }
            post(TransactionProgress(status: .unknown, detail: "the node stopped reporting before finality"))
        } catch let RPCClientError.rpcError(code, message, data) {
            let extra = data?.stringValue.map { ": \($0)" } ?? ""
            post(TransactionProgress(status: .invalid, detail: "refused by the node (\(code)): \(message)\(extra)"))
        } catch is CancellationError {
            post(TransactionProgress(status: .unknown, detail: "no longer followed"))
        } catch {
            post(TransactionProgress(status: .unknown, detail: "connection lost before a final status: \(error)"))
        }
    }

    static func blockNumber(_ hash: [UInt8], rpc: RPCClient) async throws -> UInt32 {
        let r = try await rpc.call(SubstrateMethods.chainGetHeader, params: .array([.hex(hash)]))
        return UInt32(truncatingIfNeeded: try RPCHeader(json: r).number)
    }

    /// The dashboard's view of a draft: no key material, only what the confirmation shows.
    static func preview(_ d: ExtrinsicDraft) -> ActionPreview {
        let feeText: String
        switch d.fee {
        case .success(let f): feeText = "\(PHA.format(f.partialFeePlanck, .init(maxFractionDigits: 6))) (estimated, \(f.dispatchClass))"
        case .failure(let e): feeText = "unavailable (\(e.reason))"
        }
        return ActionPreview(
            encodedCall: "\(d.call.pallet).\(d.call.name) \(Hex.encode(d.call.bytes.prefix(2))), \(d.call.bytes.count) bytes",
            signerAddress: "\(d.signerAddress) (\(d.scheme.rawValue))", feeText: feeText,
            chainName: d.chainName, specName: d.specName, specVersion: d.parameters.specVersion,
            transactionVersion: d.parameters.transactionVersion, nonce: d.parameters.nonce,
            validity: d.eraPeriodBlocks > 0 ? "\(d.eraPeriodBlocks) blocks from #\(d.birthBlock)" : "immortal")
    }
}

extension ChainAction {
    /// The engine's call for this action (PROTOCOL.md §2).
    var actionCall: ActionCall {
        switch self {
        case .addWorker(let pid, let w): return .addWorker(pid: pid, worker: w)
        case .startComputing(let pid, let w, let s): return .startComputing(pid: pid, worker: w, stakePlanck: s)
        case .stopComputing(let pid, let w): return .stopComputing(pid: pid, worker: w)
        case .reclaimPoolWorker(let pid, let w): return .reclaimPoolWorker(pid: pid, worker: w)
        case .restartComputing(let pid, let w, let s): return .restartComputing(pid: pid, worker: w, stakePlanck: s)
        case .batchAll(let calls): return .batchAll(calls.map(\.actionCall))
        }
    }
}
