import Dashboard
import Foundation
import MiningCore
import TermUI

/// Benchmarks of the dashboard: a full 200x60 frame (every pane) rendered
/// and diffed with 1,000 and 10,000 workers in the fleet, the cost of one
/// block through `reduce`, and what reaches the terminal per block and per
/// clock tick for a fleet that does not change. Fleets are the scripted
/// scenario built from MiningCore observations.
func dashboardBenchmarks() throws -> [BenchRow] {
    var rows: [BenchRow] = []
    let width = 200, height = 60
    let size = Size(width: width, height: height)

    for workers in [1_000, 10_000] {
        let scenario = ScriptedScenario(workers: workers)
        let history = scenario.history(blocks: 150)
        var state = AppState(config: scenario.config, source: .simulated("bench"), size: size)
        let t0 = nowNanos()
        _ = reduce(&state, .observationsArrived(history.flatMap { $0 }, atMs: 1_000))
        let buildMs = Double(nowNanos() - t0) / 1e6
        _ = reduce(&state, .chainIdentified(name: "Khala (bench)", specVersion: 1251))
        _ = reduce(&state, .tick(nowMs: 5_000))
        var moved = state
        _ = reduce(&moved, .keyPressed(.char("j")))

        func frame(_ s: AppState) -> Buffer {
            var b = Buffer(width: width, height: height)
            Screen.render(s, into: &b)
            return b
        }
        let base = frame(state)
        let renderNs = medianNanos(runs: 41) { blackHole(frame(state)) }
        var changed = 0
        let totalNs = medianNanos(runs: 41) {
            let next = frame(moved)
            changed = FrameDiff.changes(from: base, to: next).reduce(0) { $0 + $1.writtenCellCount }
        }
        rows.append(BenchRow(section: "dashboard", name: "render 200x60, \(workers) workers", value: fmt(renderNs / 1e6, 3) + " ms",
                             note: "every pane into a fresh buffer (rows derived in reduce)"))
        rows.append(BenchRow(section: "dashboard", name: "render+diff 200x60, \(workers) workers", value: fmt(totalNs / 1e6, 3) + " ms",
                             note: "selection moved one row: \(changed) of \(width * height) cells; target < 2 ms at 1,000"))

        // One more block through reduce: apply its observations and re-derive rows, pools, filter and sort.
        let nextBlock = scenario.block(scenario.startBlock + 151)
        let reduceNs = medianNanos(runs: workers > 5_000 ? 5 : 11) {
            var s = state
            _ = reduce(&s, .observationsArrived(nextBlock, atMs: 13_000))
            blackHole(s)
        }
        rows.append(BenchRow(section: "dashboard", name: "reduce one block, state copied, \(workers) workers", value: fmt(reduceNs / 1e6, 2) + " ms",
                             note: "\(nextBlock.count) observations + re-derive (state copied first); scenario built in \(fmt(buildMs, 0)) ms"))

        // The run loop owns the only copy of the state: blocks applied in place, one after another.
        let later = (0..<(workers > 5_000 ? 9 : 21)).map { scenario.block(scenario.startBlock + 152 + UInt32($0)) }
        var live = state
        _ = reduce(&live, .observationsArrived(nextBlock, atMs: 13_000))  // the first write copies what `state` shares
        var inPlace: [UInt64] = []
        var observations = 0
        for (k, block) in later.enumerated() {
            let t = nowNanos()
            _ = reduce(&live, .observationsArrived(block, atMs: 14_000 + UInt64(k) * 1_000))
            inPlace.append(nowNanos() - t)
            observations += block.count
        }
        inPlace.sort()
        rows.append(BenchRow(section: "dashboard", name: "reduce one block in place, \(workers) workers",
                             value: fmt(Double(inPlace[inPlace.count / 2]) / 1e6, 2) + " ms",
                             note: "median of \(later.count) consecutive blocks (~\(observations / later.count) observations each), as the run loop does"))

        // Of which the worker and pool statuses, kept by FleetStatusCache.
        var cacheFleet = state.fleet
        var cache = FleetStatusCache(fleet: cacheFleet)
        var cacheTimes: [UInt64] = []
        var rederived = 0
        for block in later {
            cacheFleet.applyInPlace(contentsOf: block)
            let t = nowNanos()
            let update = cache.update(to: cacheFleet)
            cacheTimes.append(nowNanos() - t)
            rederived += update.rederived.count
        }
        cacheTimes.sort()
        rows.append(BenchRow(section: "dashboard", name: "  of which FleetStatusCache.update, \(workers)",
                             value: fmt(Double(cacheTimes[cacheTimes.count / 2]) / 1e6, 2) + " ms",
                             note: "~\(rederived / later.count) workers re-derived per block, the rest clock-refreshed; pools from deltas"))

        // What a full derivation costs (what every block paid before the cache).
        let fleet = state.fleet
        let statusesNs = medianNanos(runs: workers > 5_000 ? 3 : 7) { blackHole(fleet.statuses()) }
        let poolsNs = medianNanos(runs: workers > 5_000 ? 3 : 7) { blackHole(fleet.poolStatuses()) }
        rows.append(BenchRow(section: "dashboard", name: "  of which Fleet.statuses(), \(workers)", value: fmt(statusesNs / 1e6, 2) + " ms",
                             note: "MiningCore, full derivation: one WorkerStatus per worker"))
        rows.append(BenchRow(section: "dashboard", name: "  of which Fleet.poolStatuses(), \(workers)", value: fmt(poolsNs / 1e6, 2) + " ms",
                             note: "MiningCore, full derivation: pools with their members' statuses"))

        // An unchanged fleet: a block with no worker change, then a clock tick.
        if workers == 1_000 {
            var afterBlock = state
            _ = reduce(&afterBlock, .observationsArrived([.blockObserved(number: scenario.startBlock + 151, hash: nil,
                                                                          timestampMs: 1_764_000_000_000 + UInt64(scenario.startBlock + 151) * 12_000)],
                                                         atMs: 17_000))
            var afterTick = state
            _ = reduce(&afterTick, .tick(nowMs: 6_000))
            for (label, next) in [("new block, fleet unchanged", afterBlock), ("clock tick (1 s)", afterTick)] {
                let runs = FrameDiff.changes(from: base, to: frame(next))
                let cells = runs.reduce(0) { $0 + $1.writtenCellCount }
                let header = runs.filter { $0.y == 0 }.reduce(0) { $0 + $1.writtenCellCount }
                let bytes = runs.reduce(0) { acc, run in acc + 8 + run.cells.reduce(0) { $0 + $1.symbol.utf8.count } }
                rows.append(BenchRow(section: "dashboard", name: "per \(label), 200x60", value: "\(cells) cells",
                                     note: "\(header) in the header, \(cells - header) elsewhere, \(runs.count) runs, ~\(bytes) bytes (UTF-8 + 8 per cursor move; colour changes not counted)"))
            }
            let same = FrameDiff.changes(from: base, to: frame(state)).reduce(0) { $0 + $1.writtenCellCount }
            rows.append(BenchRow(section: "dashboard", name: "re-render unchanged state, 200x60", value: "\(same) cells",
                                 note: "must be 0"))
        }
    }
    return rows
}
