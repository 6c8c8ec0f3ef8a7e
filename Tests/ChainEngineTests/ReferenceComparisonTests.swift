import ChainCrypto
import Foundation
import MiningCore
import Scale
import SubstrateRPC
import Testing
import TestSupport
@testable import ChainEngine

/// `khalatop status --json` (FleetLoader + FleetSnapshot, exactly what the
/// command prints) equals what py-substrate-interface reads from the same
/// node at the same block, worker by worker: registration, operator, pool,
/// session state, V, stake (issue 6 "Must show"). The node here is the
/// scripted FakeNode serving the real Khala 1251 metadata; the same script
/// runs against the devnet once it lands.
@Suite(.enabled(if: Fixtures.available && (ReferencePython.available || ReferencePython.required), "needs fixtures and the reference Python"),
       .serialized)
struct ReferenceComparisonTests {
    static let script = #"""
import json, sys
from substrateinterface import SubstrateInterface
url, block_hash, workers = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
s = SubstrateInterface(url=url, ss58_format=30)
out = {}
for w in workers:
    info = s.query("PhalaRegistry", "Workers", [w], block_hash=block_hash)
    binding = s.query("PhalaComputation", "WorkerBindings", [w], block_hash=block_hash)
    pid = s.query("PhalaStakePoolv2", "WorkerAssignments", [w], block_hash=block_hash)
    r = {"registered": info.value is not None,
         "operator": info.value["operator"] if info.value else None,
         "initialScore": info.value["initial_score"] if info.value else None,
         "pid": pid.value, "session": binding.value, "state": None, "vBits": None, "stakePlanck": None}
    if binding.value is not None:
        sess = s.query("PhalaComputation", "Sessions", [binding.value], block_hash=block_hash)
        stake = s.query("PhalaComputation", "Stakes", [binding.value], block_hash=block_hash)
        if sess.value is not None:
            st = sess.value["state"]
            r["state"] = st if isinstance(st, str) else list(st.keys())[0]
            r["vBits"] = str(sess.value["v"])
        r["stakePlanck"] = None if stake.value is None else str(stake.value)
    out[w] = r
pools = {}
for pid, value in s.query_map("PhalaBasePool", "Pools", block_hash=block_hash):
    sp = value.value.get("StakePool")
    if sp is not None:
        pools[str(pid.value)] = {"owner": sp["basepool"]["owner"], "workers": len(sp["workers"])}
print(json.dumps({"workers": out, "pools": pools}))
"""#

    @Test func statusJSONMatchesPySubstrateInterface() async throws {
        let samples = try ChainSamples.khala()
        let sc = try FleetScenario(workers: 4, samples: samples)
        // Make the fleet varied: one unresponsive, one unbound-and-unregistered worker watched explicitly.
        try sc.unresponsiveBlock(sc.poolWorkers[1])
        let stranger = TestKeys.worker(4242)
        let server = FakeNodeServer(node: sc.node)
        try await server.start()
        defer { Task { await server.stop() } }

        var config = testConfiguration([server.url], operatorAccount: sc.operatorAccount, workers: [sc.loneWorker, stranger])
        config.initialReplayBlocks = 1
        guard case .loaded(let fleet, _, _) = await FleetLoader.load(config, timeoutSeconds: 20) else {
            Issue.record("fleet did not load")
            return
        }
        let snapshot = FleetSnapshot(fleet: fleet, endpoint: server.url)
        let ours = try #require(snapshot.json.objectValue)
        #expect(snapshot.exitCode == 1, "an unresponsive worker needs attention")
        let blockHash = try #require(ours["blockHash"]?.stringValue)
        #expect(blockHash == Hex.encode(try #require(sc.chain.head).hash))

        let keys = (sc.poolWorkers + [sc.loneWorker, stranger]).map(\.hex)
        let keysJSON = JSONValue.array(keys.map { .string($0) }).serialized()
        let output = try await runReferencePython(Self.script, arguments: [server.url, blockHash, keysJSON])
        let reference = try JSONParser.parse(output)
        let theirs = try #require(reference["workers"]?.objectValue)
        let ourWorkers = try #require(ours["workers"]?.arrayValue)
        #expect(ourWorkers.count == keys.count)
        for w in ourWorkers {
            let key = try #require(w["pubkey"]?.stringValue)
            let r = try #require(theirs[key], "python has \(key)")
            #expect(w["registered"] == r["registered"], "\(key) registered")
            #expect(w["operator"] == r["operator"], "\(key) operator")
            #expect(w["initialScore"] == r["initialScore"], "\(key) initial score")
            #expect(w["pid"] == r["pid"], "\(key) pool")
            #expect(w["session"] == r["session"], "\(key) session")
            #expect(w["state"] == r["state"], "\(key) state")
            #expect(w["vBits"] == r["vBits"], "\(key) V")
            #expect(w["stakePlanck"] == r["stakePlanck"], "\(key) stake")
        }
        // The comparison is not vacuous: the fleet has the variety we built.
        #expect(ourWorkers.filter { $0["state"] == "WorkerUnresponsive" }.count == 1)
        #expect(ourWorkers.filter { $0["state"] == "WorkerIdle" }.count == 3)
        #expect(ourWorkers.filter { $0["stakePlanck"]?.isNull == false }.count == 4)
        #expect(ourWorkers.filter { $0["registered"] == false }.count == 1)
        let ourPools = try #require(ours["pools"]?.arrayValue)
        let theirPools = try #require(reference["pools"]?.objectValue)
        #expect(ourPools.count == theirPools.count)
        for p in ourPools {
            let pid = try #require(p["pid"]?.uint64Value)
            #expect(p["owner"] == theirPools[String(pid)]?["owner"])
            #expect(p["workers"] == theirPools[String(pid)]?["workers"])
        }
    }
}
