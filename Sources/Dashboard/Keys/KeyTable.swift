import TermUI

/// The one key table: `reduce` looks keys up here, and the footer and the
/// `?` help overlay are generated from it, so they cannot disagree (htop's
/// `Action.c`). Vim keys and arrows both work; nothing needs a mouse.
public enum KeyTable {
    public static let bindings: [KeyBinding] = [
        KeyBinding([.down, .char("j")], "j/↓", .moveDown, help: "next worker (or next event in the log)"),
        KeyBinding([.up, .char("k")], "k/↑", .moveUp, help: "previous worker (or event)"),
        KeyBinding([.pageDown, .ctrl("f")], "PgDn", .pageDown, help: "one page down"),
        KeyBinding([.pageUp, .ctrl("b")], "PgUp", .pageUp, help: "one page up"),
        KeyBinding([.home], "Home", .moveTop, help: "first worker"),
        KeyBinding([.end, .char("G")], "G/End", .moveBottom, help: "last worker"),
        KeyBinding([.tab], "Tab", .focusNext, help: "focus the next pane", footer: "pane"),
        KeyBinding([.backTab], "S-Tab", .focusPrevious, help: "focus the previous pane"),
        KeyBinding([.enter], "Enter", .openDetail, help: "detail view of the selected worker", footer: "detail"),
        KeyBinding([.char("s")], "s", .sortNext, help: "sort by the next column", footer: "sort"),
        KeyBinding([.char("S")], "S", .sortReverse, help: "reverse the sort order"),
        KeyBinding([.char("/")], "/", .startFilter, help: "filter: state=unresponsive pool=3 risk>=at-risk stake<5000 and/or/not, free text", footer: "filter"),
        KeyBinding([.char("p")], "p", .toggleProblems, help: "problems only (risk watch or worse)", footer: "problems"),
        KeyBinding([.char(" ")], "Space", .toggleMark, help: "mark the worker for a batch action", footer: "mark"),
        KeyBinding([.char("a")], "a", .addToPool, help: "add the worker(s) to their pool (add_worker)", footer: "add"),
        KeyBinding([.char("g")], "g", .startComputing, help: "start computing: asks the stake in PHA (start_computing)", footer: "start"),
        KeyBinding([.char("x")], "x", .stopComputing, help: "stop computing; a 7-day cool-down begins (stop_computing)", footer: "stop"),
        KeyBinding([.char("c")], "c", .reclaim, help: "reclaim after the cool-down (reclaim_pool_worker)", footer: "reclaim"),
        KeyBinding([.char("R")], "R", .restartComputing, help: "restart with more stake (restart_computing)", footer: "restart"),
        KeyBinding([.char("r")], "r", .register, help: "register the worker (register_worker_v2, needs its pRuntime)", footer: "register"),
        KeyBinding([.char("f")], "f", .toggleFreeze, help: "freeze the display (data keeps arriving)", footer: "freeze"),
        KeyBinding([.char("t")], "t", .cycleTheme, help: "next theme", footer: "theme"),
        KeyBinding([.char("?"), .function(1)], "?", .showHelp, help: "this help", footer: "help"),
        KeyBinding([.char("q")], "q", .quit, help: "quit (asks only while an action is in flight)", footer: "quit"),
        KeyBinding([.escape], "Esc", .closeOverlay, help: "close the overlay, the detail view or the filter"),
    ]

    private static let lookup: [Key: Command] = {
        var out: [Key: Command] = [:]
        for b in bindings { for k in b.keys where out[k] == nil { out[k] = b.command } }
        return out
    }()

    /// The command bound to `key`, nil for keys the table does not know.
    public static func command(for key: Key) -> Command? { lookup[key] }

    /// Footer items in table order: (key label, short label, command).
    public static var footerItems: [(key: String, label: String, command: Command)] {
        bindings.compactMap { b in b.footer.map { (b.keyLabel, $0, b.command) } }
    }

    /// The action kind a command starts, nil for the others.
    public static func actionKind(_ command: Command) -> ActionKind? {
        switch command {
        case .register: return .register
        case .addToPool: return .add
        case .startComputing: return .start
        case .stopComputing: return .stop
        case .reclaim: return .reclaim
        case .restartComputing: return .restart
        default: return nil
        }
    }
}
