/// `SessionInfo.state` (§1.2), raw values = the real SCALE variant indices
/// (unchanged by the MinerState → WorkerState rename).
public enum WorkerState: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case ready = 0
    case workerIdle = 1
    /// Index 2 is reserved upstream; never set by current code.
    case unused = 2
    case workerUnresponsive = 3
    case workerCoolingDown = 4

    /// "Computing" = Idle or Unresponsive (§1.2): counted in `OnlineWorkers`.
    public var isComputing: Bool { self == .workerIdle || self == .workerUnresponsive }

    /// `unbind` / `remove_worker` allowed (§1.2, §2).
    public var allowsUnbind: Bool { self == .ready || self == .workerCoolingDown }

    public var description: String {
        switch self {
        case .ready: return "Ready"
        case .workerIdle: return "Computing"
        case .unused: return "Unused"
        case .workerUnresponsive: return "Unresponsive"
        case .workerCoolingDown: return "CoolingDown"
        }
    }
}
