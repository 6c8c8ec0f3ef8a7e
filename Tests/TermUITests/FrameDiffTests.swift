import Testing
import TermUI

@Suite("Frame diff")
struct FrameDiffTests {
    @Test("an unchanged frame writes 0 cells; one changed cell writes 1")
    func minimal() throws {
        var backend = TestBackend(width: 80, height: 24)
        var renderer = FrameRenderer()
        var changed = false
        func draw(_ buffer: inout Buffer) -> Position? {
            Gallery.draw(&buffer)
            if changed { buffer.set(x: 79, y: 23, Cell("X")) }
            return nil
        }
        try renderer.render(size: backend.size, to: &backend, draw)
        #expect(backend.cellsWritten > 80 * 24 - 40)  // the whole first frame (minus continuations)
        backend.resetCounters()
        try renderer.render(size: backend.size, to: &backend, draw)
        #expect(backend.cellsWritten == 0)
        #expect(backend.runsWritten == 0)
        changed = true
        try renderer.render(size: backend.size, to: &backend, draw)
        #expect(backend.cellsWritten == 1)
        #expect(backend.runsWritten == 1)
        #expect(backend.lines[23].hasSuffix("X"))
        // The backend's screen equals a fresh render.
        var fresh = Buffer(width: 80, height: 24)
        _ = draw(&fresh)
        #expect(backend.lines == fresh.lines)
    }

    @Test("adjacent changes make one run; distant ones separate runs")
    func runs() {
        let old = Buffer(width: 10, height: 2)
        var new = old
        new.setString("ab", x: 2, y: 0)
        new.setString("c", x: 8, y: 0)
        new.setString("d", x: 0, y: 1)
        let runs = FrameDiff.changes(from: old, to: new)
        #expect(runs.map { [$0.x, $0.y, $0.cells.count] } == [[2, 0, 2], [8, 0, 1], [0, 1, 1]])
    }

    @Test("wide characters are written whole")
    func wide() throws {
        var old = Buffer(width: 6, height: 1)
        old.setString("a文b", x: 0, y: 0)
        var new = old
        new.setString("字", x: 1, y: 0)
        let runs = FrameDiff.changes(from: old, to: new)
        #expect(runs.count == 1)
        #expect(runs[0].x == 1 && runs[0].cells.count == 2 && runs[0].writtenCellCount == 1)
        // Replacing a wide character by two narrow ones writes both.
        var narrow = old
        narrow.setString("xy", x: 1, y: 0)
        #expect(FrameDiff.changes(from: old, to: narrow).map(\.writtenCellCount) == [2])
        // Applying diffs to a TestBackend reproduces the frame.
        var backend = TestBackend(width: 6, height: 1)
        try backend.draw(FrameDiff.changes(from: nil, to: old))
        try backend.draw(FrameDiff.changes(from: old, to: narrow))
        #expect(backend.lines == narrow.lines)
    }

    @Test("a size change or no previous frame sends everything")
    func resize() {
        let a = Buffer(width: 4, height: 2)
        let b = Buffer(width: 5, height: 2)
        #expect(FrameDiff.changes(from: a, to: b).reduce(0) { $0 + $1.cells.count } == 10)
        #expect(FrameDiff.changes(from: nil, to: a).reduce(0) { $0 + $1.cells.count } == 8)
        #expect(FrameDiff.changes(from: nil, to: Buffer(width: 0, height: 0)).isEmpty)
    }

    @Test("role-only changes are changes")
    func roleChange() {
        let old = Buffer(width: 3, height: 1)
        var new = old
        new.setRole(.tableSelected, in: Rect(x: 1, y: 0, width: 1, height: 1))
        #expect(FrameDiff.changes(from: old, to: new).map(\.x) == [1])
    }
}
