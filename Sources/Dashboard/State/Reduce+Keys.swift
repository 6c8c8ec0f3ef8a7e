import MiningCore
import TermUI

extension AppState {
    /// A key press: the filter editor and overlays take keys first, then the key table.
    mutating func handle(_ key: Key) -> [Effect] {
        if key == .resize { return [] }
        notice = nil
        if filterEditor != nil { editFilter(key); return [] }
        switch overlay {
        case .action?:
            return handleActionDialog(key)
        case .confirmQuit?:
            switch key {
            case .char("y"), .char("Y"): return [.quit]
            case .char("n"), .char("N"), .escape, .char("q"):
                overlay = nil
                quitRequested = false
            default: break
            }
            return []
        case .help?:
            if key == .escape || key == .char("?") || key == .char("q") || key == .enter || key == .function(1) { overlay = nil }
            return []
        case .detail?:
            if key == .escape || key == .enter || key == .char("q") { overlay = nil; return [] }
            // Moving keeps the detail view open on the next worker.
            if let c = KeyTable.command(for: key), [.moveDown, .moveUp, .moveTop, .moveBottom].contains(c) {
                return perform(c)
            }
            return []
        case nil:
            guard let command = KeyTable.command(for: key) else { return [] }
            return perform(command)
        }
    }

    mutating func perform(_ command: Command) -> [Effect] {
        let page = max(1, ScreenLayout(size: size, state: self).fleetViewportRows - 1)
        switch command {
        case .moveDown: move(by: 1)
        case .moveUp: move(by: -1)
        case .pageDown: move(by: page)
        case .pageUp: move(by: -page)
        case .moveTop: focus == .events ? (eventOffset = 0) : select(0)
        case .moveBottom: focus == .events ? (eventOffset = max(0, events.count - 1)) : select(visible.count - 1)
        case .focusNext: focus = focus.next
        case .focusPrevious: focus = focus.previous
        case .openDetail: if selectedRow != nil { overlay = .detail }
        case .sortNext:
            sort = sort.next
            sortDescending = sort.descendingByDefault
            refilter()
        case .sortReverse:
            sortDescending.toggle()
            refilter()
        case .startFilter:
            filterEditor = LineEditor(filterText, maxLength: FilterParser.maxLength)
            filterError = nil
        case .toggleProblems:
            problemsOnly.toggle()
            refilter()
        case .toggleMark:
            if let key = selectedKey, selectedRow != nil {
                if marked.remove(key) == nil { marked.insert(key) }
                move(by: 1)
            }
        case .toggleFreeze:
            frozen.toggle()
            if !frozen { rederive() }
        case .cycleTheme:
            let i = themeNames.firstIndex(of: themeName) ?? -1
            let name = themeNames[(i + 1) % themeNames.count]
            themeName = name
            return [.loadTheme(name: name)]
        case .showHelp: overlay = .help
        case .quit:
            if actionsInFlight.isEmpty { return [.quit] }
            quitRequested = true
            overlay = .confirmQuit
        case .closeOverlay:
            overlay = nil
        case .register: return beginAction(.register)
        case .addToPool: return beginAction(.add)
        case .startComputing: return beginAction(.start)
        case .stopComputing: return beginAction(.stop)
        case .reclaim: return beginAction(.reclaim)
        case .restartComputing: return beginAction(.restart)
        }
        return []
    }

    mutating func move(by delta: Int) {
        if focus == .events {
            eventOffset = min(max(0, eventOffset + delta), max(0, events.count - 1))
            return
        }
        guard !visible.isEmpty else { return }
        select((selectedIndex ?? 0) + delta)
    }

    /// Keys while the filter line is open: editing keys edit, Enter keeps the
    /// filter, Esc restores the one before; each change re-filters live when
    /// it parses, else shows the error and keeps the filter in force.
    mutating func editFilter(_ key: Key) {
        guard var editor = filterEditor else { return }
        switch key {
        case .enter:
            // A query that does not parse stays open with its error shown.
            guard filterError == nil else { return }
            filterEditor = nil
            filterText = editor.text
            refilterKeepingText()
        case .escape:
            filterEditor = nil
            filterError = nil
            filter = (try? FilterParser.parse(filterText)) ?? .all
            refilter()
        default:
            editor.apply(key)
            filterEditor = editor
            do {
                filter = try FilterParser.parse(editor.text)
                filterError = nil
                refilter()
            } catch {
                filterError = error
            }
        }
    }

    /// After Enter: the text in force is the last one that parsed.
    private mutating func refilterKeepingText() {
        filter = (try? FilterParser.parse(filterText)) ?? .all
        refilter()
    }
}
