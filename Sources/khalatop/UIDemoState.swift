import TermUI
import TermUINCurses

/// State of `khalatop ui-demo`: a theme preview table, a few widgets and a
/// dialog, so the ncurses backend can be checked by hand or in tmux. It shows
/// no chain data at all; the dashboard panes come with the Dashboard module.
struct UIDemoState {
    enum Message: Sendable {
        /// One second passed on the background ticker (exercises the mailbox).
        case tick(Int)
    }

    var themeNames: [String]
    var themeIndex = 0
    var theme: Theme
    var themeErrors: [String] = []
    var depth: ColorDepth
    var ascii: Bool
    var selected = 0
    var offset = 0
    var sortColumn = 0
    var sortDescending = false
    var dialogOpen = true
    var dialogButton = 0
    var editing = false
    var editor = LineEditor()
    var ticks = 0
    var size = Size(width: 0, height: 0)
    var themeChanged = false
    /// The last key decoded, shown in the footer (checks key decoding by hand).
    var lastKey: Key?

    var roles: [StyleRole] {
        let sorted = StyleRole.builtinRoles.sorted { a, b in
            sortColumn == 1 ? (theme.style(for: a).description, a.name) < (theme.style(for: b).description, b.name)
                            : a.name < b.name
        }
        return sortDescending ? sorted.reversed() : sorted
    }

    /// Applies one event; returns false to quit.
    mutating func update(_ event: LoopEvent<Message>) -> Bool {
        switch event {
        case .message(.tick(let n)): ticks = n
        case .resized(let s): size = s
        case .resumed: break
        case .key(let key):
            lastKey = key
            return handle(key)
        }
        return true
    }

    private mutating func handle(_ key: Key) -> Bool {
        if dialogOpen {
            switch key {
            case .left, .right, .tab, .char("h"), .char("l"): dialogButton = 1 - dialogButton
            case .enter: if dialogButton == 1 { return false }; dialogOpen = false
            case .escape, .char("q"): dialogOpen = false
            default: break
            }
            return true
        }
        if editing {
            switch key {
            case .enter, .escape: editing = false
            default: editor.apply(key)
            }
            return true
        }
        let count = StyleRole.builtinRoles.count
        switch key {
        case .char("q"): return false
        case .down, .char("j"): selected = min(count - 1, selected + 1)
        case .up, .char("k"): selected = max(0, selected - 1)
        case .pageDown: selected = min(count - 1, selected + 10)
        case .pageUp: selected = max(0, selected - 10)
        case .home, .char("g"): selected = 0
        case .end, .char("G"): selected = count - 1
        case .char("s"): sortColumn = (sortColumn + 1) % 2
        case .char("S"): sortDescending.toggle()
        case .char("d"): dialogOpen = true; dialogButton = 0
        case .char("/"): editing = true
        case .char("a"): ascii.toggle()
        case .char("t"):
            themeIndex = (themeIndex + 1) % max(1, themeNames.count)
            themeChanged = true
        default: break
        }
        return true
    }
}
