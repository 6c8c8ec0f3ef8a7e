import TermUI

/// Draws the whole dashboard for a state: the layout for the buffer's size,
/// every pane, then an overlay. Pure (STYLE.md principle 2): the same state
/// and size give the same cells. Returns where the cursor goes (the filter
/// line while editing), nil to hide it.
public enum Screen {
    @discardableResult
    public static func render(_ state: AppState, into buffer: inout Buffer) -> Position? {
        let area = buffer.area
        guard !area.isEmpty else { return nil }
        let layout = ScreenLayout(size: buffer.size, state: state)
        var cursor: Position?
        switch layout.mode {
        case .summary:
            SummaryView.render(state, in: area, buffer: &buffer)
        case .full, .stacked:
            HeaderPane.render(state, in: layout.header, buffer: &buffer)
            cursor = StatusLine.render(state, in: layout.status, buffer: &buffer)
            FleetTablePane.render(state, in: layout.fleet, focused: state.focus == .fleet, buffer: &buffer)
            for (pane, rect) in layout.panes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                renderPane(pane, state, in: rect, focused: state.focus == pane, buffer: &buffer)
            }
            FooterPane.render(state, in: layout.footer, buffer: &buffer)
        }
        switch state.overlay {
        case .help?: HelpOverlay.render(state, in: area, buffer: &buffer)
        case .detail?: DetailOverlay.render(state, in: area, buffer: &buffer)
        case .confirmQuit?: QuitDialog.render(state, in: area, buffer: &buffer)
        case .action?: return ActionDialogView.render(state, in: area, buffer: &buffer)
        case nil: break
        }
        return state.overlay == nil ? cursor : nil
    }

    /// Draws one side pane (registration, heartbeats, staking, penalty, events).
    public static func renderPane(_ pane: PaneID, _ state: AppState, in rect: Rect, focused: Bool, buffer: inout Buffer) {
        switch pane {
        case .fleet: FleetTablePane.render(state, in: rect, focused: focused, buffer: &buffer)
        case .registration: RegistrationPane.render(state, in: rect, focused: focused, buffer: &buffer)
        case .heartbeats: HeartbeatsPane.render(state, in: rect, focused: focused, buffer: &buffer)
        case .staking: StakingPane.render(state, in: rect, focused: focused, buffer: &buffer)
        case .penalty: PenaltyPane.render(state, in: rect, focused: focused, buffer: &buffer)
        case .events: EventLogPane.render(state, in: rect, focused: focused, buffer: &buffer)
        case .transactions: TransactionsPane.render(state, in: rect, focused: focused, buffer: &buffer)
        }
    }

    /// A bordered pane frame with the focus colour; returns the inside.
    static func frame(_ title: String, in rect: Rect, focused: Bool, buffer: inout Buffer) -> Rect {
        let block = Block(title: title, borderRole: focused ? .borderFocus : .border,
                          titleRole: focused ? .titleFocus : .title, fillRole: .text)
        block.render(in: rect, buffer: &buffer)
        return block.inner(rect)
    }
}

/// Label/value lines, the building block of the detail panes.
struct Lines {
    struct Line {
        var label: String
        var value: String
        var role: StyleRole
    }

    var items: [Line] = []

    mutating func add(_ label: String, _ value: String, _ role: StyleRole = .text) {
        items.append(Line(label: label, value: value, role: role))
    }

    /// Draws as many lines as fit; labels in a column as wide as the longest.
    func render(in area: Rect, buffer: inout Buffer) {
        let labelWidth = min(items.map { TextLayout.width($0.label) }.max() ?? 0, max(0, area.width / 2))
        for (i, line) in items.enumerated() where i < area.height {
            let row = area.row(i)
            if line.label.isEmpty {
                buffer.setText(line.value, in: row, role: line.role)
                continue
            }
            buffer.setText(line.label, x: row.x, y: row.y, width: labelWidth, role: .textDim)
            let valueRect = Rect(x: row.x + labelWidth + 1, y: row.y, width: row.width - labelWidth - 1, height: 1)
            buffer.setText(line.value, in: valueRect, role: line.role)
        }
    }
}
