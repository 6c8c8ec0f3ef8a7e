import MiningCore

/// What `reduce` asks the run loop to do, as values (STYLE.md principle 3):
/// the executable performs them and reports back with a `Msg`.
public enum Effect: Hashable, Sendable {
    /// Leave the dashboard (restore the terminal, exit 0).
    case quit
    /// Load theme `name` (built-in or user file) and answer `.themeLoaded`.
    case loadTheme(name: String)
    /// Write the config back to its file.
    case saveConfig(DashboardConfig)
    /// Sign and submit a chain action (the actions issue performs these;
    /// nothing in the dashboard emits them yet).
    case submit(ChainAction)
}

/// The chain actions an operator will take from the dashboard (OPERATORS.md
/// need 6; PROTOCOL.md §2 names the calls). Placeholders only: the actions
/// issue adds the confirmation dialog and the signing.
public enum ChainAction: Hashable, Sendable {
    case addWorker(pid: UInt64, worker: WorkerKey)
    case startComputing(pid: UInt64, worker: WorkerKey, stakePlanck: UInt128)
    case stopComputing(pid: UInt64, worker: WorkerKey)
    case reclaimPoolWorker(pid: UInt64, worker: WorkerKey)
    case restartComputing(pid: UInt64, worker: WorkerKey, stakePlanck: UInt128)
}

/// Identifies one submitted action until it finishes.
public struct ActionID: Hashable, Sendable, Comparable {
    public var value: UInt64
    public init(_ value: UInt64) { self.value = value }
    public static func < (a: ActionID, b: ActionID) -> Bool { a.value < b.value }
}
