import ChainCrypto
import MiningCore
import Scale
import Testing
import TestSupport
@testable import ChainEngine

/// Phala storage, events, outbound messages and heartbeat extrinsics decode
/// through the real Khala 1251 metadata into MiningCore values (PROTOCOL.md
/// §1, §3, §4), and values the metadata cannot explain are errors, not traps.
@Suite(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
struct DecodingTests {
    let s: ChainSamples
    var d: ChainDecoder { s.decoder }

    init() throws { s = try ChainSamples.khala() }

    @Test func storageKeysMatchProtocolPrefixes() throws {
        // PROTOCOL.md §1.5 (computed independently there).
        #expect(Hex.encode(try d.plan(.workers).prefix) == "0x0d746931e7a6bfd47fbcccfd71984aef1bf55d6b9732eb86723ccad1af88b985")
        #expect(Hex.encode(try d.plan(.sessions).prefix) == "0xb71c310d8c830d345ee1c1b84566a8d1028685274e698e781f7f2766cba0cc83")
        #expect(Hex.encode(try d.plan(.pools).prefix) == "0x00f8eafbad3b4a32114491ad7e1249144c72016d74b63ae83d79b02efdb5528e")
        #expect(Hex.encode(try d.plan(.outboundMessages).prefix) == "0x2f039a6a7f13e94b9545257e54062a048a395e6242c6813b196ca31ed0547ea7")
        let w = TestKeys.worker(1)
        let key = try d.workerKey(.workers, w)
        #expect(key == (try d.plan(.workers).prefix) + twox64(w.bytes) + w.bytes)
        #expect(try d.poolKey(7) == (try d.plan(.pools).prefix) + twox64(scaleEncoded(UInt64(7))) + scaleEncoded(UInt64(7)))
        #expect(try d.pid(fromPoolsKey: try d.poolKey(123_456)) == 123_456)
        // Assets.Account is a double map: Blake2_128Concat(asset) ‖ Blake2_128Concat(account).
        let a = TestKeys.account(2)
        let asset = scaleEncoded(UInt32(10_000))
        #expect(try d.wphaAccountKey(a) == StorageKey.prefix(pallet: "Assets", entry: "Account")
            + blake2_128(asset) + asset + blake2_128(a.bytes) + a.bytes)
        #expect(d.plans.count == StorageItem.allCases.count, "every item resolves in 1251")
    }

    @Test func workerInfoDecodesByFieldName() throws {
        let w = TestKeys.worker(3), op = TestKeys.account(4)
        let info = try d.workerInfo(try #require(try d.decodeValue(.workers, try s.workerInfo(w, operator: op, confidence: 2,
                                                                                             initialScore: 4321, features: [8, 2]))))
        #expect(info.pubkey == w)
        #expect(info.operator_ == op)
        #expect(info.attestationProvider == .ias)
        #expect(info.confidenceLevel == 2)
        #expect(info.initialScore == 4321)
        #expect(info.features == [8, 2])
        #expect(info.lastUpdatedSec == 1_700_000_000)
        let pending = try d.workerInfo(try #require(try d.decodeValue(.workers, try s.workerInfo(w, operator: nil, provider: nil, initialScore: nil))))
        #expect(pending.operator_ == nil && pending.initialScore == nil && pending.attestationProvider == nil)
        #expect(try d.decodeValue(.workers, nil) == nil, "absent optional entry")
    }

    @Test func sessionStakePoolAndParametersDecode() throws {
        let session = try d.sessionInfo(try #require(try d.decodeValue(.sessions, try s.session(state: "WorkerUnresponsive", ve: 5 << 64, v: 7 << 64,
                                                                                                pInit: 3100, pInstant: 2800, coolDownStart: 99))))
        #expect(session.state == .workerUnresponsive)
        #expect(session.ve == U64F64(integer: 5) && session.v == U64F64(integer: 7))
        #expect(session.benchmark.pInit == 3100 && session.benchmark.pInstant == 2800 && session.benchmark.iterations == 123_456)
        #expect(session.coolDownStartSec == 99)

        let owner = TestKeys.account(9), poolAccount = TestKeys.account(10)
        let bytes = try s.stakePool(pid: 42, owner: owner, workers: [TestKeys.worker(1), TestKeys.worker(2)], cdWorkers: [TestKeys.worker(3)],
                                    poolAccount: poolAccount, totalValue: 1_000, withdrawals: [(TestKeys.account(11), 1_700_000_000)])
        let poolValue = try #require(try d.decodeValue(.pools, bytes))
        let pool = try #require(try d.stakePool(poolValue))
        #expect(pool.pid == 42 && pool.owner == owner && pool.basepool.poolAccountId == poolAccount)
        #expect(pool.workers == [TestKeys.worker(1), TestKeys.worker(2)] && pool.cdWorkers == [TestKeys.worker(3)])
        #expect(pool.payoutCommissionPerMill == 50_000)
        #expect(pool.basepool.withdrawQueue.first?.user == TestKeys.account(11))
        #expect(pool.lockAccount == DerivedAccounts.lock(pid: 42, owner: owner))

        let t = try d.tokenomics(try #require(try d.decodeValue(.tokenomicParameters, try s.tokenomics(window: 20))))
        #expect(t.heartbeatWindowBlocks == 20)
        #expect(t.phaRate.bits == 1 << 60 && t.kappa.bits == 13 << 60)
        #expect(try d.assetBalance(try d.decodeValue(.assetAccount, try s.assetAccount(balance: 777))) == 777)
        #expect(try d.freeBalance(try d.decodeValue(.systemAccount, try s.systemAccount(free: 888))) == 888)
        // Default entries read as their default when absent (HeartbeatPaused defaults to true, §1.2).
        #expect(try d.decodeValue(.heartbeatPaused, nil)?.boolValue("x") == true)
    }

    @Test func eventsBecomeObservationsForWatchedSessions() throws {
        let w = TestKeys.worker(1), session = TestKeys.account(50), other = TestKeys.account(51)
        let bytes = try s.events([
            ("PhalaComputation", "WorkerStarted", ["session": ChainSamples.key(session.raw), "init_v": ChainSamples.u(UInt128(9) << 64),
                                                   "init_p": ChainSamples.u(3000 as UInt32)]),
            ("PhalaComputation", "WorkerEnterUnresponsive", ["session": ChainSamples.key(other.raw)]),
            ("PhalaComputation", "BenchmarkUpdated", ["session": ChainSamples.key(session.raw), "p_instant": ChainSamples.u(2999 as UInt32)]),
            ("PhalaComputation", "SessionBound", ["session": ChainSamples.key(session.raw), "worker": ChainSamples.key(w.raw)]),
            ("PhalaStakePoolv2", "PoolWorkerRemoved", ["pid": ChainSamples.u(3 as UInt64), "worker": ChainSamples.key(w.raw)]),
            ("PhalaRegistry", "InitialScoreSet", ["pubkey": ChainSamples.key(w.raw), "init_score": ChainSamples.u(10 as UInt32)]),
            ("System", "ExtrinsicFailed", ["dispatch_error": s.variant(25, "Module", positional: [
                s.build(26, ["index": ChainSamples.u(93 as UInt8), "error": .bytes([0, 0, 0, 0])])])]),
            ("Balances", "Endowed", [:]),
        ])
        let out = d.blockEvents(bytes, block: 77, watch: WatchFilter(workers: [w], sessions: [session], pools: [3]))
        #expect(out.issues.isEmpty, "\(out.issues)")
        #expect(out.eventCount == 8)
        #expect(out.observations == [
            .workerStarted(session: session, initV: U64F64(integer: 9), initP: 3000, block: 77),
            .benchmarkUpdated(session: session, pInstant: 2999, block: 77),
            .bindingChanged(worker: w, session: session, block: 77),
            .assignmentChanged(worker: w, pid: nil, block: 77),
        ], "the unwatched session's event is filtered out")
        #expect(out.refresh.workers == [w] && out.refresh.pools == [3] && out.refresh.sessions == [session])
        let failure = try #require(out.failures.first)
        #expect(failure.extrinsicIndex == 6)
        let expected = s.metadata.error(palletIndex: 93, errorIndex: 0).map { "\($0.pallet).\($0.error.name)" }
        #expect(failure.error == expected)
    }

    @Test func challengesAndHeartbeatsDecode() throws {
        let seed = (0..<32).map { UInt8($0) }, target = [UInt8](repeating: 0, count: 31) + [0x10]
        var out = BlockMessages()
        d.challenges(try s.outboundChallenges([(seed, target)]), block: 500, into: &out)
        #expect(out.issues.isEmpty, "\(out.issues)")
        let c = try #require(out.challenges.first)
        #expect(c.block == 500)
        #expect(c.seed == (try UInt256(littleEndianBytes: seed)))
        #expect(c.onlineTarget == UInt256(l0: 0, l1: 0, l2: 0, l3: 0x10 << 56))

        let w = TestKeys.worker(8), unwatched = TestKeys.worker(9)
        let payload = ChainSamples.heartbeatPayload(session: 4, challengeBlock: 480, challengeTimeMs: 1_700_000_000_123, iterations: 99)
        let extrinsics = [try s.otherExtrinsic(), try s.heartbeatExtrinsic(worker: w, payload: payload),
                          try s.heartbeatExtrinsic(worker: w, payload: payload, signed: false),
                          try s.heartbeatExtrinsic(worker: unwatched, payload: payload)]
        var hb = BlockMessages()
        d.heartbeats(extrinsics, block: 501, watch: [w], into: &hb)
        #expect(hb.issues.isEmpty, "\(hb.issues)")
        #expect(hb.heartbeats == [HeartbeatReport(worker: w, sessionId: 4, challengeBlock: 480, challengeTimeMs: 1_700_000_000_123, iterations: 99, block: 501),
                                  HeartbeatReport(worker: w, sessionId: 4, challengeBlock: 480, challengeTimeMs: 1_700_000_000_123, iterations: 99, block: 501)])
    }

    @Test func unexplainedValuesAreErrorsNotTraps() throws {
        let w = TestKeys.worker(1)
        let good = try s.workerInfo(w, operator: TestKeys.account(1))
        for cut in [0, 1, 31, 40, good.count - 1] {
            #expect(throws: (any Error).self) { _ = try d.decodeValue(.workers, Array(good.prefix(cut))) }
        }
        #expect(throws: (any Error).self) { _ = try d.decodeValue(.workers, good + [0]) }
        // An unknown state variant index (a future runtime's) is a typed error.
        var session = try s.session(state: "Ready", ve: 0, v: 0)
        session[0] = 9
        #expect(throws: ScaleError.self) { _ = try d.decodeValue(.sessions, session) }
        // Events: a garbage record is reported, with the records before it kept.
        let one = try s.events([("PhalaComputation", "WorkerStopped", ["session": ChainSamples.key(TestKeys.account(5).raw)])])
        var bad = one
        bad[0] = 8  // claims 2 records
        bad += [0, 0, 0, 0, 0xff, 0xff]
        let out = d.blockEvents(bad, block: 3, watch: WatchFilter(sessions: [TestKeys.account(5)]))
        #expect(out.observations == [.workerStopped(session: TestKeys.account(5), block: 3)])
        #expect(out.issues.count == 1 && out.issues[0].item == "System.Events[1]")
        // Extrinsic garbage is reported per extrinsic.
        var msgs = BlockMessages()
        d.heartbeats([[0x08, 0x84, 1], [], try s.heartbeatExtrinsic(worker: w, payload: [1, 2])], block: 4, watch: [w], into: &msgs)
        #expect(msgs.issues.count == 3)
        #expect(msgs.heartbeats.isEmpty)
        let issue = DecodeIssue(item: "PhalaRegistry.Workers", key: try d.workerKey(.workers, w), block: 5, reason: "x")
        #expect(issue.description.contains("0x0d746931"))
    }

    /// A later runtime (PROTOCOL.md §1.6) adds `AttestationProvider::Dcap` and a
    /// field to `WorkerInfoV2`: decoding by name still works.
    @Test func laterRuntimeLayoutDecodes() throws {
        var md = s.metadata
        var types = md.registry.types
        let infoType = s.valueType(.workers)
        let providerOption = s.fieldType(infoType, "attestation_provider")
        guard case .variant(let opts)? = md.registry[providerOption]?.def, let providerType = opts.first(where: { $0.name == "Some" })?.fields.first?.type,
              let pi = types.firstIndex(where: { $0.id == providerType }), case .variant(var vs) = types[pi].def,
              let ii = types.firstIndex(where: { $0.id == infoType }), case .composite(var fs) = types[ii].def
        else { Issue.record("shapes"); return }
        vs.append(TypeVariant(name: "Dcap", fields: [], index: 2, docs: []))
        types[pi].def = .variant(vs)
        fs.insert(TypeField(name: "new_flag", type: 88, typeName: "bool", docs: []), at: 3)
        types[ii].def = .composite(fs)
        md.registry = PortableRegistry(types: types)
        let later = ChainSamples(metadata: md, specVersion: 1290)
        let bytes = try later.workerInfo(TestKeys.worker(2), operator: TestKeys.account(2), provider: "Dcap")
        let info = try later.decoder.workerInfo(try #require(try later.decoder.decodeValue(.workers, bytes)))
        #expect(info.attestationProvider == .dcap)
        #expect(info.pubkey == TestKeys.worker(2) && info.operator_ == TestKeys.account(2))
        // The 1251 decoder cannot explain the later bytes: an error, not a wrong value.
        #expect(throws: (any Error).self) { _ = try d.workerInfo(try #require(try d.decodeValue(.workers, bytes))) }
    }
}
