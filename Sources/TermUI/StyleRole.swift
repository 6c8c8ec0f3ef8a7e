/// A semantic style name (`state.unresponsive`, `risk.losing`, `table.header`),
/// resolved to colours and attributes by a `Theme`.
///
/// An open set: any dotted name is a role, and a theme that lacks
/// `state.unresponsive` falls back to `state`, then to `text` (see
/// `Theme.style(for:)`). The static constants are the names the built-in
/// themes define; panes may add their own.
public struct StyleRole: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The dotted role name, lower case.
    public let name: String

    public init(_ name: String) { self.name = name }

    public var description: String { name }

    public static func < (a: StyleRole, b: StyleRole) -> Bool { a.name < b.name }

    /// The parent role (`state.unresponsive` → `state`), nil for a top-level role.
    public var parent: StyleRole? {
        guard let dot = name.lastIndex(of: ".") else { return nil }
        return StyleRole(String(name[..<dot]))
    }

    // Base text.
    public static let text = StyleRole("text")
    public static let textDim = StyleRole("text.dim")
    public static let textEmphasis = StyleRole("text.emphasis")
    public static let textError = StyleRole("text.error")
    public static let textWarning = StyleRole("text.warning")
    public static let textOK = StyleRole("text.ok")

    // Borders and titles.
    public static let border = StyleRole("border")
    public static let borderFocus = StyleRole("border.focus")
    public static let title = StyleRole("title")
    public static let titleFocus = StyleRole("title.focus")

    // Tables.
    public static let tableHeader = StyleRole("table.header")
    public static let tableRow = StyleRole("table.row")
    public static let tableSelected = StyleRole("table.selected")
    public static let tableMarked = StyleRole("table.marked")
    public static let tableSort = StyleRole("table.sort")

    // Worker states (PROTOCOL.md: Ready, WorkerIdle, WorkerUnresponsive, WorkerCoolingDown).
    public static let state = StyleRole("state")
    public static let stateComputing = StyleRole("state.computing")
    public static let stateReady = StyleRole("state.ready")
    public static let stateUnresponsive = StyleRole("state.unresponsive")
    public static let stateCoolingDown = StyleRole("state.coolingdown")
    public static let stateOffline = StyleRole("state.offline")
    public static let stateUnknown = StyleRole("state.unknown")

    // Penalty risk levels.
    public static let risk = StyleRole("risk")
    public static let riskNone = StyleRole("risk.none")
    public static let riskAtRisk = StyleRole("risk.atrisk")
    public static let riskLosing = StyleRole("risk.losing")

    // Gauges, bars, sparklines.
    public static let gaugeFilled = StyleRole("gauge.filled")
    public static let gaugeEmpty = StyleRole("gauge.empty")
    public static let gaugeLabel = StyleRole("gauge.label")
    public static let sparkline = StyleRole("sparkline")

    // Chrome.
    public static let header = StyleRole("header")
    public static let footer = StyleRole("footer")
    public static let footerKey = StyleRole("footer.key")
    public static let banner = StyleRole("banner")
    public static let dialog = StyleRole("dialog")
    public static let dialogBorder = StyleRole("dialog.border")
    public static let dialogTitle = StyleRole("dialog.title")
    public static let dialogButton = StyleRole("dialog.button")
    public static let dialogButtonFocus = StyleRole("dialog.button.focus")
    public static let input = StyleRole("input")
    public static let inputPrompt = StyleRole("input.prompt")

    /// Every role the built-in themes define (used by tests and `--print-theme`).
    public static let builtinRoles: [StyleRole] = [
        .text, .textDim, .textEmphasis, .textError, .textWarning, .textOK,
        .border, .borderFocus, .title, .titleFocus,
        .tableHeader, .tableRow, .tableSelected, .tableMarked, .tableSort,
        .state, .stateComputing, .stateReady, .stateUnresponsive, .stateCoolingDown, .stateOffline, .stateUnknown,
        .risk, .riskNone, .riskAtRisk, .riskLosing,
        .gaugeFilled, .gaugeEmpty, .gaugeLabel, .sparkline,
        .header, .footer, .footerKey, .banner,
        .dialog, .dialogBorder, .dialogTitle, .dialogButton, .dialogButtonFocus, .input, .inputPrompt,
    ]
}
