/// An in-memory terminal for tests: applies runs to a buffer, counts what was
/// written and shows its screen as literal text rows.
///
/// Why: snapshot tests compare `lines` with text files, and the counters prove
/// that the diff sends only changed cells.
public struct TestBackend: Backend, Sendable {
    public private(set) var screen: Buffer
    public private(set) var cursor: Position?
    /// Cells written since creation (or `resetCounters`), continuations excluded.
    public private(set) var cellsWritten = 0
    /// Runs (cursor moves) written.
    public private(set) var runsWritten = 0
    public private(set) var flushCount = 0
    public private(set) var invalidateCount = 0

    public init(width: Int, height: Int) {
        screen = Buffer(width: width, height: height, fill: Cell(symbol: " ", role: .text))
    }

    public var size: Size { screen.size }

    public mutating func draw(_ runs: [CellRun]) throws {
        for run in runs {
            runsWritten += 1
            for (i, cell) in run.cells.enumerated() where !cell.isContinuation {
                screen.set(x: run.x + i, y: run.y, cell)
                cellsWritten += 1
            }
        }
    }

    public mutating func setCursor(_ position: Position?) throws { cursor = position }
    public mutating func flush() throws { flushCount += 1 }
    public mutating func invalidate() throws { invalidateCount += 1 }

    /// Changes the size (a simulated SIGWINCH); the screen is cleared.
    public mutating func resize(width: Int, height: Int) {
        screen = Buffer(width: width, height: height)
    }

    public mutating func resetCounters() {
        cellsWritten = 0
        runsWritten = 0
        flushCount = 0
    }

    /// The screen as text rows.
    public var lines: [String] { screen.lines }

    /// The screen as one string, rows joined by newlines.
    public var text: String { lines.joined(separator: "\n") }

    /// The screen's roles as text rows: each cell shows the character `legend`
    /// gives its role (or `other`), so snapshots can check colouring too.
    public func roleLines(_ legend: [StyleRole: Character], other: Character = ".") -> [String] {
        (0..<screen.height).map { y in
            String((0..<screen.width).map { x in screen.cell(x: x, y: y).flatMap { legend[$0.role] } ?? other })
        }
    }

    /// The role of each cell, for tests that check colouring.
    public func role(x: Int, y: Int) -> StyleRole? { screen.cell(x: x, y: y)?.role }
}
