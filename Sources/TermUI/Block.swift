/// A bordered box with an optional title on its top edge; panes and dialogs sit
/// inside one.
///
/// Why a separate widget: every pane has the same frame, and the focused pane
/// differs only by role (`border.focus`), which `mono` themes show as bold.
public struct Block: Widget, Sendable {
    public var title: String?
    public var titleAlignment: Alignment
    public var borderRole: StyleRole
    public var titleRole: StyleRole
    /// Role used to clear the inside (nil leaves it as is).
    public var fillRole: StyleRole?

    public init(title: String? = nil, titleAlignment: Alignment = .left,
                borderRole: StyleRole = .border, titleRole: StyleRole = .title, fillRole: StyleRole? = nil) {
        self.title = title
        self.titleAlignment = titleAlignment
        self.borderRole = borderRole
        self.titleRole = titleRole
        self.fillRole = fillRole
    }

    /// The area inside the border (the whole area if it is too small for one).
    public func inner(_ area: Rect) -> Rect {
        guard area.width >= 2, area.height >= 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        return area.inset(by: 1)
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        let a = area.intersection(buffer.area)
        guard !a.isEmpty else { return }
        if let fillRole { buffer.fill(a, with: .blank(fillRole)) }
        let g = buffer.glyphs
        if a.width >= 2, a.height >= 2 {
            let h = Cell(symbol: g.horizontal, role: borderRole)
            let v = Cell(symbol: g.vertical, role: borderRole)
            for x in (a.left + 1)..<(a.right - 1) {
                buffer.set(x: x, y: a.top, h)
                buffer.set(x: x, y: a.bottom - 1, h)
            }
            for y in (a.top + 1)..<(a.bottom - 1) {
                buffer.set(x: a.left, y: y, v)
                buffer.set(x: a.right - 1, y: y, v)
            }
            buffer.set(x: a.left, y: a.top, Cell(symbol: g.topLeft, role: borderRole))
            buffer.set(x: a.right - 1, y: a.top, Cell(symbol: g.topRight, role: borderRole))
            buffer.set(x: a.left, y: a.bottom - 1, Cell(symbol: g.bottomLeft, role: borderRole))
            buffer.set(x: a.right - 1, y: a.bottom - 1, Cell(symbol: g.bottomRight, role: borderRole))
        }
        if let title, !title.isEmpty {
            // " Title " between the corners; on a box too small for borders the
            // title takes the first row.
            let hasBorder = a.width >= 2 && a.height >= 2
            let room = hasBorder ? a.width - 2 : a.width
            let x0 = hasBorder ? a.left + 1 : a.left
            guard room > 0 else { return }
            let text = room >= TextLayout.width(title) + 2 ? " \(title) " : title
            buffer.setText(text, x: x0, y: a.top, width: room, role: titleRole, alignment: titleAlignment)
        }
    }
}
