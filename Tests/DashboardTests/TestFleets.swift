import Dashboard
import MiningCore
import TermUI

/// Scripted fleets for the tests, built by applying MiningCore observations
/// through `reduce` (no fake engine).
enum TestFleets {
    static let arrivalMs: UInt64 = 1_764_000_000_000

    /// The scenario after `blocks` blocks, chain identified, finalized two
    /// behind, the clock 4 s after the last block.
    static func state(workers: Int = 14, blocks: Int = 300, size: Size = Size(width: 160, height: 48)) -> AppState {
        if workers == 14 && blocks == 300 {
            // Built once (debug builds are slow); a value, so each test gets its own copy.
            var s = standard
            _ = reduce(&s, .terminalResized(size))
            return s
        }
        return build(workers: workers, blocks: blocks, size: size)
    }

    static let standard = build(workers: 14, blocks: 300, size: Size(width: 160, height: 48))

    static func build(workers: Int, blocks: Int, size: Size) -> AppState {
        let scenario = ScriptedScenario(workers: workers)
        var state = AppState(config: scenario.config, source: .simulated("scripted test fleet"), size: size)
        let batches = scenario.history(blocks: blocks)
        _ = reduce(&state, .observationsArrived(batches.flatMap { $0 }, atMs: arrivalMs))
        _ = reduce(&state, .chainIdentified(name: "Khala (scripted)", specVersion: 1251))
        if let best = state.fleet.currentBlock { _ = reduce(&state, .finalizedBlockObserved(best - 2)) }
        _ = reduce(&state, .tick(nowMs: arrivalMs + 4_000))
        return state
    }

    /// Presses `keys` in order, returning the effects of the last one.
    @discardableResult
    static func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        var effects: [Effect] = []
        for k in keys { effects = reduce(&state, .keyPressed(k)) }
        return effects
    }

    static func type(_ state: inout AppState, _ text: String) {
        for c in text { _ = reduce(&state, .keyPressed(.char(c))) }
    }

    /// Renders the whole screen through the frame renderer into a TestBackend.
    static func screen(_ state: AppState, width: Int, height: Int, glyphs: GlyphSet = .unicode) throws -> TestBackend {
        var backend = TestBackend(width: width, height: height)
        var renderer = FrameRenderer(glyphs: glyphs)
        try renderer.render(size: backend.size, to: &backend) { buffer in Screen.render(state, into: &buffer) }
        return backend
    }

    /// Renders `draw` alone into a TestBackend.
    static func render(width: Int, height: Int, _ draw: (inout Buffer) -> Void) throws -> TestBackend {
        var backend = TestBackend(width: width, height: height)
        var renderer = FrameRenderer()
        try renderer.render(size: backend.size, to: &backend) { buffer in draw(&buffer); return nil }
        return backend
    }
}
