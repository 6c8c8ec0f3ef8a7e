import MiningCore
import Scale

/// Storage bytes → `MiningCore` values for the hot maps the engine reads
/// per worker (issue 6): the typed fast path when this runtime's layout
/// matched (`FastLayouts`), else — or when the fast decoder gives up on a
/// value — the metadata-driven path, whose errors the caller reports with
/// the key. Absent values read as the entry's default bytes, if any.
extension ChainDecoder {
    func typed<T>(_ item: StorageItem, _ bytes: [UInt8]?, fastPath: (FastLayouts, [UInt8]) -> T?,
                  dynamic: (ScaleValue) throws -> T?) throws -> T? {
        let p = try plan(item)
        guard let raw = bytes ?? p.defaultBytes else { return nil }
        if let v = fastPath(fast, raw) { return v }
        return try dynamic(try codec.decode(type: p.valueType, from: raw))
    }

    /// `PhalaRegistry.Workers[pubkey]` (nil when absent).
    public func decodeWorkerInfo(_ bytes: [UInt8]?) throws -> WorkerInfo? {
        try typed(.workers, bytes, fastPath: { $0.workerInfo($1) }, dynamic: { try workerInfo($0) })
    }

    /// `PhalaComputation.Sessions[session]` (nil when absent).
    public func decodeSessionInfo(_ bytes: [UInt8]?) throws -> SessionInfo? {
        try typed(.sessions, bytes, fastPath: { $0.sessionInfo($1) }, dynamic: { try sessionInfo($0) })
    }

    /// `PhalaComputation.WorkerBindings[pubkey]`: the session account (nil when absent).
    public func decodeBinding(_ bytes: [UInt8]?) throws -> AccountID? {
        try typed(.workerBindings, bytes, fastPath: { $0.account($1) }, dynamic: { try $0.accountID("WorkerBindings") })
    }

    /// `PhalaStakePoolv2.WorkerAssignments[pubkey]`: the pid (nil when absent).
    public func decodeAssignment(_ bytes: [UInt8]?) throws -> UInt64? {
        try typed(.workerAssignments, bytes, fastPath: { $0.assignment($1) }, dynamic: { try $0.u64("WorkerAssignments") })
    }

    /// `PhalaComputation.Stakes[session]` in planck (nil when absent and the entry has no default).
    public func decodeStake(_ bytes: [UInt8]?) throws -> UInt128? {
        try typed(.stakes, bytes, fastPath: { $0.stake($1) }, dynamic: { try $0.u128("Stakes") })
    }

    /// `PhalaBasePool.Pools[pid]`: the stake pool; nil when absent or not a stake pool (a `Vault`).
    public func decodeStakePool(_ bytes: [UInt8]?) throws -> StakePool? {
        try typed(.pools, bytes, fastPath: { $0.stakePool($1) }, dynamic: { try stakePool($0) })
    }
}
