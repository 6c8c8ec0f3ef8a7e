import MiningCore
import TermUI

/// Action keys, their dialogs and the run loop's reports (issue 8). The only
/// `.submit` effect comes from the `y` of a confirmation showing a prepared
/// draft; every other key in that dialog cancels and discards it.
extension AppState {
    /// An action key (`a g x c R r`): refuse with a reason, ask for the
    /// stake, or start preparing.
    mutating func beginAction(_ kind: ActionKind) -> [Effect] {
        switch plan(kind) {
        case .failure(let refusal):
            notice = Notice(refusal.text)
            return []
        case .success(let targets):
            if kind.needsStake {
                actionDialog = .stakeInput(stakeInput(kind, targets: targets))
                overlay = .action
                return []
            }
            let calls: [ChainAction] = targets.map { t in
                switch kind {
                case .register: return .registerWorker(worker: t.worker, pruntime: t.pruntime ?? "", operator_: t.operator_)
                case .add: return .addWorker(pid: t.pid, worker: t.worker)
                case .stop: return .stopComputing(pid: t.pid, worker: t.worker)
                default: return .reclaimPoolWorker(pid: t.pid, worker: t.worker)
                }
            }
            actionWarnings = []
            return prepare(calls.count == 1 ? calls[0] : .batchAll(calls))
        }
    }

    /// Opens the "preparing" dialog and asks the run loop for a draft.
    mutating func prepare(_ action: ChainAction) -> [Effect] {
        let id = nextActionID
        nextActionID = ActionID(id.value + 1)
        actionDialog = .preparing(id, action)
        overlay = .action
        return [.action(.prepare(id, action))]
    }

    /// Keys while an action dialog is open.
    mutating func handleActionDialog(_ key: Key) -> [Effect] {
        guard let dialog = actionDialog else { overlay = nil; return [] }
        switch dialog {
        case .stakeInput(var input):
            switch key {
            case .escape:
                closeActionDialog()
                notice = Notice("\(input.kind.verb) cancelled: nothing was signed", severity: .info)
            case .enter:
                let stake: UInt128
                do {
                    stake = try PHA.parse(input.editor.text)
                } catch {
                    input.error = input.editor.text.isEmpty ? "type the stake in PHA, e.g. 5000" : "\(error)"
                    actionDialog = .stakeInput(input)
                    return []
                }
                guard stake > 0 else {
                    input.error = "the stake must be more than 0 PHA"
                    actionDialog = .stakeInput(input)
                    return []
                }
                let calls: [ChainAction] = input.targets.map { t in
                    input.kind == .restart
                        ? .restartComputing(pid: t.pid, worker: t.worker, stakePlanck: stake)
                        : .startComputing(pid: t.pid, worker: t.worker, stakePlanck: stake)
                }
                actionWarnings = input.warnings(stakePlanck: stake)
                return prepare(calls.count == 1 ? calls[0] : .batchAll(calls))
            default:
                input.editor.apply(key)
                input.error = nil
                actionDialog = .stakeInput(input)
            }
            return []
        case .preparing(let id, _):
            closeActionDialog()
            notice = Notice("cancelled while preparing: nothing was signed", severity: .info)
            return [.action(.discard(id))]
        case .confirm(let id, let action, _):
            closeActionDialog()
            guard key == .char("y") || key == .char("Y") else {
                notice = Notice("cancelled: nothing was signed or sent", severity: .info)
                return [.action(.discard(id))]
            }
            let entry = TransactionEntry(id: id, summary: action.summary(names: config.workerNames),
                                         submittedAtBlock: fleet.currentBlock)
            transactions.insert(entry, at: 0)
            if transactions.count > AppState.maxTransactions {
                // Drop the oldest finished ones; never one still in flight.
                if let i = transactions.lastIndex(where: { !$0.inFlight }) { transactions.remove(at: i) }
            }
            marked.removeAll()
            notice = Notice("signed and submitted \(id): \(entry.summary)", severity: .info)
            return [.action(.submit(id))]
        case .failed:
            closeActionDialog()
            return []
        }
    }

    mutating func closeActionDialog() {
        actionDialog = nil
        if overlay == .action { overlay = nil }
    }

    /// The run loop's answer to `.prepare`.
    mutating func actionPrepared(_ id: ActionID, _ preview: ActionPreview) -> [Effect] {
        guard case .preparing(let pending, let action)? = actionDialog, pending == id else {
            return [.action(.discard(id))]  // cancelled meanwhile: never shown, never signed
        }
        actionDialog = .confirm(id, action, preview)
        return []
    }

    mutating func actionPreparationFailed(_ id: ActionID, reason: String) {
        guard case .preparing(let pending, let action)? = actionDialog, pending == id else { return }
        actionDialog = .failed(action, reason: reason)
    }

    /// A status of a submitted extrinsic; final ones go to the event log too.
    mutating func transactionProgressed(_ id: ActionID, _ p: TransactionProgress) -> [Effect] {
        guard let i = transactions.firstIndex(where: { $0.id == id }) else { return [] }
        var entry = transactions[i]
        let wasFinal = entry.status.isFinal
        // A late non-final report never moves a finished entry back.
        if !wasFinal || p.status.isFinal { entry.status = p.status }
        if let o = p.outcome { entry.outcome = o }
        entry.detail = p.detail  // each report says why now (a lost connection that recovered says nothing more)
        if let h = p.hash { entry.hash = h }
        if let b = p.blockNumber { entry.includedInBlock = b }
        transactions[i] = entry
        if !wasFinal, entry.status.isFinal {
            let text: String
            let severity: LogEntry.Severity
            switch (entry.status, entry.outcome) {
            case (.finalized, .success?):
                text = "\(entry.summary): finalized, success"
                severity = .good
            case (_, .failed(let error)?):
                text = "\(entry.summary): failed: \(error)"
                severity = .bad
            default:
                text = "\(entry.summary): \(entry.status.text)" + (entry.detail.map { ": \($0)" } ?? "")
                severity = .bad
            }
            log(LogEntry(block: entry.includedInBlock ?? fleet.currentBlock, text: text, severity: severity))
        }
        if actionsInFlight.isEmpty, overlay == .confirmQuit, quitRequested { return [.quit] }
        return []
    }
}
