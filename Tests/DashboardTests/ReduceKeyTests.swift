import Dashboard
import MiningCore
import Testing
import TermUI

/// Every key of the key table through `reduce`, plus keys it does not know.
@Suite struct ReduceKeyTests {
    func fresh(_ size: Size = Size(width: 160, height: 48)) -> AppState { TestFleets.state(size: size) }

    @Test func movingSelection() {
        var s = fresh()
        #expect(s.selectedIndex == 0)
        let first = s.selectedKey
        TestFleets.press(&s, .char("j"))
        #expect(s.selectedIndex == 1)
        TestFleets.press(&s, .down, .down)
        #expect(s.selectedIndex == 3)
        TestFleets.press(&s, .char("k"), .up)
        #expect(s.selectedIndex == 1)
        TestFleets.press(&s, .up, .up, .up)
        #expect(s.selectedIndex == 0 && s.selectedKey == first, "stops at the top")
        TestFleets.press(&s, .char("G"))
        #expect(s.selectedIndex == s.visible.count - 1)
        TestFleets.press(&s, .down)
        #expect(s.selectedIndex == s.visible.count - 1, "stops at the bottom")
        TestFleets.press(&s, .home)
        #expect(s.selectedIndex == 0)
        TestFleets.press(&s, .end)
        #expect(s.selectedIndex == s.visible.count - 1)
        TestFleets.press(&s, .home)
        #expect(s.selectedIndex == 0)
    }

    @Test func pagingKeepsSelectionInView() {
        var s = TestFleets.state(workers: 60, blocks: 120, size: Size(width: 80, height: 24))
        let viewport = ScreenLayout(size: s.size, state: s).fleetViewportRows
        TestFleets.press(&s, .pageDown)
        #expect(s.selectedIndex == viewport - 1)
        TestFleets.press(&s, .pageDown, .pageDown)
        let i = s.selectedIndex ?? -1
        #expect(i >= s.tableOffset && i < s.tableOffset + viewport, "selection \(i) visible from \(s.tableOffset)")
        TestFleets.press(&s, .pageUp)
        #expect(s.selectedIndex == i - (viewport - 1))
        TestFleets.press(&s, .ctrl("b"), .ctrl("b"), .ctrl("b"))
        #expect(s.selectedIndex == 0 && s.tableOffset == 0)
    }

    @Test func tabCyclesPanes() {
        var s = fresh()
        var seen: [PaneID] = [s.focus]
        for _ in 0..<PaneID.allCases.count { TestFleets.press(&s, .tab); seen.append(s.focus) }
        #expect(seen == PaneID.allCases + [.fleet])
        TestFleets.press(&s, .backTab)
        #expect(s.focus == .transactions)
        TestFleets.press(&s, .backTab)
        #expect(s.focus == .events)
        // j/k scroll the event log while it has the focus; the selection stays.
        let selected = s.selectedIndex
        TestFleets.press(&s, .char("j"), .char("j"))
        #expect(s.eventOffset == 2 && s.selectedIndex == selected)
    }

    @Test func enterOpensDetailAndEscCloses() {
        var s = fresh()
        TestFleets.press(&s, .enter)
        #expect(s.overlay == .detail)
        TestFleets.press(&s, .char("j"))
        #expect(s.overlay == .detail && s.selectedIndex == 1, "j moves within the detail view")
        TestFleets.press(&s, .char("s"))
        #expect(s.sort == .risk, "other keys do nothing in the detail view")
        TestFleets.press(&s, .escape)
        #expect(s.overlay == nil)
    }

    @Test func sortCyclesAndReverses() {
        var s = fresh()
        #expect(s.sort == .risk && s.sortDescending)
        let urgency = s.visible.map { Format.urgency(s.rows[$0].status.risk.level) }
        #expect(urgency == urgency.sorted(by: >))
        TestFleets.press(&s, .char("s"))
        #expect(s.sort == .name && !s.sortDescending)
        let labels = s.visible.map { s.rows[$0].label }
        #expect(labels == labels.sorted())
        TestFleets.press(&s, .char("S"))
        #expect(s.sortDescending)
        #expect(s.visible.map { s.rows[$0].label } == labels.reversed())
        let key = s.selectedKey
        TestFleets.press(&s, .char("s"), .char("s"), .char("s"), .char("s"), .char("s"))
        #expect(s.sort == .v)
        #expect(s.selectedKey == key, "the same worker stays selected across sorts")
        TestFleets.press(&s, .char("s"))
        #expect(s.sort == .risk)
    }

    @Test func filterKeys() {
        var s = fresh()
        TestFleets.press(&s, .char("/"))
        #expect(s.filterEditor != nil)
        TestFleets.type(&s, "state=unresponsive")
        TestFleets.press(&s, .enter)
        #expect(s.filterEditor == nil && s.filterText == "state=unresponsive")
        #expect(s.visible.count == 1 && s.selectedRow?.status.state == .workerUnresponsive)
        // A query that does not parse stays open with its error; Esc restores.
        TestFleets.press(&s, .char("/"))
        TestFleets.type(&s, " and pool<")
        #expect(s.filterError != nil)
        TestFleets.press(&s, .enter)
        #expect(s.filterEditor != nil, "Enter does not accept a broken query")
        TestFleets.press(&s, .escape)
        #expect(s.filterEditor == nil && s.filterError == nil && s.filterText == "state=unresponsive")
        #expect(s.visible.count == 1)
        // Keys typed into the filter are text, not commands.
        TestFleets.press(&s, .char("/"), .ctrl("u"))
        TestFleets.type(&s, "q")
        #expect(s.filterEditor?.text == "q" && s.overlay == nil)
        TestFleets.press(&s, .backspace, .enter)
        #expect(s.filterText == "" && s.visible.count == s.rows.count)
    }

