/// A modal dialog centred over its area: a bordered box with a title, a wrapped
/// message and a row of buttons, one of them focused.
///
/// Why: every action that signs something is confirmed in one of these, and the
/// message must say exactly what will be signed (OPERATORS.md, need 6).
public struct Dialog: Widget, Sendable {
    public var title: String
    public var message: String
    public var buttons: [String]
    public var focusedButton: Int
    /// Preferred outer width; the dialog shrinks to fit small screens.
    public var preferredWidth: Int

    public init(title: String, message: String, buttons: [String] = ["OK"], focusedButton: Int = 0,
                preferredWidth: Int = 50) {
        self.title = title
        self.message = message
        self.buttons = buttons
        self.focusedButton = focusedButton
        self.preferredWidth = preferredWidth
    }

    /// The rectangle the dialog takes inside `area`.
    public func frame(in area: Rect) -> Rect {
        let width = min(area.width, max(preferredWidth, TextLayout.width(title) + 6))
        let innerWidth = max(0, width - 4)
        let messageLines = max(1, Paragraph.wrap(message, width: innerWidth).count)
        let height = min(area.height, messageLines + (buttons.isEmpty ? 2 : 4))
        return area.centered(width: width, height: height)
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        let a = area.intersection(buffer.area)
        guard !a.isEmpty else { return }
        let box = frame(in: a)
        let block = Block(title: title, titleAlignment: .center, borderRole: .dialogBorder,
                          titleRole: .dialogTitle, fillRole: .dialog)
        block.render(in: box, buffer: &buffer)
        let inner = block.inner(box).inset(horizontal: 1, vertical: 0)
        guard !inner.isEmpty else { return }
        let buttonRows = buttons.isEmpty || inner.height < 2 ? 0 : 2
        let textArea = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - buttonRows)
        Paragraph(message, role: .dialog).render(in: textArea, buffer: &buffer)
        guard buttonRows > 0 else { return }
        let labels = buttons.map { "[ \($0) ]" }
        let total = labels.reduce(0) { $0 + TextLayout.width($1) } + 2 * max(0, labels.count - 1)
        var x = inner.x + max(0, (inner.width - total) / 2)
        let y = inner.bottom - 1
        for (i, label) in labels.enumerated() {
            let role: StyleRole = i == focusedButton ? .dialogButtonFocus : .dialogButton
            let room = inner.right - x
            guard room > 0 else { break }
            x += buffer.setText(label, x: x, y: y, width: room, role: role) + 2
        }
    }
}
