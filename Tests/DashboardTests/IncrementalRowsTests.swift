import MiningCore
import TermUI
import Testing
@testable import Dashboard

/// The rows and the visible order `reduce` keeps block by block (only the
/// re-derived rows are re-placed, `FleetStatusCache`) equal a state derived
/// in full from the same fleet, for every sort column, both directions,
/// problems-only and filters, over the scripted scenario's history (a
/// worker stops, one goes unresponsive and recovers, one stays down).
@Suite struct IncrementalRowsTests {
    struct View: CustomStringConvertible {
        var descending: Bool
        var problemsOnly: Bool
        var filter: String
        var description: String { "\(descending ? "desc" : "asc") problems=\(problemsOnly) filter='\(filter)'" }
    }

    static let views = [View(descending: true, problemsOnly: false, filter: ""),
                        View(descending: false, problemsOnly: true, filter: ""),
                        View(descending: true, problemsOnly: false, filter: "pool=3"),
                        View(descending: false, problemsOnly: false, filter: "risk>=watch or rig-1")]

    static func configured(_ state: inout AppState, sort: SortKey, view: View) throws {
        state.sort = sort
        state.sortDescending = view.descending
        state.problemsOnly = view.problemsOnly
        state.filter = try FilterParser.parse(view.filter)
        state.filterText = view.filter
        state.refilter()
    }

    @Test(arguments: SortKey.allCases)
    func rowsAndOrderMatchAFullDerivation(sort: SortKey) throws {
        let scenario = ScriptedScenario(workers: 48)
        let history = scenario.history(blocks: 270)
        let size = Size(width: 160, height: 48)
        for view in Self.views {
            var state = AppState(config: scenario.config, source: .simulated("test"), size: size)
            try Self.configured(&state, sort: sort, view: view)
            var incremental = 0
            for (n, batch) in history.enumerated() {
                let before = state.statusCache
                _ = reduce(&state, .observationsArrived(batch, atMs: 1_000 + UInt64(n) * 12_000))
                if !before.statuses.isEmpty, before.statuses.count == state.rows.count { incremental += 1 }
                guard n % 3 == 0 || n > 240 else { continue }
                var fresh = AppState(fleet: state.fleet, config: scenario.config, source: .simulated("test"), size: size)
                try Self.configured(&fresh, sort: sort, view: view)
                #expect(state.rows == fresh.rows, "rows differ at block \(n), \(sort) \(view)")
                #expect(state.visible.map { state.rows[$0].key } == fresh.visible.map { fresh.rows[$0].key },
                        "visible order differs at block \(n), sort \(sort) \(view)")
                if state.rows != fresh.rows { return }
            }
            #expect(incremental > 200, "the history should run through the incremental path")
            #expect(!state.visible.isEmpty || view.problemsOnly, "\(view) shows nothing")
        }
    }
}