    @Test func problemsOnly() {
        var s = fresh()
        TestFleets.press(&s, .char("p"))
        #expect(s.problemsOnly)
        #expect(!s.visible.isEmpty && s.visible.allSatisfy { s.rows[$0].status.risk.level >= .watch })
        #expect(s.visible.count < s.rows.count)
        TestFleets.press(&s, .char("p"))
        #expect(s.visible.count == s.rows.count)
    }

    @Test func spaceMarksAndMovesOn() {
        var s = fresh()
        let first = s.selectedKey
        TestFleets.press(&s, .char(" "))
        #expect(s.marked == Set([first].compactMap { $0 }) && s.selectedIndex == 1)
        TestFleets.press(&s, .up, .char(" "))
        #expect(s.marked.isEmpty)
    }

    @Test func freezeKeepsRowsUntilThaw() {
        var s = fresh()
        TestFleets.press(&s, .char("f"))
        #expect(s.frozen)
        let rows = s.rows
        let next = ScriptedScenario(workers: 14).block(1_301)
        _ = reduce(&s, .observationsArrived(next, atMs: TestFleets.arrivalMs + 12_000))
        #expect(s.rows == rows && s.fleet.currentBlock == 1_301, "fleet moves on, display stays")
        TestFleets.press(&s, .char("f"))
        #expect(!s.frozen && s.rows != rows)
    }

    @Test func themeCyclesThroughNamesAsAnEffect() {
        var s = fresh()
        #expect(s.themeName == "default")
        var names: [String] = []
        for _ in Theme.builtinNames {
            let effects = TestFleets.press(&s, .char("t"))
            guard case .loadTheme(let name)? = effects.first else { Issue.record("no loadTheme effect"); return }
            names.append(name)
            _ = reduce(&s, .themeLoaded(name: name, problems: []))
        }
        #expect(names == Array(Theme.builtinNames.dropFirst()) + ["default"])
    }

    @Test func helpOpensAndCloses() {
        var s = fresh()
        TestFleets.press(&s, .char("?"))
        #expect(s.overlay == .help)
        TestFleets.press(&s, .char("j"))
        #expect(s.overlay == .help && s.selectedIndex == 0, "keys under the overlay do nothing")
        TestFleets.press(&s, .escape)
        #expect(s.overlay == nil)
        TestFleets.press(&s, .function(1))
        #expect(s.overlay == .help)
        TestFleets.press(&s, .char("?"))
        #expect(s.overlay == nil)
    }

    @Test func quitWithNothingInFlightQuitsAtOnce() {
        var s = fresh()
        #expect(TestFleets.press(&s, .char("q")) == [.quit])
        // The flow with an action in flight: ActionReduceTests.quitAsksWhileATransactionIsInFlight.
    }

    @Test func escapeWithNothingOpenIsHarmless() {
        let s = fresh()
        var t = s
        #expect(TestFleets.press(&t, .escape).isEmpty)
        #expect(t == s)
    }

    @Test func unknownKeysDoNothing() {
        let s = fresh()
        let keys: [Key] = [.char("w"), .char("Z"), .char("é"), .char("日"), .ctrl("z"), .unknown(9_999), .function(9),
                           .insert, .delete, .left, .right, .resize, .char("\u{1b}")]
        for key in keys {
            var t = s
            let effects = TestFleets.press(&t, key)
            #expect(effects.isEmpty, "\(key)")
            #expect(t == s, "\(key) changed the state")
        }
    }

    /// Every binding of the table reaches `reduce` (a table entry whose
    /// command does nothing would show in this list).
    @Test func everyBindingChangesSomethingOrHasAnEffect() {
        for binding in KeyTable.bindings {
            for key in binding.keys {
                var s = fresh()
                // Set up the context where the command has something to do.
                if binding.command == .moveUp || binding.command == .pageUp || binding.command == .moveTop || binding.command == .moveBottom {
                    TestFleets.press(&s, .char("j"), .char("j"))
                }
                if binding.command == .closeOverlay { TestFleets.press(&s, .char("?")) }
                let before = s
                let effects = TestFleets.press(&s, key)
                #expect(!effects.isEmpty || s != before, "\(key) (\(binding.command)) did nothing")
            }
        }
    }

    @Test func resizeAndTickAndConnection() {
        var s = fresh()
        _ = reduce(&s, .terminalResized(Size(width: 20, height: 5)))
        #expect(s.size == Size(width: 20, height: 5))
        _ = reduce(&s, .tick(nowMs: TestFleets.arrivalMs + 30_000))
        #expect(s.msSinceLastBlock == 30_000)
        _ = reduce(&s, .tick(nowMs: TestFleets.arrivalMs))
        #expect(s.msSinceLastBlock == 30_000, "the clock never goes back")
        _ = reduce(&s, .connectionChanged(.stalled(endpoint: "scripted", sinceBlock: 1_300)))
        #expect(s.events.first?.text.contains("stalled") == true)
    }
}
