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
    /// The node client's settings (the `--tls-ca` extra CA).
    let rpcConfiguration: RPCClientConfiguration
    /// Whether the chain accepts unattested (dev-mode) workers: a runtime
    /// constant not in the metadata, true only for the embedded devnet.
    let acceptUnattested: Bool
    var eraPeriodBlocks: UInt64 = 64
    private var pending: [ActionID: Pending] = [:]
    private var discarded: Set<ActionID> = []
    private var running: [ActionID: Task<Void, Never>] = [:]

    init(endpoints: [String], signer: DashboardSigner, mailbox: Mailbox<Msg>, logger: Logger,
         rpcConfiguration: RPCClientConfiguration = RPCClientConfiguration(), acceptUnattested: Bool = false) {
        self.rpcConfiguration = rpcConfiguration
        self.acceptUnattested = acceptUnattested
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
        logger.info("action \(id) preparing: \(action.summary(names: [:]))")
        var lastError = "no endpoint"
        for url in endpoints {
            let rpc = RPCClient(configuration: rpcConfiguration)
            do {
                try await rpc.connect(url: url)
                let (call, notes) = try await resolve(action, rpc: rpc)
                let draft = try await ExtrinsicClient(client: rpc).draft(call, signerPublicKey: signer.keyPair.publicKey,
                                                                         scheme: signer.keyPair.scheme,
                                                                         eraPeriodBlocks: eraPeriodBlocks)
                if discarded.contains(id) {
                    await rpc.disconnect()
                    return
                }
                pending[id] = Pending(draft: draft, rpc: rpc)
                var preview = Self.preview(draft)
                preview.notes = notes
                mailbox.post(.actionPrepared(id, preview))
                return
            } catch let error as ActionUnavailable {
                await rpc.disconnect()
                mailbox.post(.actionPreparationFailed(id, reason: error.reason))
                return
            } catch {
                await rpc.disconnect()
                lastError = "\(error)"
                logger.notice("action \(id): preparing on \(url) failed: \(error)")
            }
        }
        mailbox.post(.actionPreparationFailed(id, reason: lastError))
    }

    /// The engine call for `action`, with the facts checked on the way
    /// (registration reads and verifies its pRuntime's material first).
    func resolve(_ action: ChainAction, rpc: RPCClient) async throws -> (ActionCall, [String]) {
        switch action {
        case .registerWorker(let worker, let url, let op):
            return try await registration(worker: worker, pruntime: url, operator_: op, rpc: rpc)
        case .batchAll(let calls):
            var out: [ActionCall] = []
            var notes: [String] = []
            for c in calls {
                let (call, n) = try await resolve(c, rpc: rpc)
                out.append(call)
                notes += n
            }
            return (.batchAll(out), notes)
        default:
            return (action.actionCall, [])
        }
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
        let tracker = ExtrinsicTracker(endpoints: endpoints, clientConfiguration: rpcConfiguration)
        let draft = p.draft
        running[id] = Task {
            let updates = tracker.track(signed, metadata: draft.metadata, birthBlock: draft.birthBlock,
                                        eraPeriodBlocks: draft.eraPeriodBlocks, on: p.rpc)
            var final = false
            for await update in updates {
                logger.info("action \(id): \(Self.logText(update))")
                let progress = Self.progress(update)
                final = final || progress.status.isFinal
                mailbox.post(.transactionProgressed(id, progress))
            }
            if !final {
                mailbox.post(.transactionProgressed(id, TransactionProgress(status: .unknown, detail: "no longer followed")))
            }
            await p.rpc.disconnect()
            await self.finished(id)
        }
    }

    private func finished(_ id: ActionID) { running[id] = nil }

    /// The dashboard's form of a tracker update.
    static func progress(_ u: ExtrinsicTracker.Update) -> TransactionProgress {
        func outcome(_ o: DispatchOutcome?) -> TransactionEntry.Outcome? {
            switch o {
            case .success?: return .success
            case .failed(let f)?: return .failed(f.description)
            case nil: return nil
            }
        }
        func number(_ n: UInt64?) -> UInt32? { n.flatMap { UInt32(exactly: $0) } }
        switch u {
        case .status(let status, let o, let n):
            switch status {
            case .future: return TransactionProgress(status: .ready, detail: "waiting for an earlier nonce")
            case .ready, .broadcast: return TransactionProgress(status: .ready)
            case .retracted: return TransactionProgress(status: .ready, detail: "its block was retracted")
            case .inBlock: return TransactionProgress(status: .inBlock, outcome: outcome(o), blockNumber: number(n))
            case .finalized: return TransactionProgress(status: .finalized, outcome: outcome(o), blockNumber: number(n))
            case .usurped: return TransactionProgress(status: .dropped, detail: "usurped by another extrinsic with the same nonce")
            case .dropped: return TransactionProgress(status: .dropped, detail: "dropped from the transaction pool")
            case .invalid: return TransactionProgress(status: .invalid, detail: "the node found it invalid")
            case .finalityTimeout: return TransactionProgress(status: .unknown, detail: "finality timeout")
            }
        case .refused(let code, let message):
            return TransactionProgress(status: .invalid, detail: "refused by the node (\(code)): \(message)")
        case .connectionLost(let reason):
            return TransactionProgress(status: .ready, detail: "connection lost (\(reason)); looking for it in new blocks")
        case .foundAfterReconnect(_, let o, let n):
            return TransactionProgress(status: .finalized, outcome: outcome(o), blockNumber: number(n))
        case .expired(let last):
            return TransactionProgress(status: .dropped, detail: "not in any block up to #\(last): its era has ended")
        }
    }

    static func logText(_ u: ExtrinsicTracker.Update) -> String {
        switch u {
        case .status(let s, let o, let n): return "\(s)" + (n.map { " (#\($0))" } ?? "") + (o.map { ", \($0)" } ?? "")
        case .refused(let code, let message): return "refused (\(code)): \(message)"
        case .connectionLost(let reason): return "connection lost (\(reason)); searching finalized blocks"
        case .foundAfterReconnect(let hash, let o, let n): return "found in #\(n) \(Hex.encode(hash))" + (o.map { ", \($0)" } ?? "")
        case .expired(let last): return "not included up to #\(last); era over"
        }
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

/// An action this build cannot prepare, with the reason for the dialog.
struct ActionUnavailable: Error {
    let reason: String
}
