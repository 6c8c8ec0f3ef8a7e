import Dashboard
import MiningCore
import Testing
import TermUI

/// The action keys through `reduce` (issue 8): which keys apply in which
/// state, batches on marks, the dialogs, every cancel path, and that the
/// only `submit` comes from the `y` of a confirmation.
@Suite struct ActionReduceTests {
    static let ownerAddress = "4AliceOwnerAddressForTheScriptedPools0000000000"

    /// The scripted fleet with the pools' owner as signer.
    func signed(_ size: Size = Size(width: 160, height: 48)) -> AppState {
        var s = TestFleets.state(size: size)
        _ = reduce(&s, .signerIdentified(.account(ScriptedScenario.owner, address: Self.ownerAddress, origin: "test")))
        return s
    }

    /// Selects worker `i` of the scripted scenario.
    func select(_ s: inout AppState, worker i: Int) {
        let key = ScriptedScenario.workerKey(i)
        guard let pos = s.visible.firstIndex(where: { s.rows[$0].key == key }) else {
            Issue.record("worker \(i) not visible")
            return
        }
        TestFleets.press(&s, .home)
        for _ in 0..<pos { TestFleets.press(&s, .char("j")) }
        #expect(s.selectedKey == key)
    }

    func pid(_ s: AppState, _ i: Int) -> UInt64 {
        s.rows.first { $0.key == ScriptedScenario.workerKey(i) }?.status.pid ?? 999
    }

    static let preview = ActionPreview(encodedCall: "PhalaStakePoolv2.start_computing 0x5d0d, 82 bytes",
                                       signerAddress: ownerAddress + " (sr25519)", feeText: "0.0153 PHA (estimated, Normal)",
                                       chainName: "Khala (scripted)", specName: "khala", specVersion: 1251,
                                       transactionVersion: 6, nonce: 7, validity: "64 blocks from #1296")

    // MARK: applicability

    @Test func readyWorkerTakesStartOnly() {
        var s = signed()
        select(&s, worker: ScriptedScenario.readyIndex)
        for (key, phrase) in [("x", "not computing"), ("c", "not cooling down"), ("R", "not computing"), ("a", "already in pool")] {
            var t = s
            #expect(TestFleets.press(&t, .char(Character(key))).isEmpty, "\(key)")
            #expect(t.notice?.text.contains(phrase) == true, "\(key): \(t.notice?.text ?? "no notice")")
            #expect(t.actionDialog == nil)
        }
        #expect(TestFleets.press(&s, .char("g")).isEmpty, "the stake is asked before anything is prepared")
        guard case .stakeInput(let input)? = s.actionDialog else { Issue.record("no stake input"); return }
        #expect(input.kind == .start)
        #expect(input.targets == [ActionTarget(pid: pid(s, ScriptedScenario.readyIndex), worker: ScriptedScenario.workerKey(ScriptedScenario.readyIndex))])
        #expect(input.freeStakePlanck[pid(s, ScriptedScenario.readyIndex)] != nil, "the pool's free stake is shown")
        // k = 100 in the scripted tokenomics: minimum = 100·√score PHA.
        let score = s.fleet.workers[ScriptedScenario.workerKey(ScriptedScenario.readyIndex)]?.info?.initialScore ?? 0
        let expected = 100 * Double(score).squareRoot()
        let minimum = Double(input.minimumPlanck ?? 0) / 1e12
        #expect(abs(minimum - expected) < 0.001, "minimum \(minimum) PHA for score \(score)")
        #expect(input.maximumPlanck != nil)
    }

    @Test func computingWorkerTakesStopAndRestart() {
        var s = signed()
        select(&s, worker: 0)
        let key = ScriptedScenario.workerKey(0)
        var t = s
        TestFleets.press(&t, .char("g"))
        #expect(t.notice?.text.contains("already computing") == true)
        t = s
        let effects = TestFleets.press(&t, .char("x"))
        guard case .action(.prepare(let id, let action))? = effects.first, effects.count == 1 else {
            Issue.record("x did not prepare: \(effects)"); return
        }
        #expect(action == .stopComputing(pid: pid(s, 0), worker: key))
        #expect(t.actionDialog == .preparing(id, action))
        t = s
        TestFleets.press(&t, .char("R"))
        guard case .stakeInput(let input)? = t.actionDialog else { Issue.record("R asked no stake"); return }
        #expect(input.kind == .restart)
        #expect(input.currentStakePlanck == s.selectedRow?.status.stakePlanck)
    }

