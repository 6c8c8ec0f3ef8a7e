import MiningCore
import TermUI

/// The one writer of `AppState` (STYLE.md principle 1): the next state and
/// the effects to perform, from the current state and one message.
public func reduce(_ state: AppState, _ msg: Msg) -> (AppState, [Effect]) {
    var next = state
    let effects = reduce(&next, msg)
    return (next, effects)
}

/// The in-place form of `reduce`, for the run loop that owns the only copy
/// (no copy-on-write of a 10,000-worker fleet per message).
public func reduce(_ state: inout AppState, _ msg: Msg) -> [Effect] {
    switch msg {
    case .keyPressed(let key):
        return state.handle(key)
    case .observationsArrived(let observations, let atMs):
        state.observe(observations, atMs: atMs)
    case .chainIdentified(let name, let specVersion):
        state.chainName = name
        state.specVersion = specVersion
    case .finalizedBlockObserved(let block):
        state.finalizedBlock = max(state.finalizedBlock ?? 0, block)
    case .connectionChanged(let connection):
        state.observe([.connectionChanged(connection)], atMs: nil)
    case .terminalResized(let size):
        state.size = size
        state.keepSelectionInView()
    case .tick(let nowMs):
        state.nowMs = max(state.nowMs ?? 0, nowMs)
    case .themeLoaded(let name, let problems):
        state.themeName = name
        state.themeProblems = problems
    case .signerIdentified(let signer):
        state.signer = signer
    case .actionPrepared(let id, let preview):
        return state.actionPrepared(id, preview)
    case .actionPreparationFailed(let id, let reason):
        state.actionPreparationFailed(id, reason: reason)
    case .transactionProgressed(let id, let progress):
        return state.transactionProgressed(id, progress)
    case .pruntimeStatusesPolled(let statuses):
        state.pruntimeStatuses = statuses
        state.pruntimePolledAtBlock = state.fleet.currentBlock
    }
    return []
}

extension AppState {
    mutating func observe(_ observations: [Observation], atMs: UInt64?) {
        let before = fleet.currentBlock
        for o in observations {
            if let entry = logEntry(for: o) { log(entry) }
            fleet.applyInPlace(o)
        }
        if let atMs, fleet.currentBlock != before {
            lastBlockArrivalMs = atMs
            if nowMs.map({ $0 < atMs }) ?? true { nowMs = atMs }
        }
        if !frozen { rederive() }
    }

    mutating func log(_ entry: LogEntry) {
        events.insert(entry, at: 0)
        if events.count > AppState.maxEvents { events.removeLast(events.count - AppState.maxEvents) }
        if eventOffset > 0 { eventOffset = min(eventOffset + 1, events.count - 1) }
    }

    /// The log line an observation deserves, before it is applied (the
    /// session → worker map is read from the fleet as it was).
    func logEntry(for o: Observation) -> LogEntry? {
        func worker(_ session: AccountID) -> WorkerKey? { fleet.sessionOwners[session] }
        func label(_ key: WorkerKey?) -> String {
            guard let key else { return "a session" }
            return workerNames[key] ?? Format.shortKey(key)
        }
        switch o {
        case .workerStarted(let session, _, _, let block):
            guard let w = worker(session) else { return nil }
            return LogEntry(block: block, worker: w, text: "\(label(w)) started computing", severity: .good)
        case .workerStopped(let session, let block):
            guard let w = worker(session) else { return nil }
            return LogEntry(block: block, worker: w, text: "\(label(w)) stopped; cool-down begins", severity: .warning)
        case .workerReclaimed(let session, let stake, let block):
            guard let w = worker(session) else { return nil }
            return LogEntry(block: block, worker: w, text: "\(label(w)) reclaimed \(Format.pha(stake))", severity: .info)
        case .workerEnteredUnresponsive(let session, let block):
            guard let w = worker(session) else { return nil }
            return LogEntry(block: block, worker: w, text: "\(label(w)) became unresponsive", severity: .bad)
        case .workerExitedUnresponsive(let session, let block):
            guard let w = worker(session) else { return nil }
            return LogEntry(block: block, worker: w, text: "\(label(w)) recovered", severity: .good)
        case .workerInfoChanged(let w, let info, let block):
            guard let record = fleet.workers[w] else { return nil }
            if info == nil, record.info != nil {
                return LogEntry(block: block, worker: w, text: "\(label(w)) no longer registered", severity: .bad)
            }
            if let info, record.info == nil, record.infoObserved {
                return LogEntry(block: block, worker: w, text: "\(label(w)) registered (runtime \(info.runtimeVersion))", severity: .good)
            }
            if let info, let old = record.info, old.initialScore == nil, let score = info.initialScore {
                return LogEntry(block: block, worker: w, text: "\(label(w)) benchmark in: initial score \(score)", severity: .info)
            }
            return nil
        case .assignmentChanged(let w, let pid, let block):
            guard let record = fleet.workers[w], record.pid != pid else { return nil }
            return LogEntry(block: block, worker: w,
                            text: pid.map { "\(label(w)) added to pool \($0)" } ?? "\(label(w)) removed from its pool")
        case .connectionChanged(let c):
            guard c != fleet.connection else { return nil }
            return LogEntry(block: fleet.currentBlock, text: "connection: \(Format.connection(c))",
                            severity: Format.connectionIsHealthy(c) ? .info : .warning)
        case .heartbeatPausedChanged(let paused):
            guard fleet.heartbeatPaused != paused else { return nil }
            return LogEntry(block: fleet.currentBlock, text: paused ? "heartbeat challenges paused by the chain" : "heartbeat challenges resumed",
                            severity: .warning)
        default:
            return nil
        }
    }
}
