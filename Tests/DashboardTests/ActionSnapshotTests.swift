import Dashboard
import MiningCore
import Testing
import TermUI

/// Snapshots of the action dialogs and the transactions pane (issue 8), and
/// checks that the confirmation shows every fact it must.
@Suite struct ActionSnapshotTests {
    static let sizes: [(Int, Int)] = [(120, 40), (80, 24), (20, 5)]

    func base(_ w: Int, _ h: Int) -> AppState { TestFleets.state(size: Size(width: w, height: h)) }

    @Test(arguments: sizes) func stakeDialog(width: Int, height: Int) throws {
        let s = ActionStates.stakeInput(base(width, height))
        let screen = try TestFleets.screen(s, width: width, height: height)
        Snapshot.assert(screen.lines, named: "action-stake-\(width)x\(height)")
        if width >= 80 {
            #expect(screen.text.contains("Free stake"))
            #expect(screen.text.contains("Minimum"))
            #expect(screen.text.contains("Stake in PHA: 5000"))
        }
    }

    @Test(arguments: sizes) func confirmation(width: Int, height: Int) throws {
        let s = ActionStates.confirmation(base(width, height))
        let screen = try TestFleets.screen(s, width: width, height: height)
        Snapshot.assert(screen.lines, named: "action-confirm-\(width)x\(height)")
        guard width >= 80 else { return }
        let text = screen.text
        // The call in words with the amount in PHA, signer, fee, chain and spec, nonce.
        #expect(text.contains("PhalaStakePoolv2.start_computing: pool"))
        #expect(text.contains("stake 5,000 PHA"))
        #expect(text.contains(ActionReduceTests.ownerAddress))
        #expect(text.contains("0.0153 PHA (estimated, Normal)"))
        #expect(text.contains("khala spec 1251"))
        #expect(text.contains("Nonce"))
        #expect(text.contains("y signs and sends"))
    }

    @Test func preparingBatch() throws {
        let s = ActionStates.preparingBatch(base(120, 40))
        let screen = try TestFleets.screen(s, width: 120, height: 40)
        Snapshot.assert(screen.lines, named: "action-preparing-batch-120x40")
        #expect(screen.text.contains("Utility.batch_all: 2 calls, all or nothing"))
        #expect(screen.text.contains("Nothing is signed yet"))
    }

    @Test(arguments: sizes) func transactionsPane(width: Int, height: Int) throws {
        let s = ActionStates.withTransactions(base(width, height))
        #expect(s.transactions.count == 3)
        let pane = try TestFleets.render(width: width, height: min(height, 8)) { buffer in
            TransactionsPane.render(s, in: buffer.area, focused: false, buffer: &buffer)
        }
        Snapshot.assert(pane.lines, named: "txpane-\(width)x\(min(height, 8))")
        let screen = try TestFleets.screen(s, width: width, height: height)
        Snapshot.assert(screen.lines, named: "screen-transactions-\(width)x\(height)")
        if width >= 120 {
            #expect(screen.text.contains("InsufficientFreeStake"))
            #expect(screen.text.contains("finalized #1298, success"))
        }
    }

    /// `--ascii`: the dialogs, the pane and the footer notices stay ASCII too.
    @Test func asciiGlyphsKeepActionTextASCII() throws {
        let base = base(120, 40)
        var states = ActionStates.all(base)
        var refused = ActionStates.selecting(base, worker: ScriptedScenario.coolingIndex)
        TestFleets.press(&refused, .char("c"))
        states.append(refused)
        for s in states {
            let screen = try TestFleets.screen(s, width: 120, height: 40, glyphs: .ascii)
            let bad = screen.lines.filter { !$0.unicodeScalars.allSatisfy(\.isASCII) }
            #expect(bad.isEmpty, "non-ASCII lines: \(bad.prefix(3))")
        }
    }

    @Test func readOnlySaysSoInPaneAndFooter() throws {
        var s = base(120, 40)
        _ = reduce(&s, .signerIdentified(.readOnly))
        var screen = try TestFleets.screen(s, width: 120, height: 40)
        #expect(screen.text.contains("read-only mode (--read-only): actions are disabled"))
        TestFleets.press(&s, .char("g"))
        screen = try TestFleets.screen(s, width: 120, height: 40)
        #expect(screen.lines[39].contains("read-only mode"))
        Snapshot.assert(screen.lines, named: "screen-read-only-120x40")
    }
}
