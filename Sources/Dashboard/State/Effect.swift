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
    /// A step of a chain action (issue 8): prepare a draft, sign and submit
    /// it after `y`, or forget it after a cancel.
    case action(ActionRequest)
}

/// The steps of one chain action the run loop performs. Signing happens only
/// in `submit`, which `reduce` emits only for the `y` of a confirmation.
public enum ActionRequest: Hashable, Sendable {
    /// Build the extrinsic without signing it, read nonce and fee, and
    /// answer `.actionPrepared` (or `.actionPreparationFailed`).
    case prepare(ActionID, ChainAction)
    /// Sign the prepared draft, submit it and report `.transactionProgressed`.
    case submit(ActionID)
    /// The operator cancelled: drop the draft (nothing was signed).
    case discard(ActionID)
}

/// Identifies one action from its preparation to its last status.
public struct ActionID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var value: UInt64
    public init(_ value: UInt64) { self.value = value }
    public static func < (a: ActionID, b: ActionID) -> Bool { a.value < b.value }
    public var description: String { "#\(value)" }
}
