import Dashboard
import MiningCore
import Testing
import TermUI

/// Snapshots of every pane, the whole screen and the overlays at 160x48,
/// 80x24 and 20x5, rendered by the TestBackend from the scripted fleet.
@Suite struct PaneSnapshotTests {
    static let sizes: [(Int, Int)] = [(160, 48), (80, 24), (20, 5)]

    /// The scripted fleet with a worker of interest selected (the flaky one
    /// owes a challenge, so every pane has something to say).
    static func state(size: Size, select index: Int = ScriptedScenario.flakyIndex) -> AppState {
        var state = TestFleets.state(size: size)
        let key = ScriptedScenario.workerKey(index)
        // Walk the selection down to the worker (keys only; no back door).
        for _ in 0..<state.visible.count where state.selectedKey != key {
            TestFleets.press(&state, .char("j"))
        }
        return state
    }

    @Test(arguments: sizes) func wholeScreen(width: Int, height: Int) throws {
        let state = Self.state(size: Size(width: width, height: height))
        let screen = try TestFleets.screen(state, width: width, height: height)
        Snapshot.assert(screen.lines, named: "screen-\(width)x\(height)")
    }

    @Test(arguments: sizes) func eachPane(width: Int, height: Int) throws {
        let state = Self.state(size: Size(width: width, height: height))
        for pane in PaneID.allCases {
            let screen = try TestFleets.render(width: width, height: height) { buffer in
                Screen.renderPane(pane, state, in: buffer.area, focused: true, buffer: &buffer)
            }
            Snapshot.assert(screen.lines, named: "pane-\(pane)-\(width)x\(height)")
        }
    }

    @Test(arguments: sizes) func headerStatusFooter(width: Int, height: Int) throws {
        let state = Self.state(size: Size(width: width, height: height))
        let screen = try TestFleets.render(width: width, height: 3) { buffer in
            HeaderPane.render(state, in: buffer.area.row(0), buffer: &buffer)
            StatusLine.render(state, in: buffer.area.row(1), buffer: &buffer)
            FooterPane.render(state, in: buffer.area.row(2), buffer: &buffer)
        }
        Snapshot.assert(screen.lines, named: "chrome-\(width)")
    }

    @Test(arguments: sizes) func helpOverlay(width: Int, height: Int) throws {
        var state = Self.state(size: Size(width: width, height: height))
        TestFleets.press(&state, .char("?"))
        #expect(state.overlay == .help)
        let screen = try TestFleets.screen(state, width: width, height: height)
        Snapshot.assert(screen.lines, named: "help-\(width)x\(height)")
        if width >= 80 {
            // Generated from the key table: every binding's help text is on screen.
            let text = screen.text
            for b in KeyTable.bindings { #expect(text.contains(b.keyLabel), "help lacks \(b.keyLabel)") }
        }
    }

    @Test(arguments: sizes) func detailView(width: Int, height: Int) throws {
        var state = Self.state(size: Size(width: width, height: height), select: ScriptedScenario.unresponsiveIndex)
        TestFleets.press(&state, .enter)
        let screen = try TestFleets.screen(state, width: width, height: height)
        Snapshot.assert(screen.lines, named: "detail-\(width)x\(height)")
    }

    @Test func filteredAndProblemsOnly() throws {
        var state = Self.state(size: Size(width: 80, height: 24))
        TestFleets.press(&state, .char("/"))
        TestFleets.type(&state, "state=unresponsive")
        TestFleets.press(&state, .enter)
        let screen = try TestFleets.screen(state, width: 80, height: 24)
        Snapshot.assert(screen.lines, named: "filtered-unresponsive-80x24")
        TestFleets.press(&state, .char("/"), .ctrl("u"))
        TestFleets.type(&state, "risk>=")
        let typing = try TestFleets.screen(state, width: 80, height: 24)
        Snapshot.assert(typing.lines, named: "filter-error-80x24")
    }

    @Test func asciiScreenHasOnlyASCII() throws {
        let state = Self.state(size: Size(width: 160, height: 48))
        for (w, h) in Self.sizes {
            let screen = try TestFleets.screen(state, width: w, height: h, glyphs: .ascii)
            for line in screen.lines {
                #expect(line.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }, "\(line)")
            }
        }
        let screen = try TestFleets.screen(state, width: 160, height: 48, glyphs: .ascii)
        Snapshot.assert(screen.lines, named: "screen-ascii-160x48")
    }

    /// Colour roles of the fleet table: state and risk cells carry their roles.
    @Test func fleetRoles() throws {
        let state = Self.state(size: Size(width: 80, height: 24))
        let screen = try TestFleets.screen(state, width: 80, height: 24)
        let legend: [StyleRole: Character] = [
            .stateComputing: "c", .stateUnresponsive: "U", .stateCoolingDown: "d", .stateReady: "r",
            .riskLosing: "L", .riskAtRisk: "A", .textWarning: "w", .riskNone: "o", .tableSelected: "#",
            .banner: "B", .header: "h", .footer: "f", .footerKey: "k",
        ]
        Snapshot.assert(screen.roleLines(legend), named: "roles-80x24")
    }
}