    @Test func coolingAndUnregisteredWorkersSayWhy() {
        var s = signed()
        select(&s, worker: ScriptedScenario.coolingIndex)
        var t = s
        TestFleets.press(&t, .char("c"))
        #expect(t.notice?.text.contains("cool-down not over") == true, "\(t.notice?.text ?? "")")
        t = s
        TestFleets.press(&t, .char("g"))
        #expect(t.notice?.text.contains("cooling down") == true)
        select(&s, worker: ScriptedScenario.unregisteredIndex)
        TestFleets.press(&s, .char("a"))
        #expect(s.notice?.text.contains("not registered") == true, "\(s.notice?.text ?? "")")
        TestFleets.press(&s, .char("r"))
        #expect(s.notice?.text.contains("pRuntime") == true)
        // The next key clears the notice.
        TestFleets.press(&s, .char("j"))
        #expect(s.notice == nil)
    }

    @Test func registerUsesTheConfiguredPRuntimeAndThePoolOwnerAsOperator() throws {
        let scenario = ScriptedScenario(workers: 14)
        var config = scenario.config
        let i = try #require(config.workers.firstIndex { $0.key == ScriptedScenario.workerKey(ScriptedScenario.unregisteredIndex) })
        config.workers[i].pruntime = "http://10.0.0.9:8000"
        var s = AppState(config: config, source: .simulated("t"), size: Size(width: 160, height: 48))
        _ = reduce(&s, .observationsArrived(scenario.history(blocks: 300).flatMap { $0 }, atMs: TestFleets.arrivalMs))
        _ = reduce(&s, .signerIdentified(.account(ScriptedScenario.owner, address: Self.ownerAddress, origin: "test")))
        select(&s, worker: ScriptedScenario.unregisteredIndex)
        let effects = TestFleets.press(&s, .char("r"))
        guard case .action(.prepare(_, let action))? = effects.first else { Issue.record("r did not prepare: \(effects)"); return }
        #expect(action == .registerWorker(worker: ScriptedScenario.workerKey(ScriptedScenario.unregisteredIndex),
                                          pruntime: "http://10.0.0.9:8000", operator_: ScriptedScenario.owner))
        // Without an endpoint, r says what is missing.
        TestFleets.press(&s, .escape)
        select(&s, worker: 0)
        #expect(TestFleets.press(&s, .char("r")).isEmpty)
        #expect(s.notice?.text.contains("pruntime =") == true)
    }

    @Test func signerWhoIsNotTheOwnerIsRefused() {
        var s = TestFleets.state()
        let stranger = AccountID(raw: Key32(w0: 9, w1: 9, w2: 9, w3: 9))
        _ = reduce(&s, .signerIdentified(.account(stranger, address: "4Stranger", origin: "test")))
        select(&s, worker: 0)
        #expect(TestFleets.press(&s, .char("x")).isEmpty)
        #expect(s.notice?.text.contains("not pool") == true && s.notice?.text.contains("owner") == true)
    }

    @Test(arguments: [SignerStatus.readOnly, .noKey])
    func withoutAKeyEveryActionIsDisabled(_ signer: SignerStatus) {
        var s = TestFleets.state()
        _ = reduce(&s, .signerIdentified(signer))
        select(&s, worker: ScriptedScenario.readyIndex)
        TestFleets.press(&s, .char(" "))
        for key in ["a", "g", "x", "c", "R", "r"] {
            var t = s
            #expect(TestFleets.press(&t, .char(Character(key))).isEmpty)
            #expect(t.actionDialog == nil && t.overlay == nil)
            let expected = signer == .readOnly ? "read-only" : "no signing key"
            #expect(t.notice?.text.contains(expected) == true, "\(key): \(t.notice?.text ?? "")")
        }
    }

    // MARK: marks

    @Test func marksBecomeOneBatchAll() {
        var s = signed()
        select(&s, worker: 0)
        TestFleets.press(&s, .char(" "))
        select(&s, worker: 1)
        TestFleets.press(&s, .char(" "))
        #expect(s.marked.count == 2)
        var t = s
        let effects = TestFleets.press(&t, .char("x"))
        guard case .action(.prepare(_, let action))? = effects.first else { Issue.record("no prepare"); return }
        let expected: Set<ChainAction> = [.stopComputing(pid: pid(s, 0), worker: ScriptedScenario.workerKey(0)),
                                          .stopComputing(pid: pid(s, 1), worker: ScriptedScenario.workerKey(1))]
        guard case .batchAll(let calls) = action else { Issue.record("not a batch: \(action)"); return }
        #expect(Set(calls) == expected && calls.count == 2)
        // A marked worker the key does not apply to refuses the whole batch, naming it.
        select(&s, worker: ScriptedScenario.readyIndex)
        TestFleets.press(&s, .char(" "))
        #expect(TestFleets.press(&s, .char("x")).isEmpty)
        #expect(s.notice?.text.contains("1 of 3 marked") == true, "\(s.notice?.text ?? "")")
    }

    @Test func batchStartAsksOneStakeForAll() {
        var s = signed()
        select(&s, worker: ScriptedScenario.readyIndex)
        TestFleets.press(&s, .char(" "))
        TestFleets.press(&s, .char("g"))
        guard case .stakeInput(let input)? = s.actionDialog else { Issue.record("no stake input"); return }
        #expect(input.targets.count == 1)
        TestFleets.type(&s, "4000")
        let effects = TestFleets.press(&s, .enter)
        guard case .action(.prepare(_, let action))? = effects.first else { Issue.record("no prepare"); return }
        #expect(action == .startComputing(pid: pid(s, ScriptedScenario.readyIndex),
                                          worker: ScriptedScenario.workerKey(ScriptedScenario.readyIndex),
                                          stakePlanck: 4_000 * PHA.planckPerPHA))
    }

    // MARK: stake input

    @Test func stakeInputRejectsWhatDoesNotParse() {
        var s = signed()
        select(&s, worker: ScriptedScenario.readyIndex)
        TestFleets.press(&s, .char("g"))
        #expect(TestFleets.press(&s, .enter).isEmpty)
        guard case .stakeInput(let empty)? = s.actionDialog else { Issue.record("dialog closed"); return }
        #expect(empty.error?.contains("type the stake") == true)
        TestFleets.type(&s, "12x")
        #expect(TestFleets.press(&s, .enter).isEmpty)
        guard case .stakeInput(let bad)? = s.actionDialog else { Issue.record("dialog closed"); return }
        #expect(bad.error != nil)
        TestFleets.press(&s, .backspace, .backspace, .backspace)
        TestFleets.type(&s, "0")
        #expect(TestFleets.press(&s, .enter).isEmpty)
        guard case .stakeInput(let zero)? = s.actionDialog else { Issue.record("dialog closed"); return }
        #expect(zero.error?.contains("more than 0") == true)
        TestFleets.press(&s, .backspace)
        TestFleets.type(&s, "2500.5")
        let effects = TestFleets.press(&s, .enter)
        guard case .action(.prepare(_, .startComputing(_, _, let stake)))? = effects.first else { Issue.record("no prepare"); return }
        #expect(stake == 2_500_500_000_000_000)
    }

    @Test func warningsFollowTheStakeIntoTheConfirmation() throws {
        var s = signed()
        select(&s, worker: ScriptedScenario.readyIndex)
        TestFleets.press(&s, .char("g"))
        TestFleets.type(&s, "90000")
        guard case .action(.prepare(let id, _))? = TestFleets.press(&s, .enter).first else { Issue.record("no prepare"); return }
        #expect(s.actionWarnings.contains { $0.contains("InsufficientFreeStake") })
        #expect(s.actionWarnings.contains { $0.contains("TooMuchStake") })
        _ = reduce(&s, .actionPrepared(id, Self.preview))
        let screen = try TestFleets.screen(s, width: 160, height: 48)
        #expect(screen.text.contains("warning: pool"))
        // A stop has no stake: no warnings carried over.
        TestFleets.press(&s, .escape)
        select(&s, worker: 0)
        TestFleets.press(&s, .char("x"))
        #expect(s.actionWarnings.isEmpty)
    }

    @Test func stakeWarningsNameTheChainsRules() {
        let input = StakeInput(kind: .start, targets: [ActionTarget(pid: 1, worker: ScriptedScenario.workerKey(0))],
                               freeStakePlanck: [1: 10_000 * PHA.planckPerPHA], minimumPlanck: 3_000 * PHA.planckPerPHA,
                               maximumPlanck: 20_000 * PHA.planckPerPHA, currentStakePlanck: nil)
        #expect(input.warnings(stakePlanck: 5_000 * PHA.planckPerPHA).isEmpty)
        #expect(input.warnings(stakePlanck: 1_000 * PHA.planckPerPHA).first?.contains("InsufficientStake") == true)
        #expect(input.warnings(stakePlanck: 15_000 * PHA.planckPerPHA).first?.contains("InsufficientFreeStake") == true)
        #expect(input.warnings(stakePlanck: 25_000 * PHA.planckPerPHA).count == 2)
    }

    // MARK: cancel paths and y

    /// Opens the confirmation for stopping worker 0; returns its id.
    func confirming(_ s: inout AppState) -> ActionID? {
        select(&s, worker: 0)
        guard case .action(.prepare(let id, _))? = TestFleets.press(&s, .char("x")).first else { return nil }
        #expect(reduce(&s, .actionPrepared(id, Self.preview)).isEmpty)
        guard case .confirm(id, _, _)? = s.actionDialog else { return nil }
        return id
    }

    @Test func onlyYSubmits() throws {
        let base = signed()
        var keys: [Key] = [.enter, .escape, .tab, .backspace, .up, .down, .function(1), .ctrl("c"), .resize]
        keys += "nNqQ xgaRrc?/jk1".map { Key.char($0) }
        for key in keys where key != .resize {
            var s = base
            let id = try #require(confirming(&s))
            let effects = TestFleets.press(&s, key)
            #expect(effects == [.action(.discard(id))], "\(key) must cancel, not submit: \(effects)")
            #expect(s.actionDialog == nil && s.overlay == nil && s.transactions.isEmpty)
            #expect(s.notice?.text.contains("nothing was signed") == true)
        }
        var s = base
        let id = try #require(confirming(&s))
        #expect(TestFleets.press(&s, .resize).isEmpty && s.actionDialog != nil, "a resize is not an answer")
        #expect(TestFleets.press(&s, .char("y")) == [.action(.submit(id))])
        #expect(s.actionDialog == nil)
        #expect(s.transactions.map(\.id) == [id])
        #expect(s.transactions.first?.status == .submitted)
        #expect(s.actionsInFlight.count == 1)
    }

    @Test func cancelWhilePreparingDiscardsTheLateDraft() throws {
        var s = signed()
        select(&s, worker: 0)
        guard case .action(.prepare(let id, _))? = TestFleets.press(&s, .char("x")).first else { Issue.record("no prepare"); return }
        #expect(TestFleets.press(&s, .char("y")) == [.action(.discard(id))], "even y cancels before the preview is shown")
        #expect(s.actionDialog == nil)
        // The draft arriving afterwards is discarded, never shown.
        #expect(reduce(&s, .actionPrepared(id, Self.preview)) == [.action(.discard(id))])
        #expect(s.actionDialog == nil && s.overlay == nil)
        // A stake dialog closes with Esc and asks nothing.
        select(&s, worker: ScriptedScenario.readyIndex)
        TestFleets.press(&s, .char("g"))
        TestFleets.type(&s, "5000")
        #expect(TestFleets.press(&s, .escape).isEmpty)
        #expect(s.actionDialog == nil && s.overlay == nil)
    }

    @Test func preparationFailureIsShownAndCloses() {
        var s = signed()
        select(&s, worker: 0)
        guard case .action(.prepare(let id, let action))? = TestFleets.press(&s, .char("x")).first else { Issue.record("no prepare"); return }
        _ = reduce(&s, .actionPreparationFailed(id, reason: "connection refused"))
        #expect(s.actionDialog == .failed(action, reason: "connection refused"))
        #expect(TestFleets.press(&s, .char("y")).isEmpty, "y on a failure signs nothing")
        #expect(s.actionDialog == nil)
    }

    // MARK: transactions

    @Test func progressReachesThePaneAndTheLog() throws {
        var s = signed()
        let id = try #require(confirming(&s))
        TestFleets.press(&s, .char("y"))
        _ = reduce(&s, .transactionProgressed(id, TransactionProgress(status: .submitted, hash: "0x12345678…abcd")))
        _ = reduce(&s, .transactionProgressed(id, TransactionProgress(status: .ready)))
        #expect(s.transactions.first?.status == .ready)
        let failure = "PhalaStakePoolv2.InsufficientFreeStake: The pool has not enough free stake"
        _ = reduce(&s, .transactionProgressed(id, TransactionProgress(status: .inBlock, outcome: .failed(failure), blockNumber: 1_301)))
        _ = reduce(&s, .transactionProgressed(id, TransactionProgress(status: .finalized, outcome: .failed(failure), blockNumber: 1_301)))
        let entry = try #require(s.transactions.first)
        #expect(entry.status == .finalized && entry.outcome == .failed(failure) && entry.includedInBlock == 1_301)
        #expect(entry.hash == "0x12345678…abcd")
        #expect(s.actionsInFlight.isEmpty)
        #expect(s.events.first?.text.contains("InsufficientFreeStake") == true)
        #expect(s.events.first?.severity == .bad)
        // A late non-final report does not move it back.
        _ = reduce(&s, .transactionProgressed(id, TransactionProgress(status: .inBlock)))
        #expect(s.transactions.first?.status == .finalized)
        // Unknown ids are ignored.
        #expect(reduce(&s, .transactionProgressed(ActionID(999), TransactionProgress(status: .ready))).isEmpty)
    }

    @Test func transactionsSurviveAReconnect() throws {
        var s = signed()
        let id = try #require(confirming(&s))
        TestFleets.press(&s, .char("y"))
        _ = reduce(&s, .transactionProgressed(id, TransactionProgress(status: .ready)))
        let before = s.transactions
        _ = reduce(&s, .connectionChanged(.stalled(endpoint: "ws://127.0.0.1:9944", sinceBlock: 1_300)))
        _ = reduce(&s, .connectionChanged(.disconnected))
        _ = reduce(&s, .connectionChanged(.connecting(endpoint: "ws://127.0.0.1:9945")))
        _ = reduce(&s, .connectionChanged(.connected(endpoint: "ws://127.0.0.1:9945")))
        #expect(s.transactions == before)
        _ = reduce(&s, .transactionProgressed(id, TransactionProgress(status: .finalized, outcome: .success, blockNumber: 1_302)))
        #expect(s.transactions.first?.succeeded == true)
        #expect(s.events.first?.text.contains("finalized, success") == true)
    }

    @Test func quitAsksWhileATransactionIsInFlight() throws {
        var s = signed()
        #expect(TestFleets.press(&s, .char("q")) == [.quit], "nothing in flight: q quits at once")
        s = signed()
        let id = try #require(confirming(&s))
        TestFleets.press(&s, .char("y"))
        #expect(TestFleets.press(&s, .char("q")).isEmpty)
        #expect(s.overlay == .confirmQuit)
        TestFleets.press(&s, .char("n"))
        #expect(s.overlay == nil)
        TestFleets.press(&s, .char("q"))
        // The last one finishing while the question is open quits.
        #expect(reduce(&s, .transactionProgressed(id, TransactionProgress(status: .finalized, outcome: .success))) == [.quit])
    }
}
