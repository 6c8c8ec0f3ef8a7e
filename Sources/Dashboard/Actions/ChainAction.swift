import MiningCore

/// The chain actions an operator takes from the dashboard (OPERATORS.md
/// need 6; PROTOCOL.md §2 names the calls), as values `reduce` emits in an
/// `Effect`. The executable maps them to the engine's calls; this module
/// only describes them in words for the confirmation.
public enum ChainAction: Hashable, Sendable {
    /// `PhalaRegistry.register_worker_v2` with the material the worker's
    /// pRuntime hands out (read and verified by the run loop while preparing);
    /// `operator_` becomes the worker's operator (the pool owner, §2 `add_worker`).
    case registerWorker(worker: WorkerKey, pruntime: String, operator_: AccountID?)
    case addWorker(pid: UInt64, worker: WorkerKey)
    case startComputing(pid: UInt64, worker: WorkerKey, stakePlanck: UInt128)
    case stopComputing(pid: UInt64, worker: WorkerKey)
    case reclaimPoolWorker(pid: UInt64, worker: WorkerKey)
    case restartComputing(pid: UInt64, worker: WorkerKey, stakePlanck: UInt128)
    /// `Utility.batch_all`: all the calls or none (marked workers, §2).
    indirect case batchAll([ChainAction])

    /// `Pallet.call` as the metadata names it.
    public var callPath: String {
        switch self {
        case .registerWorker: return "PhalaRegistry.register_worker_v2"
        case .addWorker: return "PhalaStakePoolv2.add_worker"
        case .startComputing: return "PhalaStakePoolv2.start_computing"
        case .stopComputing: return "PhalaStakePoolv2.stop_computing"
        case .reclaimPoolWorker: return "PhalaStakePoolv2.reclaim_pool_worker"
        case .restartComputing: return "PhalaStakePoolv2.restart_computing"
        case .batchAll: return "Utility.batch_all"
        }
    }

    /// The workers the action touches, in call order.
    public var workers: [WorkerKey] {
        switch self {
        case .addWorker(_, let w), .startComputing(_, let w, _), .stopComputing(_, let w),
             .reclaimPoolWorker(_, let w), .restartComputing(_, let w, _), .registerWorker(let w, _, _):
            return [w]
        case .batchAll(let calls): return calls.flatMap(\.workers)
        }
    }

    /// The arguments in words, e.g. `pool 3, worker rig-01 (0x1234…abcd), stake 5,000 PHA`.
    public func argumentsText(names: [WorkerKey: String]) -> String {
        func worker(_ w: WorkerKey) -> String {
            let short = Format.shortKey(w)
            return names[w].map { "\($0) (\(short))" } ?? short
        }
        func stake(_ p: UInt128) -> String { PHA.format(p, .init(maxFractionDigits: 12)) }
        switch self {
        case .registerWorker(let w, let url, let op):
            return "worker \(worker(w)), material from its pRuntime \(url)"
                + (op.map { ", operator \(Format.shortAccount($0))" } ?? "")
        case .addWorker(let pid, let w), .stopComputing(let pid, let w), .reclaimPoolWorker(let pid, let w):
            return "pool \(pid), worker \(worker(w))"
        case .startComputing(let pid, let w, let s), .restartComputing(let pid, let w, let s):
            return "pool \(pid), worker \(worker(w)), stake \(stake(s))"
        case .batchAll(let calls):
            return "\(calls.count) calls, all or nothing"
        }
    }

    /// The call in words, one line per call (a batch lists its calls).
    public func describedLines(names: [WorkerKey: String]) -> [String] {
        switch self {
        case .batchAll(let calls):
            return ["\(callPath): \(argumentsText(names: names))"]
                + calls.enumerated().map { "  \($0.offset + 1). \($0.element.callPath.split(separator: ".").last ?? ""): \($0.element.argumentsText(names: names))" }
        default:
            return ["\(callPath): \(argumentsText(names: names))"]
        }
    }

    /// One line for the transactions pane and the quit dialog.
    public func summary(names: [WorkerKey: String]) -> String {
        switch self {
        case .batchAll(let calls):
            let kinds = Set(calls.map { $0.callPath.split(separator: ".").last.map(String.init) ?? "" })
            return "batch_all: \(kinds.sorted().joined(separator: "+")) of \(calls.count) workers"
        default:
            let name = callPath.split(separator: ".").last.map(String.init) ?? callPath
            let w = workers.first.map { names[$0] ?? Format.shortKey($0) } ?? "?"
            switch self {
            case .startComputing(_, _, let s), .restartComputing(_, _, let s):
                return "\(name) \(w) \(PHA.format(s, .init(maxFractionDigits: 2)))"
            default:
                return "\(name) \(w)"
            }
        }
    }
}
