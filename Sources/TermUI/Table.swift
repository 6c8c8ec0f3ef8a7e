/// A table with a header, a selected row, a sort marker on one column and
/// scrolling that keeps the selection visible.
///
/// Why it looks like this: the fleet table is the screen operators read most
/// (OPERATORS.md, need 4): sort and selection must be visible at a glance, and
/// hundreds of rows scroll without the selection ever leaving the view. The
/// first two columns are a gutter for the selection and mark glyphs.
public struct Table: Widget, Sendable {
    public var columns: [TableColumn]
    /// Number of rows in the table (visible or not).
    public var rowCount: Int
    /// Builds row `i` on demand: only visible rows are built, so a fleet of
    /// 10,000 workers costs the same per frame as one of 50.
    public var row: @Sendable (Int) -> TableRow
    /// Index of the selected row, if any.
    public var selected: Int?
    /// First row shown before the selection is brought into view (kept by the
    /// caller between frames so the view does not jump).
    public var offset: Int
    public var sortColumn: Int?
    public var sortDescending: Bool
    public var columnSpacing: Int
    public var headerRole: StyleRole
    public var rowRole: StyleRole
    public var selectedRole: StyleRole
    public var sortRole: StyleRole

    public init(columns: [TableColumn], rows: [TableRow], selected: Int? = nil, offset: Int = 0,
                sortColumn: Int? = nil, sortDescending: Bool = false, columnSpacing: Int = 1,
                headerRole: StyleRole = .tableHeader, rowRole: StyleRole = .tableRow,
                selectedRole: StyleRole = .tableSelected, sortRole: StyleRole = .tableSort) {
        self.columns = columns
        self.rowCount = rows.count
        self.row = { rows[$0] }
        self.selected = selected
        self.offset = offset
        self.sortColumn = sortColumn
        self.sortDescending = sortDescending
        self.columnSpacing = columnSpacing
        self.headerRole = headerRole
        self.rowRole = rowRole
        self.selectedRole = selectedRole
        self.sortRole = sortRole
    }

    /// A table whose rows are built on demand by `row` (0..<rowCount).
    public init(columns: [TableColumn], rowCount: Int, row: @escaping @Sendable (Int) -> TableRow,
                selected: Int? = nil, offset: Int = 0, sortColumn: Int? = nil, sortDescending: Bool = false) {
        self.init(columns: columns, rows: [], selected: selected, offset: offset,
                  sortColumn: sortColumn, sortDescending: sortDescending)
        self.rowCount = max(0, rowCount)
        self.row = row
    }

    /// Width of the selection/mark gutter.
    public static let gutterWidth = 2

    /// The first visible row so that `selected` is inside a viewport of
    /// `viewportRows`, moving as little as possible from `offset`.
    public static func scrollOffset(selected: Int?, offset: Int, rowCount: Int, viewportRows: Int) -> Int {
        guard viewportRows > 0, rowCount > 0 else { return 0 }
        let maxOffset = max(0, rowCount - viewportRows)
        var o = min(max(0, offset), maxOffset)
        if let s = selected.map({ min(max(0, $0), rowCount - 1) }) {
            if s < o { o = s }
            if s >= o + viewportRows { o = s - viewportRows + 1 }
        }
        return o
    }

    /// The rows shown in `area` (after the header) and the offset used; callers
    /// store `offset` for the next frame.
    public func visibleRange(in area: Rect) -> (offset: Int, range: Range<Int>) {
        let viewport = max(0, area.height - 1)
        let o = Table.scrollOffset(selected: selected, offset: offset, rowCount: rowCount, viewportRows: viewport)
        return (o, o..<min(rowCount, o + viewport))
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        _ = renderReturningOffset(in: area, buffer: &buffer)
    }

    /// Renders and returns the scroll offset used.
    @discardableResult
    public func renderReturningOffset(in area: Rect, buffer: inout Buffer) -> Int {
        let a = area.intersection(buffer.area)
        guard !a.isEmpty else { return 0 }
        let gutter = a.width > Table.gutterWidth + 2 ? Table.gutterWidth : 0
        let body = Rect(x: a.x + gutter, y: a.y, width: a.width - gutter, height: a.height)
        let widths = Layout.horizontal(columns.map(\.width), spacing: columnSpacing).split(body)
        let g = buffer.glyphs

        // Header.
        buffer.fill(a.row(0), with: .blank(headerRole))
        for (i, column) in columns.enumerated() where i < widths.count && widths[i].width > 0 {
            let r = widths[i]
            if sortColumn == i {
                // The marker follows the title; right-aligned titles end in it.
                let marker = sortDescending ? g.sortDescending : g.sortAscending
                let titleWidth = buffer.setText(column.title, x: r.x, y: a.y, width: r.width - 1,
                                                role: headerRole, alignment: column.alignment)
                let markerX: Int
                switch column.alignment {
                case .right: markerX = r.right - 1
                case .left: markerX = r.x + titleWidth
                case .center: markerX = r.x + (r.width - 1 - titleWidth) / 2 + titleWidth
                }
                buffer.set(x: markerX, y: a.y, Cell(symbol: marker, role: sortRole))
            } else {
                buffer.setText(column.title, x: r.x, y: a.y, width: r.width, role: headerRole, alignment: column.alignment)
            }
        }

        // Rows.
        let (o, range) = visibleRange(in: a)
        for (line, index) in range.enumerated() {
            let y = a.y + 1 + line
            let row = self.row(index)
            let isSelected = selected == index
            let baseRole = isSelected ? selectedRole : (row.role ?? rowRole)
            buffer.fill(a.row(1 + line), with: .blank(baseRole))
            if gutter > 0 {
                if isSelected {
                    buffer.set(x: a.x, y: y, Cell(symbol: g.selection, role: baseRole))
                } else if line == 0, o > 0 {
                    buffer.set(x: a.x, y: y, Cell(symbol: g.moreAbove, role: baseRole))
                } else if line == range.count - 1, range.upperBound < rowCount {
                    buffer.set(x: a.x, y: y, Cell(symbol: g.moreBelow, role: baseRole))
                }
                if row.marked { buffer.set(x: a.x + 1, y: y, Cell(symbol: g.mark, role: .tableMarked)) }
            }
            for (i, column) in columns.enumerated() where i < widths.count && i < row.cells.count {
                let r = widths[i]
                guard r.width > 0 else { continue }
                let cell = row.cells[i]
                let role = isSelected ? selectedRole : (cell.role ?? baseRole)
                buffer.setText(cell.text, x: r.x, y: y, width: r.width, role: role, alignment: column.alignment)
            }
        }
        return o
    }
}
