import Dashboard
import MiningCore
import Testing
import TermUI

/// A worker's pRuntime `/info` line (issue 8): the poll message in `reduce`,
/// the line's words and colour, and snapshots of the detail view and the
/// registration pane with a synced, a lagging and an unreachable pRuntime.
@Suite struct PRuntimeStatusViewTests {
    static let endpoint = "http://10.0.0.5:8000"
    static let worker = ScriptedScenario.workerKey(ScriptedScenario.flakyIndex)

    /// What a pRuntime says when it has processed `processed` parachain blocks.
    static func answered(processed: UInt32, registered: Bool = true, devMode: Bool = false) -> PRuntimeStatus {
        PRuntimeStatus(endpoint: endpoint, reachability: .answered, initialized: true, registered: registered,
                       devMode: devMode, nextRelayHeaderNumber: 2 * processed + 1, nextParaHeaderNumber: processed + 1,
                       nextBlockNumber: processed + 1, version: "2.2.0", polledAtMs: TestFleets.arrivalMs)
    }

    static let unreachable = PRuntimeStatus(endpoint: endpoint,
                                            reachability: .unreachable("connection refused (10.0.0.5:8000)"),
                                            polledAtMs: TestFleets.arrivalMs)

    static func head(_ state: AppState) throws -> UInt32 { try #require(state.fleet.currentBlock) }

    /// The scripted fleet, the flaky worker selected, with `status` polled for it.
    static func state(size: Size, status: PRuntimeStatus?) -> AppState {
        var state = PaneSnapshotTests.state(size: size)
        if let status { _ = reduce(&state, .pruntimeStatusesPolled([worker: status])) }
        return state
    }

    @Test func pollRoundIsKeptAndReplacedWithoutEffects() throws {
        var state = TestFleets.state()
        let head = try Self.head(state)
        let other = ScriptedScenario.workerKey(0)
        let first: [WorkerKey: PRuntimeStatus] = [Self.worker: Self.answered(processed: head), other: Self.unreachable]
        let effects = reduce(&state, .pruntimeStatusesPolled(first))
        #expect(effects.isEmpty)
        #expect(state.pruntimeStatuses == first)
        // The next round replaces the last: a worker no longer polled has no stale line.
        let second: [WorkerKey: PRuntimeStatus] = [Self.worker: Self.answered(processed: head - 40)]
        let (next, moreEffects) = reduce(state, .pruntimeStatusesPolled(second))
        #expect(moreEffects.isEmpty)
        #expect(next.pruntimeStatuses == second)
        #expect(next.pruntimeLine(for: other) == nil)
        #expect(state.pruntimeStatuses == first, "the pure form leaves its input alone")
    }

    @Test func lineSaysSyncedBehindOrUnreachable() throws {
        var state = TestFleets.state()
        let head = try Self.head(state)
        _ = reduce(&state, .pruntimeStatusesPolled([Self.worker: Self.answered(processed: head, devMode: true)]))
        let synced = try #require(state.pruntimeLine(for: Self.worker))
        #expect(synced.text == "pRuntime synced #\(head) (relay #\(2 * head)), registered, dev mode")
        #expect(synced.role == .textOK)

        _ = reduce(&state, .pruntimeStatusesPolled([Self.worker: Self.answered(processed: head - 12, registered: false)]))
        let behind = try #require(state.pruntimeLine(for: Self.worker))
        #expect(behind.text.hasPrefix("pRuntime 12 blocks behind (#\(head - 12) of #\(head))"))
        #expect(behind.text.hasSuffix("not registered"))
        #expect(behind.role == .textWarning)

        _ = reduce(&state, .pruntimeStatusesPolled([Self.worker: Self.unreachable]))
        let down = try #require(state.pruntimeLine(for: Self.worker))
        #expect(down.text == "pRuntime unreachable: connection refused (10.0.0.5:8000)")
        #expect(down.role == .textError)
    }

    @Test func lagIsMeasuredAgainstTheHeadOfThePoll() throws {
        var state = TestFleets.state()
        let head = try Self.head(state)
        _ = reduce(&state, .pruntimeStatusesPolled([Self.worker: Self.answered(processed: head, devMode: true)]))
        // Three blocks arrive before the next poll: the pRuntime was synced when asked.
        let later = (1...3).map { Observation.blockObserved(number: head + UInt32($0), hash: nil, timestampMs: TestFleets.arrivalMs + UInt64($0) * 12_000) }
        _ = reduce(&state, .observationsArrived(later, atMs: TestFleets.arrivalMs + 36_000))
        #expect(state.fleet.currentBlock == head + 3)
        let line = try #require(state.pruntimeLine(for: Self.worker))
        #expect(line.text.hasPrefix("pRuntime synced #\(head)"))
        #expect(line.role == .textOK)
        // The next round is measured against the new head.
        _ = reduce(&state, .pruntimeStatusesPolled([Self.worker: Self.answered(processed: head, devMode: true)]))
        #expect(try #require(state.pruntimeLine(for: Self.worker)).text.hasPrefix("pRuntime 3 blocks behind"))
    }

    @Test func configuredButNotYetPolledSaysSo() {
        var config = ScriptedScenario(workers: 14).config
        let i = config.workers.firstIndex { $0.key == Self.worker }
        #expect(i != nil)
        if let i { config.workers[i].pruntime = Self.endpoint }
        let state = AppState(config: config, source: .simulated("test"))
        #expect(state.pruntimeLine(for: Self.worker)?.text == "pRuntime: waiting for the first /info")
        #expect(state.pruntimeLine(for: ScriptedScenario.workerKey(0)) == nil, "no endpoint, no line")
    }

    static let cases: [(String, Int, Int)] = [
        ("synced", 160, 48), ("synced", 80, 24), ("behind", 160, 48), ("behind", 80, 24),
        ("unreachable", 160, 48), ("unreachable", 80, 24),
    ]

    static func status(_ name: String, head: UInt32) -> PRuntimeStatus {
        switch name {
        case "synced": answered(processed: head, devMode: true)
        case "behind": answered(processed: head - 12, registered: false)
        default: unreachable
        }
    }

    @Test(arguments: cases) func detailView(name: String, width: Int, height: Int) throws {
        let base = Self.state(size: Size(width: width, height: height), status: nil)
        var state = Self.state(size: Size(width: width, height: height), status: Self.status(name, head: try Self.head(base)))
        TestFleets.press(&state, .enter)
        #expect(state.selectedKey == Self.worker)
        let screen = try TestFleets.screen(state, width: width, height: height)
        Snapshot.assert(screen.lines, named: "detail-pruntime-\(name)-\(width)x\(height)")
        let line = try #require(state.pruntimeLine(for: Self.worker))
        #expect(screen.text.contains(String(line.text.prefix(width - 4))), "the pRuntime line is on screen")
    }

    @Test(arguments: cases) func registrationPane(name: String, width: Int, height: Int) throws {
        let base = Self.state(size: Size(width: width, height: height), status: nil)
        let state = Self.state(size: Size(width: width, height: height), status: Self.status(name, head: try Self.head(base)))
        let screen = try TestFleets.render(width: width, height: height) { buffer in
            Screen.renderPane(.registration, state, in: buffer.area, focused: true, buffer: &buffer)
        }
        Snapshot.assert(screen.lines, named: "pane-registration-pruntime-\(name)-\(width)x\(height)")
        #expect(screen.text.contains("pRuntime"))
    }
}
