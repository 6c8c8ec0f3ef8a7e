import Dashboard
import MiningCore
import Testing
import TermUI

/// No size, overlay or input crashes the renderer.
@Suite struct RobustnessTests {
    @Test func everySizeAndOverlay() throws {
        let base = TestFleets.state()
        var states: [AppState] = [base, AppState(source: .live(endpoint: "ws://x"))]
        for keys in [[Key.char("?")], [.enter], [.char("/")], [.char("/"), .char("(")], [.tab, .tab, .tab, .tab, .tab]] {
            var s = base
            for k in keys { _ = reduce(&s, .keyPressed(k)) }
            states.append(s)
        }
        states += ActionStates.all(base)
        let sizes = [(0, 0), (1, 1), (0, 5), (5, 0), (2, 2), (3, 1), (20, 5), (19, 4), (40, 10), (59, 13), (60, 14),
                     (80, 24), (119, 35), (120, 36), (160, 48), (200, 60), (300, 3), (3, 100)]
        for state in states {
            for (w, h) in sizes {
                var s = state
                _ = reduce(&s, .terminalResized(Size(width: w, height: h)))
                for glyphs in [GlyphSet.unicode, .ascii] {
                    var buffer = Buffer(width: w, height: h, glyphs: glyphs)
                    let cursor = Screen.render(s, into: &buffer)
                    if let cursor { #expect(cursor.x <= w && cursor.y < h) }
                }
            }
        }
    }

    @Test func summaryAtTwentyByFive() throws {
        let screen = try TestFleets.screen(TestFleets.state(size: Size(width: 20, height: 5)), width: 20, height: 5)
        #expect(screen.lines[0].hasPrefix("#1300"))
        #expect(screen.lines[1].hasPrefix("SIMULATED"))
    }

    @Test func hostileNamesAreCleaned() throws {
        var config = DashboardConfig()
        let key = ScriptedScenario.workerKey(0)
        config.workers = [.init(name: "\u{1b}[31mevil\r\n日本語名前", key: key)]
        var s = AppState(config: config, source: .simulated("t"), size: Size(width: 80, height: 24))
        _ = reduce(&s, .observationsArrived([.watchListChanged([key])], atMs: 0))
        let screen = try TestFleets.screen(s, width: 80, height: 24)
        #expect(!screen.text.contains("\u{1b}") && !screen.text.contains("\r"))
    }

    @Test func emptyFleetSaysSo() throws {
        let s = AppState(source: .live(endpoint: "ws://node:9944"), size: Size(width: 80, height: 24))
        let screen = try TestFleets.screen(s, width: 80, height: 24)
        #expect(screen.text.contains("no workers watched yet"))
        #expect(!screen.text.contains("SIMULATED"), "live data has no banner")
    }
}
