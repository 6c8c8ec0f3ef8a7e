/// The panes that can hold the focus, in Tab order.
public enum PaneID: Int, Hashable, Sendable, CaseIterable {
    case fleet, registration, heartbeats, staking, penalty, events, transactions

    public var title: String {
        switch self {
        case .fleet: return "Fleet"
        case .registration: return "Registration"
        case .heartbeats: return "Heartbeats"
        case .staking: return "Staking"
        case .penalty: return "Penalty risk"
        case .events: return "Events"
        case .transactions: return "Transactions"
        }
    }

    var next: PaneID { PaneID(rawValue: (rawValue + 1) % PaneID.allCases.count) ?? .fleet }
    var previous: PaneID {
        PaneID(rawValue: (rawValue + PaneID.allCases.count - 1) % PaneID.allCases.count) ?? .fleet
    }
}

/// What covers the panes, if anything.
public enum Overlay: Hashable, Sendable {
    case help
    /// The detail view of the selected worker.
    case detail
    /// `q` while an action is in flight.
    case confirmQuit
    /// An action's stake input, preparation or confirmation (`AppState.actionDialog`).
    case action
}
