import Dashboard
import MiningCore
import Testing

/// The scripted fleet has the states the snapshots rely on (so a change in
/// MiningCore that breaks the script shows here first, not as a mystery diff).
@Suite struct ScenarioTests {
    @Test func scriptedRolesHaveTheirStates() throws {
        let state = TestFleets.state()
        func status(_ i: Int) throws -> WorkerStatus {
            try #require(state.fleet.status(of: ScriptedScenario.workerKey(i)))
        }
        #expect(state.rows.count == 14)
        #expect(try status(ScriptedScenario.unresponsiveIndex).state == .workerUnresponsive)
        #expect(try status(ScriptedScenario.unresponsiveIndex).risk.level == .losing)
        #expect(try status(ScriptedScenario.coolingIndex).state == .workerCoolingDown)
        #expect(try status(ScriptedScenario.recoveredIndex).risk.level == .watch)
        #expect(try status(ScriptedScenario.flakyIndex).heartbeat.pendingChallenges == [1290])
        #expect(try status(ScriptedScenario.flakyIndex).risk.level == .atRisk)
        #expect(try status(ScriptedScenario.unregisteredIndex).registration == .unknownToChain)
        let ready = try status(ScriptedScenario.readyIndex)
        #expect(ready.isReadyToCompute, "\(ready.notReadyReasons)")
        #expect(try status(0).state == .workerIdle)
        #expect(state.fleet.currentBlock == 1_300)
        let answered = state.rows.filter { $0.status.heartbeat.heartbeatCount > 0 }.count
        #expect(answered >= 5, "regular challenges are answered by several workers")
        #expect(!state.events.isEmpty)
    }
}
