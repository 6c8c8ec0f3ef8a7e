import Dashboard
import MiningCore
import Testing
import TermUI

/// Over SSH bytes are the cost: an unchanged fleet re-rendered writes
/// nothing, a clock tick writes only the header's "ago" text.
@Suite struct FrameDiffTests {
    @Test(arguments: [(160, 48), (80, 24), (20, 5)])
    func unchangedFleetWritesNothing(width: Int, height: Int) throws {
        let state = TestFleets.state(size: Size(width: width, height: height))
        var backend = TestBackend(width: width, height: height)
        var renderer = FrameRenderer()
        try renderer.render(size: backend.size, to: &backend) { Screen.render(state, into: &$0) }
        #expect(backend.cellsWritten == width * height)
        backend.resetCounters()
        let runs = try renderer.render(size: backend.size, to: &backend) { Screen.render(state, into: &$0) }
        #expect(runs.isEmpty && backend.cellsWritten == 0)
        // The same observations again (a re-sent storage snapshot) change nothing either.
        var again = state
        _ = reduce(&again, .observationsArrived([.onlineWorkersChanged(20)], atMs: TestFleets.arrivalMs + 4_000))
        try renderer.render(size: backend.size, to: &backend) { Screen.render(again, into: &$0) }
        #expect(backend.cellsWritten == 0)
    }

    @Test func tickChangesOnlyTheHeaderClock() throws {
        let state = TestFleets.state(size: Size(width: 160, height: 48))
        var later = state
        _ = reduce(&later, .tick(nowMs: TestFleets.arrivalMs + 9_000))
        var backend = TestBackend(width: 160, height: 48)
        var renderer = FrameRenderer()
        try renderer.render(size: backend.size, to: &backend) { Screen.render(state, into: &$0) }
        backend.resetCounters()
        let runs = try renderer.render(size: backend.size, to: &backend) { Screen.render(later, into: &$0) }
        #expect(runs.allSatisfy { $0.y == 0 }, "only the header row changes")
        #expect(backend.cellsWritten == 1, "\"4s ago\" → \"9s ago\"")
    }

    @Test func newBlockChangesHeaderAndBlockCounts() throws {
        let scenario = ScriptedScenario(workers: 14)
        let state = TestFleets.state(size: Size(width: 160, height: 48))
        var next = state
        _ = reduce(&next, .observationsArrived(scenario.block(1_301), atMs: TestFleets.arrivalMs + 12_000))
        var backend = TestBackend(width: 160, height: 48)
        var renderer = FrameRenderer()
        try renderer.render(size: backend.size, to: &backend) { Screen.render(state, into: &$0) }
        backend.resetCounters()
        let runs = try renderer.render(size: backend.size, to: &backend) { Screen.render(next, into: &$0) }
        // Block numbers in the header, "blocks since the last heartbeat" per
        // computing row, the owed challenge's age: nothing else.
        #expect(!runs.isEmpty)
        #expect(backend.cellsWritten < 160, "\(backend.cellsWritten) cells")
    }
}

extension FrameDiffTests {
    /// A block in which nothing happens to any worker rewrites only the
    /// header, the selected worker's side panes and the rows of workers that
    /// owe a challenge (their age against the window really changed).
    @Test func emptyBlockTouchesOnlyWhatChanged() throws {
        let state = TestFleets.state(size: Size(width: 160, height: 48))
        var next = state
        let n: UInt32 = 1_301
        _ = reduce(&next, .observationsArrived([.blockObserved(number: n, hash: nil, timestampMs: 1_764_000_000_000 + UInt64(n) * 12_000)],
                                               atMs: TestFleets.arrivalMs + 4_000))
        let layout = ScreenLayout(size: state.size, state: state)
        var owingRows: Set<Int> = []
        for (i, index) in next.visible.enumerated() where !next.rows[index].status.heartbeat.pendingChallenges.isEmpty {
            owingRows.insert(layout.fleet.y + 2 + i - next.tableOffset)
        }
        var backend = TestBackend(width: 160, height: 48)
        var renderer = FrameRenderer()
        try renderer.render(size: backend.size, to: &backend) { Screen.render(state, into: &$0) }
        let runs = try renderer.render(size: backend.size, to: &backend) { Screen.render(next, into: &$0) }
        let stray = runs.filter { $0.y != 0 && $0.x < layout.fleet.right && !owingRows.contains($0.y) }
        #expect(stray.isEmpty, "unexpected changes: \(stray.map { "row \($0.y) col \($0.x): \($0.cells.map(\.symbol).joined())" })")
        #expect(runs.contains { $0.y == 0 }, "the header shows the new block")
    }
}
