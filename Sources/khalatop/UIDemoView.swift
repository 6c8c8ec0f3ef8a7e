import TermUI

/// Draws the `ui-demo` screen from its state (a pure function of state).
enum UIDemoView {
    static func draw(_ state: inout UIDemoState, into buffer: inout Buffer) -> Position? {
        buffer.glyphs = state.ascii ? .ascii : .unicode
        let area = buffer.area
        let rows = Layout.vertical([.fixed(1), .fill(1), .fixed(1)]).split(area)
        // Header.
        buffer.fill(rows[0], with: .blank(.header))
        let header = "khalatop ui-demo: TermUI check, no chain data | \(area.width)x\(area.height) | theme \(state.theme.name) | colour \(state.depth) | tick \(state.ticks)"
        buffer.setText(header, in: rows[0], role: .header)

        // Body: table left, widgets right (stacked on narrow screens).
        let body = rows[1]
        let parts = body.width >= 80
            ? Layout.horizontal([.percentage(60), .fill(1)]).split(body)
            : Layout.vertical([.percentage(60), .fill(1)]).split(body)
        let tableBlock = Block(title: "Theme roles", borderRole: .borderFocus, titleRole: .titleFocus)
        tableBlock.render(in: parts[0], buffer: &buffer)
        let roles = state.roles
        let table = Table(
            columns: [TableColumn("Role", width: .fixed(20)), TableColumn("Sample", width: .fixed(12)),
                      TableColumn("Style", width: .fill(1))],
            rows: roles.map { role in
                TableRow([TableCell(role.name), TableCell("Aa 文字 é", role: role),
                          TableCell(state.theme.style(for: role).degraded(to: state.depth).description)],
                         marked: role == .stateUnresponsive)
            },
            selected: state.selected, offset: state.offset,
            sortColumn: state.sortColumn == 0 ? 0 : 2, sortDescending: state.sortDescending)
        state.offset = table.renderReturningOffset(in: tableBlock.inner(parts[0]), buffer: &buffer)

        let widgetBlock = Block(title: "Widgets")
        widgetBlock.render(in: parts[1], buffer: &buffer)
        let inner = widgetBlock.inner(parts[1]).inset(horizontal: 1, vertical: 0)
        let w = Layout.vertical([.fixed(1), .fixed(2), .fixed(1), .fixed(1), .fixed(1), .fixed(1), .fixed(1), .fill(1)]).split(inner)
        buffer.setText("Sparkline (ticks):", in: w[0], role: .textDim)
        let values: [Double] = (0..<(state.ticks + 40)).map { (i: Int) -> Double in
            let a: Int = (i * 37) % 17
            let b: Int = (i % 5) * 3
            return Double(a + b)
        }
        Sparkline(values).render(in: w[1], buffer: &buffer)
        buffer.setText("Gauge and bar:", in: w[2], role: .textDim)
        Gauge(ratio: 0.37, label: "37% of demo").render(in: w[3], buffer: &buffer)
        Gauge.bar(ratio: Double(state.selected + 1) / Double(StyleRole.builtinRoles.count)).render(in: w[4], buffer: &buffer)
        var cursor: Position?
        if state.editing || !state.editor.text.isEmpty {
            cursor = InputLine(prompt: "/", editor: state.editor).renderReturningCursor(in: w[5], buffer: &buffer)
            if !state.editing { cursor = nil }
        }
        let text = state.themeErrors.isEmpty
            ? "Keys: j/k or arrows move, PgUp/PgDn, s/S sort, d dialog, / input, t theme, a ASCII glyphs, q quit. Wide 文字 and combining é take the right columns; this paragraph wraps at word boundaries and ends with an ellipsis when it does not fit."
            : "Theme problems: " + state.themeErrors.joined(separator: "; ")
        Paragraph(text, role: state.themeErrors.isEmpty ? .text : .textError).render(in: w[7], buffer: &buffer)

        // Footer.
        buffer.fill(rows[2], with: .blank(.footer))
        var x = 0
        for (key, label) in [("q", "quit"), ("j/k", "move"), ("s", "sort"), ("d", "dialog"), ("/", "input"), ("t", "theme"), ("a", "ascii")] {
            x += buffer.setString(key, x: x, y: rows[2].y, role: .footerKey)
            x += buffer.setString(" \(label)  ", x: x, y: rows[2].y, role: .footer)
        }
        if let key = state.lastKey, x + 14 < rows[2].width {
            buffer.setText("last key: \(key)", in: rows[2], role: .footer, alignment: .right)
        }

        if state.dialogOpen {
            Dialog(title: "TermUI dialog",
                   message: "This dialog is centred and wraps its text. Enter on Close closes it, Esc too; Quit leaves the demo.",
                   buttons: ["Close", "Quit"], focusedButton: state.dialogButton, preferredWidth: 48)
                .render(in: area, buffer: &buffer)
            cursor = nil
        }
        return cursor
    }
}
