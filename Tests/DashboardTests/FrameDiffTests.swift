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
