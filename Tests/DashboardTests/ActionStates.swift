import Dashboard
import MiningCore
import TermUI

/// Dashboard states with each action dialog open and with transactions in
/// the pane, reached through `reduce` only (keys and run-loop messages).
enum ActionStates {
    static let owner = SignerStatus.account(ScriptedScenario.owner, address: ActionReduceTests.ownerAddress, origin: "test")

    static func selecting(_ base: AppState, worker i: Int) -> AppState {
        var s = base
        _ = reduce(&s, .signerIdentified(owner))
        let key = ScriptedScenario.workerKey(i)
        TestFleets.press(&s, .home)
        for _ in 0..<s.visible.count where s.selectedKey != key { TestFleets.press(&s, .char("j")) }
        return s
    }

    /// `g` on the ready worker with "5000" typed.
    static func stakeInput(_ base: AppState) -> AppState {
        var s = selecting(base, worker: ScriptedScenario.readyIndex)
        TestFleets.press(&s, .char("g"))
        TestFleets.type(&s, "5000")
        return s
    }

    /// The confirmation of that start.
    static func confirmation(_ base: AppState) -> AppState {
        var s = stakeInput(base)
        guard case .action(.prepare(let id, _))? = TestFleets.press(&s, .enter).first else { return s }
        _ = reduce(&s, .actionPrepared(id, ActionReduceTests.preview))
        return s
    }

    /// Stop of two marked workers, as a batch, waiting for the node.
    static func preparingBatch(_ base: AppState) -> AppState {
        var s = selecting(base, worker: 0)
        TestFleets.press(&s, .char(" "))
        let second = ScriptedScenario.workerKey(1)
        TestFleets.press(&s, .home)
        for _ in 0..<s.visible.count where s.selectedKey != second { TestFleets.press(&s, .char("j")) }
        TestFleets.press(&s, .char(" "), .char("x"))
        return s
    }

    /// Three transactions: one finalized, one failed with a module error, one in flight.
    static func withTransactions(_ base: AppState) -> AppState {
        var s = selecting(base, worker: 0)
        func submit(_ keys: [Key], typing: String? = nil) -> ActionID? {
            for k in keys { TestFleets.press(&s, k) }
            if let typing { TestFleets.type(&s, typing); TestFleets.press(&s, .enter) }
            guard case .preparing(let id, _)? = s.actionDialog else { return nil }
            _ = reduce(&s, .actionPrepared(id, ActionReduceTests.preview))
            TestFleets.press(&s, .char("y"))
            return id
        }
        if let a = submit([.char("x")]) {
            _ = reduce(&s, .transactionProgressed(a, TransactionProgress(status: .ready, hash: "0x5e1f0a2b…77c3")))
            _ = reduce(&s, .transactionProgressed(a, TransactionProgress(status: .finalized, outcome: .success, blockNumber: 1_298)))
        }
        s = selecting(s, worker: ScriptedScenario.readyIndex)
        if let b = submit([.char("g")], typing: "2000000") {
            let error = "PhalaStakePoolv2.InsufficientFreeStake: The pool has not enough free stake"
            _ = reduce(&s, .transactionProgressed(b, TransactionProgress(status: .inBlock, outcome: .failed(error), blockNumber: 1_299)))
        }
        s = selecting(s, worker: 1)
        if let c = submit([.char("x")]) {
            _ = reduce(&s, .transactionProgressed(c, TransactionProgress(status: .ready)))
        }
        return s
    }

    static func all(_ base: AppState) -> [AppState] {
        [stakeInput(base), confirmation(base), preparingBatch(base), withTransactions(base)]
    }
}
