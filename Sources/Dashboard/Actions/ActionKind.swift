/// The operator actions behind the dashboard's action keys (issue 8;
/// PROTOCOL.md §2 gives each call's rules).
public enum ActionKind: Hashable, Sendable, CaseIterable {
    case register, add, start, stop, reclaim, restart

    /// The verb the footer and the dialogs use.
    public var verb: String {
        switch self {
        case .register: return "register"
        case .add: return "add to pool"
        case .start: return "start"
        case .stop: return "stop"
        case .reclaim: return "reclaim"
        case .restart: return "restart"
        }
    }

    /// Start and restart ask for a stake first.
    public var needsStake: Bool { self == .start || self == .restart }

    /// §2: reclaim may be called by anyone; the others by the pool owner only.
    public var ownerOnly: Bool { self != .reclaim && self != .register }
}
