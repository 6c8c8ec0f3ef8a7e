import MiningCore

/// Fleet table sort columns, in the order `s` cycles through.
public enum SortKey: Int, Hashable, Sendable, CaseIterable {
    case risk, name, pool, state, heartbeat, stake, v

    public var title: String {
        switch self {
        case .risk: return "risk"
        case .name: return "name"
        case .pool: return "pool"
        case .state: return "state"
        case .heartbeat: return "heartbeat"
        case .stake: return "stake"
        case .v: return "V"
        }
    }

    var next: SortKey { SortKey(rawValue: (rawValue + 1) % SortKey.allCases.count) ?? .risk }

    /// Natural order: risk, heartbeat age, stake and V sort biggest first.
    var descendingByDefault: Bool {
        switch self {
        case .risk, .heartbeat, .stake, .v: return true
        case .name, .pool, .state: return false
        }
    }

    /// Strict "a before b" in ascending order, ties broken by label then key.
    func ascending(_ a: WorkerRow, _ b: WorkerRow) -> Bool? {
        let x = a.status, y = b.status
        switch self {
        case .risk:
            let p = Format.urgency(x.risk.level), q = Format.urgency(y.risk.level)
            return p == q ? nil : p < q
        case .name: return a.label == b.label ? nil : a.label < b.label
        case .pool: return x.pid == y.pid ? nil : (x.pid ?? .max) < (y.pid ?? .max)
        case .state:
            let p = x.state?.rawValue ?? 255, q = y.state?.rawValue ?? 255
            return p == q ? nil : p < q
        case .heartbeat:
            let p = x.heartbeat.oldestPendingAgeBlocks, q = y.heartbeat.oldestPendingAgeBlocks
            if p != q { return p < q }
            let r = x.heartbeat.blocksSinceLastHeartbeat ?? -1, t = y.heartbeat.blocksSinceLastHeartbeat ?? -1
            return r == t ? nil : r < t
        case .stake:
            let p = x.stakePlanck ?? 0, q = y.stakePlanck ?? 0
            return p == q ? nil : p < q
        case .v:
            let p = x.v ?? .zero, q = y.v ?? .zero
            return p == q ? nil : p < q
        }
    }
}
