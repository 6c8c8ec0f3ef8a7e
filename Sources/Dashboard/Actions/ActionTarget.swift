import MiningCore

/// One worker an action applies to, with the pool it is done in.
public struct ActionTarget: Hashable, Sendable {
    public var pid: UInt64
    public var worker: WorkerKey
    /// Registration only: the worker's pRuntime endpoint and the operator to register with.
    public var pruntime: String?
    public var operator_: AccountID?
    public init(pid: UInt64, worker: WorkerKey, pruntime: String? = nil, operator_: AccountID? = nil) {
        self.pid = pid
        self.worker = worker
        self.pruntime = pruntime
        self.operator_ = operator_
    }
}
