/// The most recent thing that happened to a worker, so the fleet table can
/// say why a worker is in its state (OPERATORS.md need 5).
public struct WorkerEvent: Hashable, Sendable, CustomStringConvertible {
    /// What happened (computation events §3, registry and pool changes).
    public enum Kind: Hashable, Sendable {
        case registered
        case deregistered
        case assignedToPool(UInt64)
        case removedFromPool
        case started
        case challenged
        case heartbeat(challengeBlock: UInt32?)
        case enteredUnresponsive
        case exitedUnresponsive
        case stopped
        case reclaimed
        case settled
    }

    public var kind: Kind
    public var block: UInt32

    public var description: String {
        let what: String
        switch kind {
        case .registered: what = "registered"
        case .deregistered: what = "no longer registered"
        case .assignedToPool(let pid): what = "added to pool \(pid)"
        case .removedFromPool: what = "removed from pool"
        case .started: what = "started computing"
        case .challenged: what = "challenged"
        case .heartbeat(let c?): what = "heartbeat for challenge \(c)"
        case .heartbeat(nil): what = "heartbeat"
        case .enteredUnresponsive: what = "became unresponsive"
        case .exitedUnresponsive: what = "recovered"
        case .stopped: what = "stopped"
        case .reclaimed: what = "reclaimed"
        case .settled: what = "settled"
        }
        return "\(what) at block \(block)"
    }
}

extension WorkerEvent.Kind {
    /// Tie-break within one block: the kind that explains more wins.
    var rank: Int {
        switch self {
        case .reclaimed: return 24
        case .stopped: return 22
        case .enteredUnresponsive: return 20
        case .exitedUnresponsive: return 18
        case .started: return 16
        case .heartbeat(let c): return c == nil ? 12 : 14
        case .challenged: return 10
        case .settled: return 8
        case .assignedToPool: return 6
        case .removedFromPool: return 5
        case .registered: return 4
        case .deregistered: return 3
        }
    }
}

extension WorkerEvent.Kind {
    /// Strict order used to pick one event per block independent of arrival order.
    func outranks(_ other: WorkerEvent.Kind) -> Bool {
        if rank != other.rank { return rank > other.rank }
        switch (self, other) {
        case (.heartbeat(let a?), .heartbeat(let b?)): return a > b
        case (.assignedToPool(let a), .assignedToPool(let b)): return a > b
        default: return false
        }
    }
}

extension WorkerEvent {
    /// The newer of two events by block; within one block the more telling
    /// kind wins, so the result does not depend on arrival order.
    static func newer(_ a: WorkerEvent?, _ b: WorkerEvent?) -> WorkerEvent? {
        guard let a else { return b }
        guard let b else { return a }
        if a.block != b.block { return a.block > b.block ? a : b }
        return b.kind.outranks(a.kind) ? b : a
    }
}
