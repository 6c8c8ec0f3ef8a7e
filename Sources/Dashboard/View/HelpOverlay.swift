import TermUI

/// The `?` overlay, generated from the key table plus the filter language.
public enum HelpOverlay {
    public static func lines() -> [(String, String)] {
        var out = KeyTable.bindings.map { ($0.keyLabel, $0.help) }
        out.append(("filter", "fields: " + FilterParser.fields.joined(separator: " ") + "  ops: = != < <= > >="))
        out.append(("", "state=unresponsive  pool=3  risk>=at-risk  stake<5000"))
        out.append(("", "a and b, a or b, not a, (a), bare words match names and keys"))
        return out
    }

    public static func render(_ state: AppState, in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let content = lines()
        let keyWidth = content.map { TextLayout.width($0.0) }.max() ?? 0
        let textWidth = content.map { TextLayout.width($0.1) }.max() ?? 0
        // Too tall for the screen: two columns (texts cut at the column's edge) rather than lost keys.
        let columns = content.count + 2 > area.height && area.width >= 60 ? 2 : 1
        let perColumn = (content.count + columns - 1) / columns
        let columnWidth = keyWidth + textWidth + 3
        let box = area.centered(width: columns * columnWidth + 2, height: perColumn + 2)
        let block = Block(title: "Keys (Esc closes)", titleAlignment: .center, borderRole: .dialogBorder,
                          titleRole: .dialogTitle, fillRole: .dialog)
        block.render(in: box, buffer: &buffer)
        var inner = block.inner(box)
        if inner.isEmpty { inner = box }
        let width = inner.width / columns
        for (i, line) in content.enumerated() {
            let column = i / perColumn, r = i % perColumn
            guard r < inner.height else { continue }
            let cell = Rect(x: inner.x + column * width, y: inner.y + r, width: column == columns - 1 ? inner.width - column * width : width - 1,
                            height: 1)
            let row = cell.inset(horizontal: cell.width > 4 ? 1 : 0, vertical: 0)
            let kw = min(keyWidth, row.width)
            buffer.setText(line.0, x: row.x, y: row.y, width: kw, role: .footerKey)
            buffer.setText(line.1, x: row.x + kw + 1, y: row.y, width: row.width - kw - 1, role: .dialog)
        }
    }
}

/// Asked on `q` while an action is in flight.
public enum QuitDialog {
    public static func render(_ state: AppState, in area: Rect, buffer: inout Buffer) {
        let pending = state.actionsInFlight.map { "\($0.summary) (\($0.status.text))" }
        let message = "\(pending.count) action(s) still in flight: " + pending.joined(separator: "; ")
            + ". Quit anyway? Their results will not be shown."
        Dialog(title: "Quit?", message: message, buttons: ["y quit", "n stay"], focusedButton: 1).render(in: area, buffer: &buffer)
    }
}
