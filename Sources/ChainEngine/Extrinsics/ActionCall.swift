import MiningCore
import Scale

/// An operator action as a typed value (PROTOCOL.md §2; issue 8): what the
/// dashboard's `Effect` and `khalatop tx` hand to the engine, what the
/// confirmation describes in words, and what `CallEncoder` turns into call
/// bytes through the live metadata.
public enum ActionCall: Sendable, Hashable {
    /// `PhalaRegistry.register_worker_v2(pruntime_info, attestation)`, both as
    /// the SCALE bytes the pRuntime hands out (`WorkerRegistrationInfoV2`,
    /// `Option<AttestationReport>`).
    case registerWorkerV2(pruntimeInfo: [UInt8], attestation: [UInt8])
    case addWorker(pid: UInt64, worker: WorkerKey)
    case startComputing(pid: UInt64, worker: WorkerKey, stakePlanck: UInt128)
    case stopComputing(pid: UInt64, worker: WorkerKey)
    case reclaimPoolWorker(pid: UInt64, worker: WorkerKey)
    case restartComputing(pid: UInt64, worker: WorkerKey, stakePlanck: UInt128)
    case removeWorker(pid: UInt64, worker: WorkerKey)
    /// `Utility.batch_all(calls)`: all or nothing.
    indirect case batchAll([ActionCall])

    public var palletName: String {
        switch self {
        case .registerWorkerV2: return "PhalaRegistry"
        case .batchAll: return "Utility"
        default: return "PhalaStakePoolv2"
        }
    }

    public var callName: String {
        switch self {
        case .registerWorkerV2: return "register_worker_v2"
        case .addWorker: return "add_worker"
        case .startComputing: return "start_computing"
        case .stopComputing: return "stop_computing"
        case .reclaimPoolWorker: return "reclaim_pool_worker"
        case .restartComputing: return "restart_computing"
        case .removeWorker: return "remove_worker"
        case .batchAll: return "batch_all"
        }
    }

    /// The worker the action is about (nil for a batch).
    public var worker: WorkerKey? {
        switch self {
        case .addWorker(_, let w), .startComputing(_, let w, _), .stopComputing(_, let w),
             .reclaimPoolWorker(_, let w), .restartComputing(_, let w, _), .removeWorker(_, let w):
            return w
        case .registerWorkerV2, .batchAll: return nil
        }
    }

    /// The call in words for a confirmation, e.g.
    /// `start_computing: pool 3, worker 0x1234…abcd, stake 5,000 PHA`.
    public var summary: String {
        func short(_ w: WorkerKey) -> String {
            let h = w.hex
            return h.count > 10 ? "\(h.prefix(6))…\(h.suffix(4))" : h
        }
        func stake(_ p: UInt128) -> String { PHA.format(p, .init(maxFractionDigits: 12)) }
        switch self {
        case .registerWorkerV2(let info, let att):
            return "register_worker_v2: registration info \(info.count) bytes, attestation \(att.count) bytes"
        case .addWorker(let pid, let w): return "add_worker: pool \(pid), worker \(short(w))"
        case .startComputing(let pid, let w, let s): return "start_computing: pool \(pid), worker \(short(w)), stake \(stake(s))"
        case .stopComputing(let pid, let w): return "stop_computing: pool \(pid), worker \(short(w))"
        case .reclaimPoolWorker(let pid, let w): return "reclaim_pool_worker: pool \(pid), worker \(short(w))"
        case .restartComputing(let pid, let w, let s):
            return "restart_computing: pool \(pid), worker \(short(w)), stake \(stake(s))"
        case .removeWorker(let pid, let w): return "remove_worker: pool \(pid), worker \(short(w))"
        case .batchAll(let calls):
            return "batch_all of \(calls.count): " + calls.map(\.summary).joined(separator: "; ")
        }
    }

    /// Named arguments as the Phala pallets declare them (PROTOCOL.md §2).
    func arguments(_ encoder: CallEncoder) throws(ExtrinsicError) -> [(name: String, value: CallArgument)] {
        switch self {
        case .registerWorkerV2(let info, let att):
            return [("pruntime_info", .encoded(info)), ("attestation", .encoded(att))]
        case .addWorker(let pid, let w):
            return [("pid", .unsigned(UInt128(pid))), ("pubkey", .bytes(w.bytes))]
        case .startComputing(let pid, let w, let s), .restartComputing(let pid, let w, let s):
            return [("pid", .unsigned(UInt128(pid))), ("worker", .bytes(w.bytes)), ("stake", .unsigned(s))]
        case .stopComputing(let pid, let w), .reclaimPoolWorker(let pid, let w), .removeWorker(let pid, let w):
            return [("pid", .unsigned(UInt128(pid))), ("worker", .bytes(w.bytes))]
        case .batchAll(let calls):
            var encoded: [EncodedCall] = []
            for c in calls { encoded.append(try c.encode(with: encoder)) }
            return [("calls", .calls(encoded))]
        }
    }

    /// The call bytes through `encoder`'s metadata.
    public func encode(with encoder: CallEncoder) throws(ExtrinsicError) -> EncodedCall {
        try encoder.encode(pallet: palletName, call: callName, arguments: try arguments(encoder))
    }
}
