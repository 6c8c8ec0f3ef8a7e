import ChainEngine
import Dashboard

extension ChainAction {
    /// The engine's call for this action (PROTOCOL.md §2); registration needs
    /// the pRuntime's material first (`ActionExecutor.resolve`).
    var actionCall: ActionCall {
        switch self {
        case .registerWorker: return .batchAll([])  // resolved before use; never encoded as is
        case .addWorker(let pid, let w): return .addWorker(pid: pid, worker: w)
        case .startComputing(let pid, let w, let s): return .startComputing(pid: pid, worker: w, stakePlanck: s)
        case .stopComputing(let pid, let w): return .stopComputing(pid: pid, worker: w)
        case .reclaimPoolWorker(let pid, let w): return .reclaimPoolWorker(pid: pid, worker: w)
        case .restartComputing(let pid, let w, let s): return .restartComputing(pid: pid, worker: w, stakePlanck: s)
        case .batchAll(let calls): return .batchAll(calls.map(\.actionCall))
        }
    }
}
