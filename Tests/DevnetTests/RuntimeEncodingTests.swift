import Scale
import Testing
import TestSupport
@testable import Devnet

/// Every value and event the devnet writes decodes through the REAL Khala
/// 1251 registry (not only ours), with every byte consumed and the expected
/// field values and event names (PROTOCOL.md §1-§3).
@Suite(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
struct RuntimeEncodingTests {
    let real: RuntimeMetadataV14
    let codec: DynamicCodec

    init() throws {
        real = try RuntimeMetadataV14(bytes: Fixtures.bytes("khala_metadata_spec1251.scale"))
        codec = DynamicCodec(registry: real.registry)
    }

    func decode(_ pallet: String, _ entry: String, _ bytes: [UInt8]) throws -> ScaleValue {
        let e = try #require(real.storageEntry(pallet: pallet, name: entry))
        return try codec.decode(type: e.valueType, from: bytes)  // requires all bytes consumed
    }

    @Test func storageValuesHaveTheRealShapes() throws {
        let key = [UInt8](repeating: 7, count: 32), other = [UInt8](repeating: 9, count: 32)
        let info = try decode("PhalaRegistry", "Workers", scaleEncoded(WorkerInfoV2(
            pubkey: key, ecdhPubkey: other, runtimeVersion: 15, lastUpdatedSeconds: 1_700_000_000,
            operatorAccount: other, attestationProvider: 1, confidenceLevel: 2, initialScore: 2345, features: [4, 1])))
        #expect(info[field: "initial_score"]?.variantName == "Some")
        #expect(info[field: "initial_score"]?.fields.first?.value.uint == 2345)
        #expect(info[field: "confidence_level"]?.uint == 2)
        #expect(info[field: "last_updated"]?.uint == 1_700_000_000)

        var s = SessionInfo.ready(nowSeconds: 5)
        s.state = .workerCoolingDown
        s.vBits = 3 << 64
        s.coolDownStartSeconds = 99
        let session = try decode("PhalaComputation", "Sessions", scaleEncoded(s))
        #expect(session[field: "state"]?.variantName == "WorkerCoolingDown")
        #expect(session[field: "v"]?.uint == 3 << 64)
        #expect(session[field: "cool_down_start"]?.uint == 99)

        let pool = StakePool(pid: 3, owner: key, totalShares: 10, totalValue: 11, cid: 3, poolAccount: other,
                             payoutCommissionPerMillion: 500_000, capPlanck: nil, workers: [key, other],
                             coolDownWorkers: [other], lockAccount: key, ownerRewardAccount: other)
        let pv = try decode("PhalaBasePool", "Pools", scaleEncoded(pool))
        #expect(pv.variantName == "StakePool")
        let sp = try #require(pv.fields.first?.value)
        #expect(sp[field: "basepool"]?[field: "pid"]?.uint == 3)
        #expect(sp[field: "workers"]?.elements.count == 2)
        #expect(sp[field: "cd_workers"]?.elements.count == 1)

        let acct = try decode("System", "Account", scaleEncoded(AccountInfo(nonce: 4, freePlanck: 123)))
        #expect(acct[field: "nonce"]?.uint == 4)
        #expect(acct[field: "data"]?[field: "free"]?.uint == 123)
        let asset = try decode("Assets", "Account", scaleEncoded(AssetAccount(balancePlanck: 77)))
        #expect(asset[field: "balance"]?.uint == 77)
        let tp = try decode("PhalaComputation", "TokenomicParameters",
                            scaleEncoded(TokenomicParameters.genesis(heartbeatWindowBlocks: 20)))
        #expect(tp[field: "heartbeat_window"]?.uint == 20)
        let msg = MqMessage(sender: .pallet(MqTopics.computationPallet), destination: MqTopics.systemEvent,
                            payload: MqTopics.heartbeatChallenge(seedLE: [UInt8](repeating: 1, count: 32),
                                                                 targetLE: [UInt8](repeating: 2, count: 32)))
        let out = try decode("PhalaMq", "OutboundMessages", scaleEncoded([msg]))
        #expect(out.elements.first?[field: "sender"]?.variantName == "Pallet")
    }

    @Test func eventsHaveTheRealIndicesAndFields() throws {
        let a = [UInt8](repeating: 1, count: 32), b = [UInt8](repeating: 2, count: 32)
        let cases: [(RuntimeEvent, String, String)] = [
            (.extrinsicSuccess(.normal), "System", "ExtrinsicSuccess"),
            (.extrinsicFailed(.module(pallet: 93, error: 7), .normal), "System", "ExtrinsicFailed"),
            (.extrinsicFailed(.badOrigin, .mandatory), "System", "ExtrinsicFailed"),
            (.newAccount(account: a), "System", "NewAccount"),
            (.remarked(sender: a, hash: b), "System", "Remarked"),
            (.batchInterrupted(index: 1, error: .other), "Utility", "BatchInterrupted"),
            (.batchCompleted, "Utility", "BatchCompleted"),
            (.transfer(from: a, to: b, amount: 5), "Balances", "Transfer"),
            (.withdraw(who: a, amount: 5), "Balances", "Withdraw"),
            (.transactionFeePaid(who: a, actualFee: 1, tip: 0), "TransactionPayment", "TransactionFeePaid"),
            (.workerAdded(pubkey: a, attestationProvider: 1, confidenceLevel: 1), "PhalaRegistry", "WorkerAdded"),
            (.workerUpdated(pubkey: a, attestationProvider: nil, confidenceLevel: 2), "PhalaRegistry", "WorkerUpdated"),
            (.initialScoreSet(pubkey: a, initScore: 9), "PhalaRegistry", "InitialScoreSet"),
            (.workerStarted(session: a, initV: 1, initP: 2), "PhalaComputation", "WorkerStarted"),
            (.workerStopped(session: a), "PhalaComputation", "WorkerStopped"),
            (.workerReclaimed(session: a, originalStake: 1, slashed: 0), "PhalaComputation", "WorkerReclaimed"),
            (.sessionBound(session: a, worker: b), "PhalaComputation", "SessionBound"),
            (.sessionUnbound(session: a, worker: b), "PhalaComputation", "SessionUnbound"),
            (.workerEnterUnresponsive(session: a), "PhalaComputation", "WorkerEnterUnresponsive"),
            (.workerExitUnresponsive(session: a), "PhalaComputation", "WorkerExitUnresponsive"),
            (.sessionSettled(session: a, vBits: 1, payoutBits: 2), "PhalaComputation", "SessionSettled"),
            (.benchmarkUpdated(session: a, pInstant: 3), "PhalaComputation", "BenchmarkUpdated"),
            (.assetTransferred(assetId: 10000, from: a, to: b, amount: 1), "Assets", "Transferred"),
            (.poolCreated(owner: a, pid: 1, cid: 1, poolAccount: b), "PhalaStakePoolv2", "PoolCreated"),
            (.poolWorkerAdded(pid: 1, worker: a, session: b), "PhalaStakePoolv2", "PoolWorkerAdded"),
            (.contribution(pid: 1, user: a, amount: 1, shares: 1), "PhalaStakePoolv2", "Contribution"),
            (.poolWorkerRemoved(pid: 1, worker: a), "PhalaStakePoolv2", "PoolWorkerRemoved"),
            (.poolWorkerReclaimed(pid: 1, worker: a), "PhalaStakePoolv2", "WorkerReclaimed"),
            (.rewardReceived(pid: 1, toOwner: 0, toStakers: 1), "PhalaStakePoolv2", "RewardReceived"),
            (.workingStarted(pid: 1, worker: a, amount: 1), "PhalaStakePoolv2", "WorkingStarted"),
        ]
        let events = try #require(real.storageEntry(pallet: "System", name: "Events"))
        for (event, pallet, name) in cases {
            for phase in [EventPhase.applyExtrinsic(2), .finalization, .initialization] {
                var e = ScaleEncoder()
                e.encodeCompact(UInt64(1))
                EventRecord(phase: phase, event: event).encode(to: &e)
                let v = try codec.decode(type: events.valueType, from: e.bytes)
                let record = try #require(v.elements.first)
                #expect(record[field: "event"]?.variantName == pallet, "\(name)")
                #expect(record[field: "event"]?.fields.first?.value.variantName == name, "\(pallet).\(name)")
            }
        }
        // Module errors carry real names: UnauthorizedPoolOwner is PhalaStakePoolv2 error 7.
        guard case .module(let p, let i) = DevnetErrors.module("PhalaStakePoolv2", "UnauthorizedPoolOwner") else {
            Issue.record("not a module error"); return
        }
        #expect(real.error(palletIndex: p, errorIndex: i)?.error.name == "UnauthorizedPoolOwner")
        guard case .module(let p2, let i2) = DevnetErrors.module("PhalaComputation", "CoolDownNotReady") else {
            Issue.record("not a module error"); return
        }
        #expect(real.error(palletIndex: p2, errorIndex: i2)?.error.name == "CoolDownNotReady")
    }
}
