/// A run of changed cells on one row, starting at column `x`.
public struct CellRun: Hashable, Sendable {
    public var x: Int
    public var y: Int
    /// The new cells, left to right (continuation cells included, so
    /// `cells.count` is the number of columns the run covers).
    public var cells: [Cell]

    /// Cells the backend actually writes (continuations ride on their wide cell).
    public var writtenCellCount: Int { cells.reduce(0) { $0 + ($1.isContinuation ? 0 : 1) } }
}

/// The difference between two frames as runs of changed cells.
///
/// Why: over SSH, bytes are the cost; an unchanged frame must write nothing and
/// one changed cell must write one cell (ARCHITECTURE.md, runtime loop). A run
/// that starts on the right half of a wide character is widened to include its
/// left half, so the terminal never sees half a wide character.
public enum FrameDiff {
    /// Changed runs turning `old` into `new`; every cell of `new` when there is
    /// no old frame or the sizes differ.
    public static func changes(from old: Buffer?, to new: Buffer) -> [CellRun] {
        let width = new.width
        guard let old, old.width == width, old.height == new.height else {
            return (0..<new.height).compactMap { y in
                width == 0 ? nil : CellRun(x: 0, y: y, cells: Array(new.cells[(y * width)..<((y + 1) * width)]))
            }
        }
        var runs: [CellRun] = []
        old.cells.withUnsafeBufferPointer { oldCells in
            new.cells.withUnsafeBufferPointer { newCells in
                for y in 0..<new.height {
                    let rowStart = y * width
                    var x = 0
                    while x < width {
                        if oldCells[rowStart + x] == newCells[rowStart + x] { x += 1; continue }
                        var start = x
                        if newCells[rowStart + start].isContinuation, start > 0 { start -= 1 }
                        var end = x + 1
                        while end < width, oldCells[rowStart + end] != newCells[rowStart + end] { end += 1 }
                        // Keep a wide cell and its continuation together.
                        if end < width, newCells[rowStart + end].isContinuation { end += 1 }
                        if let last = runs.last, last.y == y, last.x + last.cells.count >= start {
                            let from = last.x + last.cells.count
                            if end > from { runs[runs.count - 1].cells += newCells[(rowStart + from)..<(rowStart + end)] }
                        } else {
                            runs.append(CellRun(x: start, y: y, cells: Array(newCells[(rowStart + start)..<(rowStart + end)])))
                        }
                        x = end
                    }
                }
            }
        }
        return runs
    }
}
