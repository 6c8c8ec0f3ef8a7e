import MiningCore

/// One worker as the panes show it: its derived status plus the display
/// name, computed in `reduce` when the fleet changes so a frame only formats
/// the rows it shows (a 10,000-worker fleet costs the same per frame as 50).
public struct WorkerRow: Hashable, Sendable {
    public var status: WorkerStatus
    /// The configured name, or "" when the config names none.
    public var name: String
    /// Blocks between consecutive heartbeats, oldest first (the sparkline).
    public var heartbeatIntervals: [Int]
    /// Lower-case name and key hex, for free-text filtering.
    let searchName: String
    let searchKey: String

    public init(status: WorkerStatus, name: String, heartbeatBlocks: [UInt32] = []) {
        self.status = status
        self.name = name
        heartbeatIntervals = heartbeatBlocks.count > 1
            ? (1..<heartbeatBlocks.count).map { Int(heartbeatBlocks[$0]) - Int(heartbeatBlocks[$0 - 1]) } : []
        label = name.isEmpty ? Format.shortKey(status.key) : name
        searchName = name.lowercased()
        searchKey = status.key.hex
    }

    public var key: WorkerKey { status.key }

    /// The name, else the short key (stored: the sort compares it often).
    public let label: String

    /// Registration as the filter language names it.
    var filterRegistration: FilterRegistration {
        switch status.registration {
        case .notLoaded: return .unknown
        case .unknownToChain: return .unregistered
        case .registered(let r): return r.benchmark == .pending ? .pending : .registered
        }
    }
}

extension FilterQuery {
    /// True when `row` satisfies the query.
    public func matches(_ row: WorkerRow) -> Bool {
        switch self {
        case .all: return true
        case .term(let t): return t.matches(row)
        case .not(let q): return !q.matches(row)
        case .and(let qs): return qs.allSatisfy { $0.matches(row) }
        case .or(let qs): return qs.contains { $0.matches(row) }
        }
    }
}

extension FilterTerm {
    func matches(_ row: WorkerRow) -> Bool {
        let s = row.status
        switch self {
        case .state(let op, let state):
            return op == .equal ? s.state == state : s.state != state
        case .pool(let op, let pid):
            guard let p = s.pid else { return op == .notEqual }
            return op.compare(p, pid)
        case .risk(let op, let level):
            return op.compare(s.risk.level, level)
        case .stake(let op, let planck):
            return op.compare(s.stakePlanck ?? 0, planck)
        case .name(let op, let text):
            return row.searchName.contains(text) == (op == .equal)
        case .key(let op, let text):
            return row.searchKey.contains(text) == (op == .equal)
        case .registration(let op, let reg):
            return (row.filterRegistration == reg) == (op == .equal)
        case .text(let text):
            return row.searchName.contains(text) || row.searchKey.contains(text)
        }
    }
}
