import MiningCore
import TermUI

/// Short texts the panes share: keys, amounts, V, durations, states.
public enum Format {
    /// "0x1a2b3c…9f8e": enough of a public key to tell workers apart.
    public static func shortKey(_ key: WorkerKey) -> String {
        let hex = key.hex
        return String(hex.prefix(8)) + ".." + String(hex.suffix(4))
    }

    public static func shortAccount(_ account: AccountID) -> String {
        let hex = account.hex
        return String(hex.prefix(8)) + ".." + String(hex.suffix(4))
    }

    /// "1,234.5 PHA" (truncated, never rounded up).
    public static func pha(_ planck: UInt128, digits: Int = 2) -> String {
        PHA.format(planck, .init(maxFractionDigits: digits))
    }

    /// "1,234.5" without the symbol, for table columns.
    public static func phaBare(_ planck: UInt128, digits: Int = 1) -> String {
        PHA.format(planck, .init(maxFractionDigits: digits, symbol: false))
    }

    /// V with few digits: "5,998" or "0.123".
    public static func v(_ v: U64F64) -> String {
        let x = v.doubleValue
        if x >= 100 { return PHA.format(UInt128(x.rounded(.down)) * PHA.planckPerPHA, .init(maxFractionDigits: 0, symbol: false)) }
        return String(format: "%.3f", x)
    }

    /// `text` for the glyph set: with the ASCII set, the few non-ASCII
    /// characters MiningCore's reasons use become ASCII, anything else `?`.
    public static func glyphSafe(_ text: String, _ glyphs: GlyphSet) -> String {
        guard glyphs.name == "ascii", !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        var out = ""
        for c in text {
            if c.isASCII { out.append(c); continue }
            switch c {
            case "−", "–", "—": out += "-"
            case "≈": out += "~"
            case "…": out += "..."
            case "→": out += "->"
            case "≥": out += ">="
            case "≤": out += "<="
            case "×", "·": out += "x"
            case "√": out += "sqrt "
            default: out += "?"
            }
        }
        return out
    }

    public static func percent(_ ratio: Double) -> String {
        guard ratio.isFinite else { return "-" }
        return String(format: "%.1f%%", ratio * 100)
    }

    public static func duration(seconds: UInt64) -> String { Durations.text(seconds: seconds) }

    /// "8s ago", "3m 2s ago".
    public static func ago(ms: UInt64) -> String { Durations.text(seconds: ms / 1000) + " ago" }

    public static func state(_ s: WorkerState?) -> String {
        guard let s else { return "no session" }
        switch s {
        case .ready: return "ready"
        case .workerIdle: return "computing"
        case .unused: return "unused"
        case .workerUnresponsive: return "unresponsive"
        case .workerCoolingDown: return "cooling down"
        }
    }

    public static func stateRole(_ s: WorkerState?) -> StyleRole {
        switch s {
        case .ready?: return .stateReady
        case .workerIdle?: return .stateComputing
        case .workerUnresponsive?: return .stateUnresponsive
        case .workerCoolingDown?: return .stateCoolingDown
        case .unused?, nil: return .stateUnknown
        }
    }

    public static func risk(_ level: RiskLevel) -> String {
        switch level {
        case .none: return "ok"
        case .watch: return "watch"
        case .atRisk: return "at risk"
        case .losing: return "LOSING"
        case .stopped: return "stopped"
        }
    }

    /// How urgent a level is for the operator: money being lost first, a
    /// deliberate stop after the warnings (RiskLevel orders stopped last).
    public static func urgency(_ level: RiskLevel) -> Int {
        switch level {
        case .none: return 0
        case .stopped: return 1
        case .watch: return 2
        case .atRisk: return 3
        case .losing: return 4
        }
    }

    public static func riskRole(_ level: RiskLevel) -> StyleRole {
        switch level {
        case .none: return .riskNone
        case .watch: return .textWarning
        case .atRisk: return .riskAtRisk
        case .losing: return .riskLosing
        case .stopped: return .stateCoolingDown
        }
    }

    public static func registration(_ r: RegistrationState) -> String {
        switch r {
        case .notLoaded: return "?"
        case .unknownToChain: return "no"
        case .registered(let reg):
            if case .scored(let s) = reg.benchmark { return s < ChainConstants.minInitialScore ? "low" : "yes" }
            return "bench"
        }
    }

    public static func registrationRole(_ r: RegistrationState) -> StyleRole {
        switch r {
        case .notLoaded: return .textDim
        case .unknownToChain: return .textError
        case .registered(let reg):
            if case .scored(let s) = reg.benchmark { return s < ChainConstants.minInitialScore ? .textError : .textOK }
            return .textWarning
        }
    }

    public static func connection(_ c: ConnectionState) -> String {
        switch c {
        case .disconnected: return "disconnected"
        case .connecting(let e): return "connecting to \(e)"
        case .connected(let e): return "connected to \(e)"
        case .stalled(let e, let since): return "stalled at \(e)" + (since.map { " since #\($0)" } ?? "")
        }
    }

    public static func connectionShort(_ c: ConnectionState) -> String {
        switch c {
        case .disconnected: return "disconnected"
        case .connecting: return "connecting"
        case .connected: return "connected"
        case .stalled: return "STALLED"
        }
    }

    public static func connectionIsHealthy(_ c: ConnectionState) -> Bool {
        if case .connected = c { return true }
        return false
    }

    /// The heartbeat column: "ok", "owes 12/20", "LATE 25/20", "-".
    public static func heartbeat(_ h: HeartbeatHealth, state: WorkerState?) -> (String, StyleRole) {
        guard state?.isComputing == true else { return ("-", .textDim) }
        guard !h.pendingChallenges.isEmpty else {
            return state == .workerUnresponsive ? ("down", .riskLosing) : ("ok", .textOK)
        }
        let text = "\(h.oldestPendingAgeBlocks)/\(h.heartbeatWindowBlocks)"
        if h.gatekeeperWouldFlag { return ("LATE " + text, .riskLosing) }
        if h.oldestPendingAgeBlocks * 2 >= Int(h.heartbeatWindowBlocks) { return ("owes " + text, .riskAtRisk) }
        return ("owes " + text, .textWarning)
    }

    /// V against Ve with a trend arrow: growing while computing, shrinking while unresponsive.
    public static func vTrend(_ s: WorkerStatus, glyphs: GlyphSet) -> (String, StyleRole) {
        guard let v = s.v, v != .zero || s.state?.isComputing == true else { return ("-", .textDim) }
        let arrow: String
        let role: StyleRole
        switch s.state {
        case .workerIdle?: arrow = glyphs.name == "ascii" ? "+" : "↗"; role = .textOK
        case .workerUnresponsive?: arrow = glyphs.name == "ascii" ? "-" : "↘"; role = .riskLosing
        default: arrow = " "; role = .text
        }
        return ("\(Format.v(v)) \(arrow)", role)
    }
}
