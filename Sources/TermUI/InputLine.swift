/// A one-line input: a prompt, the text, and the cursor kept in view by
/// scrolling the text horizontally.
///
/// Rendering returns where the terminal cursor belongs, which the run loop
/// passes to the backend (the only widget that shows a cursor).
public struct InputLine: Widget, Sendable {
    public var prompt: String
    public var editor: LineEditor
    public var promptRole: StyleRole
    public var role: StyleRole

    public init(prompt: String, editor: LineEditor, promptRole: StyleRole = .inputPrompt, role: StyleRole = .input) {
        self.prompt = prompt
        self.editor = editor
        self.promptRole = promptRole
        self.role = role
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        _ = renderReturningCursor(in: area, buffer: &buffer)
    }

    /// Renders and returns the cursor position (nil when there is no room).
    @discardableResult
    public func renderReturningCursor(in area: Rect, buffer: inout Buffer) -> Position? {
        let a = area.intersection(buffer.area)
        guard !a.isEmpty else { return nil }
        let line = a.row(0)
        buffer.fill(line, with: .blank(role))
        let promptWidth = buffer.setString(prompt, x: line.x, y: line.y, role: promptRole, maxWidth: max(0, line.width - 1))
        let room = line.width - promptWidth
        guard room > 0 else { return nil }
        // Widths of graphemes before the cursor decide the horizontal scroll.
        let graphemes = editor.graphemes.map { TextLayout.grapheme($0) ?? Grapheme(symbol: "", width: 0) }
        var start = 0
        var before = graphemes.prefix(editor.cursor).reduce(0) { $0 + $1.width }
        while before > room - 1, start < editor.cursor {
            before -= graphemes[start].width
            start += 1
        }
        var x = line.x + promptWidth
        for g in graphemes[start...] where g.width > 0 {
            if x + g.width > line.right { break }
            buffer.set(x: x, y: line.y, Cell(symbol: g.symbol, role: role, width: UInt8(g.width)))
            x += g.width
        }
        return Position(x: line.x + promptWidth + before, y: line.y)
    }
}
