import Dashboard
import MiningCore
import Testing
import TermUI

/// Messages other than keys: observations, the event log, selection
/// stability, the pure form of `reduce`.
@Suite struct StateTests {
    @Test func pureReduceMatchesInPlace() {
        let s = TestFleets.state()
        let msgs: [Msg] = [.keyPressed(.char("j")), .keyPressed(.char("s")), .tick(nowMs: TestFleets.arrivalMs + 9_000),
                           .observationsArrived(ScriptedScenario(workers: 14).block(1_301), atMs: TestFleets.arrivalMs + 12_000)]
        var inPlace = s
        var pure = s
        for m in msgs {
            let e1 = reduce(&inPlace, m)
            let (next, e2) = reduce(pure, m)
            pure = next
            #expect(e1 == e2)
        }
        #expect(inPlace == pure)
        #expect(s == TestFleets.state(), "the pure form leaves its input alone")
    }

    @Test func eventLogIsNewestFirstAndNamesWorkers() {
        let s = TestFleets.state()
        let blocks = s.events.compactMap(\.block)
        #expect(blocks == blocks.sorted(by: >))
        #expect(s.events.first?.text == "rig-03 became unresponsive")
        #expect(s.events.first?.severity == .bad)
        #expect(s.events.contains { $0.text == "rig-07 stopped; cool-down begins" })
        #expect(s.events.count <= AppState.maxEvents)
    }

    @Test func selectionFollowsTheWorkerWhenRowsReorder() {
        var s = TestFleets.state()
        // Select a healthy worker, then make it unresponsive: it moves to the top.
        let target = ScriptedScenario.workerKey(0)
        while s.selectedKey != target, (s.selectedIndex ?? 0) < s.visible.count - 1 { TestFleets.press(&s, .char("j")) }
        #expect(s.selectedKey == target)
        let before = s.selectedIndex
        let session = DerivedAccounts.session(pid: 1, worker: target)
        _ = reduce(&s, .observationsArrived([.blockObserved(number: 1_301, hash: nil, timestampMs: 1_764_000_000_000 + 1_301 * 12_000),
                                             .workerEnteredUnresponsive(session: session, block: 1_301)],
                                            atMs: TestFleets.arrivalMs + 12_000))
        #expect(s.selectedKey == target && s.selectedIndex != before)
        #expect(s.selectedRow?.status.state == .workerUnresponsive)
        #expect(s.events.first?.text == "rig-01 became unresponsive")
    }

    @Test func filterStaysInForceAcrossUpdates() {
        var s = TestFleets.state()
        TestFleets.press(&s, .char("/"))
        TestFleets.type(&s, "state=unresponsive")
        TestFleets.press(&s, .enter)
        #expect(s.visible.count == 1)
        let session = DerivedAccounts.session(pid: 1, worker: ScriptedScenario.workerKey(0))
        _ = reduce(&s, .observationsArrived([.workerEnteredUnresponsive(session: session, block: 1_300)], atMs: TestFleets.arrivalMs))
        #expect(s.visible.count == 2)
    }

    @Test func stalledConnectionShowsInHeaderAndSummary() throws {
        var s = TestFleets.state(size: Size(width: 20, height: 5))
        _ = reduce(&s, .connectionChanged(.stalled(endpoint: "scripted", sinceBlock: 1_300)))
        let small = try TestFleets.screen(s, width: 20, height: 5)
        #expect(small.lines[0].contains("OFFLINE"))
        _ = reduce(&s, .terminalResized(Size(width: 80, height: 24)))
        let screen = try TestFleets.screen(s, width: 80, height: 24)
        #expect(screen.lines[0].contains("STALLED"))
        let line = screen.lines[0]
        let found = try #require(line.range(of: "STALLED"))
        #expect(screen.role(x: line.distance(from: line.startIndex, to: found.lowerBound), y: 0) == .textError)
    }
}
