/// A width x height grid of cells that widgets draw into; one frame of the screen.
///
/// Why a buffer: panes are pure functions that write cells (STYLE.md, principle
/// 2); the frame diff then compares two buffers so only changed cells reach the
/// terminal. Every write is bounds-checked, so a 0x0 buffer is safe to draw on.
public struct Buffer: Sendable, Equatable {
    public private(set) var width: Int
    public private(set) var height: Int
    /// Row-major cells, `width * height` of them.
    public private(set) var cells: [Cell]
    /// The glyph set widgets use when they draw into this buffer.
    public var glyphs: GlyphSet

    public init(width: Int, height: Int, glyphs: GlyphSet = .unicode, fill: Cell = .blank()) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.glyphs = glyphs
        self.cells = Array(repeating: fill, count: self.width * self.height)
    }

    public init(size: Size, glyphs: GlyphSet = .unicode) {
        self.init(width: size.width, height: size.height, glyphs: glyphs)
    }

    public var size: Size { Size(width: width, height: height) }
    /// The whole buffer as a rectangle.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public static func == (a: Buffer, b: Buffer) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells
    }

    @inlinable
    public func index(x: Int, y: Int) -> Int? {
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        return y * width + x
    }

    /// The cell at (x, y), nil outside the buffer.
    public func cell(x: Int, y: Int) -> Cell? {
        guard let i = index(x: x, y: y) else { return nil }
        return cells[i]
    }

    /// Writes one cell, keeping wide characters whole: a wide cell that would
    /// stick out of the right edge becomes a blank, and overwriting either half
    /// of an existing wide character blanks its other half.
    public mutating func set(x: Int, y: Int, _ cell: Cell) {
        guard let i = index(x: x, y: y) else { return }
        // Break up a wide character we are overwriting.
        let old = cells[i]
        if old.isContinuation, x > 0 {
            cells[i - 1] = Cell.blank(cells[i - 1].role)
        } else if old.width == 2, x + 1 < width, cell.width != 2 {
            cells[i + 1] = Cell.blank(cells[i + 1].role)
        }
        if cell.width == 2 {
            guard x + 1 < width else { cells[i] = Cell.blank(cell.role); return }
            if cells[i + 1].width == 2, x + 2 < width { cells[i + 2] = Cell.blank(cells[i + 2].role) }
            cells[i] = cell
            cells[i + 1] = Cell.continuation(cell.role)
        } else if cell.width == 0 {
            // A bare continuation or zero-width cell is never stored on its own.
            cells[i] = Cell.blank(cell.role)
        } else {
            cells[i] = cell
        }
    }

    /// Fills `rect` (clipped to the buffer) with `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank()) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        if cell.width == 1 {
            for y in r.top..<r.bottom {
                let rowStart = y * width
                // Do not leave half of a wide character at either edge.
                if r.left > 0, cells[rowStart + r.left].isContinuation {
                    cells[rowStart + r.left - 1] = Cell.blank(cells[rowStart + r.left - 1].role)
                }
                if r.right < width, cells[rowStart + r.right].isContinuation {
                    cells[rowStart + r.right] = Cell.blank(cells[rowStart + r.right].role)
                }
                for x in r.left..<r.right { cells[rowStart + x] = cell }
            }
        } else {
            for y in r.top..<r.bottom { for x in r.left..<r.right { set(x: x, y: y, cell) } }
        }
    }

    /// Changes the role of every cell in `rect`, keeping the text (used for a
    /// selected table row or a highlighted button).
    public mutating func setRole(_ role: StyleRole, in rect: Rect) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.top..<r.bottom {
            for x in r.left..<r.right { cells[y * width + x].role = role }
        }
    }

    /// Clears the whole buffer to blanks in `role`.
    public mutating func clear(_ role: StyleRole = .text) {
        for i in cells.indices { cells[i] = Cell.blank(role) }
    }

    /// Each row as plain text (continuation cells skipped), for snapshot tests and
    /// the test backend.
    public var lines: [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width {
                let c = cells[y * width + x]
                if !c.isContinuation { line += c.symbol }
            }
            return line
        }
    }
}
