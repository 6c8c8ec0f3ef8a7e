/// A table column: header title, width constraint and alignment.
public struct TableColumn: Sendable, Hashable {
    public var title: String
    public var width: Constraint
    public var alignment: Alignment

    public init(_ title: String, width: Constraint, alignment: Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// One cell of a table row: text and an optional role of its own (a worker's
/// state colour); without one the row's role applies.
public struct TableCell: Sendable, Hashable, ExpressibleByStringLiteral {
    public var text: String
    public var role: StyleRole?

    public init(_ text: String, role: StyleRole? = nil) {
        self.text = text
        self.role = role
    }

    public init(stringLiteral value: String) { self.init(value) }
}

/// One table row; `marked` rows (chosen for a batch action) show the mark glyph.
public struct TableRow: Sendable, Hashable {
    public var cells: [TableCell]
    public var role: StyleRole?
    public var marked: Bool

    public init(_ cells: [TableCell], role: StyleRole? = nil, marked: Bool = false) {
        self.cells = cells
        self.role = role
        self.marked = marked
    }
}
