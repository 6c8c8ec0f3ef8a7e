import ChainCrypto
import Devnet
import Foundation
import MiningCore
import Scale
import SubstrateRPC
import Testing
import TestSupport
@testable import ChainEngine

/// A runtime upgrade on the devnet, over loopback WebSocket, picked up by a
/// running engine without a restart (issue 6 "Must show"). The devnet moves
/// from Khala spec 1251 to 1252, whose `AttestationProvider` gains `Dcap` and
/// whose registry `Error` gains `InvalidDCAPQuote` at 13 (every later index
/// shifts, PROTOCOL.md §1.6). Block U sets the code and is still executed by
/// 1251; U+1 is the first block 1252 executes, where two simulated pRuntimes
/// re-register with DCAP.
@Suite(.serialized)
struct RuntimeUpgradeTests {
    /// `register_worker_v2` with a decodable registration info and no
    /// attestation: refused with `NoneAttestationDisabled`, index 18 in 1251
    /// and 19 in 1252 (18 is then `WorkerNotFound`).
    static func refusedRegistration() throws -> ActionCall {
        var e = ScaleEncoder()
        e.encode(UInt32(1))                               // version
        e.encode([UInt8]([1, 2]))                         // machine_id
        e.append([UInt8](repeating: 5, count: 32))        // pubkey
        e.append([UInt8](repeating: 6, count: 32))        // ecdh_pubkey
        e.append(try Hex.decode("b0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe"))  // Kusama genesis
        e.encode([UInt32]([4, 1]))                        // features
        e.appendByte(0)                                   // operator: None
        e.encode(UInt32(2004))                            // para_id
        e.encode(UInt32(0))                               // max_consensus_version
        return .registerWorkerV2(pruntimeInfo: e.bytes, attestation: [0])
    }

    static func submit(_ action: ActionCall, _ rpc: RPCClient) async throws {
        let prepared = try await ExtrinsicClient(client: rpc, timeoutSeconds: 10).prepare(action, signer: try KeyPair(secretURI: "//Alice"))
        _ = try await rpc.call(SubstrateMethods.authorSubmitExtrinsic, params: [.hex(prepared.extrinsic.bytes)])
    }

    @Test func engineFollowsADevnetRuntimeUpgradeWithoutARestart() async throws {
        // 90 workers: each is challenged with p = 1/150 a block (§4.1), so heartbeats land every block or two.
        let devnet = DevnetServer(DevnetEngineTests.config(workers: 90, pools: 2, seed: 5))
        try await devnet.start()
        defer { Task { await devnet.stop() } }
        await devnet.node.produceBlocks(3)
        let keys = await devnet.node.workerPublicKeys
        let workers = try keys.map { try WorkerKey($0) }
        let probe = EngineProbe()
        let engine = ChainEngine(configuration: testConfiguration([devnet.url], pools: [0, 1], workers: workers))
        let consumer = probe.consume(engine)
        await engine.start()
        #expect(await probe.wait { $0.loads == 1 && $0.fleet.workers.count == 90 })
        var head = await devnet.node.produceBlocks(3)
        #expect(await probe.wait { $0.processed == head })
        #expect(probe.read { $0.fleet.workers[workers[0]]?.info?.attestationProvider } == .ias)

        // Schedule through the dev RPC method; sign one refused call while 1251 runs (it lands in block U).
        let rpc = RPCClient()
        try await rpc.connect(url: devnet.url)
        let scheduled = try await rpc.call("devnet_upgradeRuntime", params: [.null, 2])
        let upgradeBlock = try #require(scheduled["atBlock"]?.uint64Value.flatMap { UInt32(exactly: $0) })
        #expect(upgradeBlock == head + 1)
        #expect(scheduled["specVersion"]?.uint64Value == 1252)
        try await Self.submit(try Self.refusedRegistration(), rpc)
        head = await devnet.node.produceBlocks(1)
        #expect(head == upgradeBlock)
        // Signed after U: the node now reports 1252, which executes U+1.
        try await Self.submit(try Self.refusedRegistration(), rpc)
        head = await devnet.node.produceBlocks(1)
        head = await devnet.node.produceBlocks(15)
        #expect(await probe.wait(60) { $0.processed == head })

        // The node: the old runtime before U, the new one from U's post-state on.
        func spec(_ n: UInt32) async throws -> UInt64? {
            let hash = try await rpc.call(SubstrateMethods.chainGetBlockHash, params: [.uint(UInt64(n))])
            return try await rpc.call(SubstrateMethods.stateGetRuntimeVersion, params: [hash])["specVersion"]?.uint64Value
        }
        #expect(try await spec(upgradeBlock - 1) == 1251)
        #expect(try await spec(upgradeBlock) == 1252)

        // The engine: switched at U+1, no decode issue, no reconnect, blocks in order.
        let diagnostics = probe.read { $0.diagnostics }
        #expect(diagnostics.contains(.runtimeUpgraded(fromSpec: 1251, toSpec: 1252, atBlock: upgradeBlock + 1)), "\(diagnostics)")
        #expect(diagnostics.filter { if case .decode = $0 { true } else { false } }.isEmpty, "\(diagnostics)")
        #expect(await engine.stats.runtimeUpgrades == 1)
        #expect(await engine.stats.connectionsLost == 0)
        let processed = probe.read { $0.events.compactMap { if case .blockProcessed(let n) = $0 { n } else { nil } } }
        #expect(processed == Array((processed.first ?? 0)...head), "blocks in order, none missing: \(processed)")
        // Values only the new metadata explains: the re-registered workers' DCAP provider.
        let providers = probe.read { s in workers.map { s.fleet.workers[$0]?.info?.attestationProvider } }
        #expect(providers == [.dcap, .dcap] + Array(repeating: .ias, count: 88))
        // The same error, named through the runtime that executed each block.
        let failures = probe.read { $0.events.compactMap { if case .extrinsicFailed(let f) = $0 { f } else { nil } } }
        #expect(failures.map(\.block) == [upgradeBlock, upgradeBlock + 1])
        #expect(failures.allSatisfy { $0.error.hasSuffix("NoneAttestationDisabled") }, "\(failures)")
        // Heartbeats keep landing after the upgrade.
        // Heartbeats keep landing after the upgrade: per block, exactly those on chain.
        let first = processed.first ?? 1
        var onChain: [UInt32: Int] = [:]
        for n in first...head {
            let count = await DevnetEngineTests.devnetHeartbeats(devnet.node, block: n).count
            if count > 0 { onChain[n] = count }
        }
        var seen: [UInt32: Int] = [:]
        for h in probe.read({ $0.heartbeats }) where h.block >= first { seen[h.block, default: 0] += 1 }
        #expect(seen == onChain)
        #expect(onChain.keys.contains { $0 > upgradeBlock + 1 }, "heartbeats on chain after the upgrade: \(onChain)")

        if ReferencePython.available || ReferencePython.required {
            let hash = { (n: UInt32) async throws -> String in
                try #require(try await rpc.call(SubstrateMethods.chainGetBlockHash, params: [.uint(UInt64(n))]).stringValue)
            }
            let out = try JSONParser.parse(try await runReferencePython(Self.pythonScript, arguments: [
                devnet.url, try await hash(upgradeBlock - 1), try await hash(upgradeBlock), try await hash(head), Hex.encode(keys[0]),
            ]))
            print("py-substrate-interface across the upgrade: \(out.serialized())")
            #expect(out["providerBefore"] == "Ias")
            #expect(out["specAtUpgrade"]?.uint64Value == 1251, "py-substrate-interface decodes block U with its parent's runtime")
            #expect(out["upgradeEvents"]?.arrayValue?.contains("System.CodeUpdated") == true, "\(out.serialized())")
            #expect(out["providerAfter"] == "Dcap", "\(out.serialized())")
            #expect(out["specAfter"]?.uint64Value == 1252)
        }
        await rpc.disconnect()
        await engine.stop()
        await consumer.value
    }

    /// An engine that connects when the head is the upgrade block U itself:
    /// U's state is still in 1251's encoding, so the load uses 1251 and the
    /// switch happens at U+1.
    @Test func engineStartingAtTheUpgradeBlockSwitchesAtTheNext() async throws {
        var config = DevnetEngineTests.config(workers: 6, pools: 2, seed: 9)
        config.runtimeUpgrade = RuntimeUpgradePlan(atBlock: 4, dcapWorkers: 1)
        let devnet = DevnetServer(config)
        try await devnet.start()
        defer { Task { await devnet.stop() } }
        #expect(await devnet.node.produceBlocks(4) == 4)
        let workers = try await devnet.node.workerPublicKeys.map { try WorkerKey($0) }
        let probe = EngineProbe()
        let engine = ChainEngine(configuration: testConfiguration([devnet.url], pools: [0, 1], workers: workers))
        let consumer = probe.consume(engine)
        await engine.start()
        #expect(await probe.wait { $0.loads == 1 && $0.fleet.currentBlock == 4 })
        #expect(probe.read { $0.fleet.workers[workers[0]]?.info?.attestationProvider } == .ias)
        let head = await devnet.node.produceBlocks(2)
        #expect(await probe.wait { $0.processed == head })
        let diagnostics = probe.read { $0.diagnostics }
        #expect(diagnostics.contains(.runtimeUpgraded(fromSpec: 1251, toSpec: 1252, atBlock: 5)), "\(diagnostics)")
        #expect(diagnostics.filter { if case .decode = $0 { true } else { false } }.isEmpty, "\(diagnostics)")
        #expect(probe.read { $0.fleet.workers[workers[0]]?.info?.attestationProvider } == .dcap)
        await engine.stop()
        await consumer.value
    }

    /// An extrinsic signed for 1251 still waiting (future nonce) when 1252
    /// executes its first block fails `CheckSpecVersion`: dropped as invalid,
    /// and one signed for 1252 afterwards is accepted.
    @Test func poolDropsExtrinsicsSignedForTheOldRuntime() async throws {
        let devnet = DevnetServer(DevnetEngineTests.config(workers: 2, pools: 1, seed: 3))
        try await devnet.start()
        defer { Task { await devnet.stop() } }
        await devnet.node.produceBlocks(2)
        let upgradeBlock = await devnet.node.scheduleRuntimeUpgrade(RuntimeUpgradePlan(atBlock: 3))
        #expect(upgradeBlock == 3)
        let rpc = RPCClient()
        try await rpc.connect(url: devnet.url)
        let client = ExtrinsicClient(client: rpc, timeoutSeconds: 10)
        let alice = try KeyPair(secretURI: "//Alice")
        let prepared = try await client.prepare(try Self.refusedRegistration(), signer: alice)
        #expect(prepared.extrinsic.parameters.specVersion == 1251)
        var params = prepared.extrinsic.parameters
        params.nonce += 1  // a gap: it waits in the pool
        let waiting = try ExtrinsicBuilder(metadata: prepared.metadata).sign(try Self.refusedRegistration(), signer: alice, parameters: params)
        let statuses = try await client.submitAndWatch(waiting.bytes)
        await devnet.node.produceBlocks(2)  // U, then U+1: the first block 1252 executes
        // Bounded: without the revalidation the extrinsic would wait for ever.
        let collector = Task { () -> [ExtrinsicStatus] in
            var seen: [ExtrinsicStatus] = []
            for try await s in statuses { seen.append(s) }
            return seen
        }
        let deadline = Task { try await Task.sleep(for: .seconds(20)); collector.cancel() }
        let seen = try await collector.value
        deadline.cancel()
        #expect(seen == [.ready, .invalid])
        let next = try await client.prepare(try Self.refusedRegistration(), signer: alice)
        #expect(next.extrinsic.parameters.specVersion == 1252)
        _ = try await rpc.call(SubstrateMethods.authorSubmitExtrinsic, params: [.hex(next.extrinsic.bytes)])
        await rpc.disconnect()
    }

    /// `state_subscribeRuntimeVersion` over WebSocket: the current version on
    /// subscribing, then the new one with block U.
    @Test func runtimeVersionSubscribersHearTheUpgrade() async throws {
        let devnet = DevnetServer(DevnetEngineTests.config(workers: 2, pools: 1, seed: 4))
        try await devnet.start()
        defer { Task { await devnet.stop() } }
        await devnet.node.produceBlocks(1)
        let rpc = RPCClient()
        try await rpc.connect(url: devnet.url)
        let versions = try await rpc.subscribe(SubstrateMethods.runtimeVersion)
        let heads = try await rpc.subscribe(SubstrateMethods.newHeads)
        await devnet.node.scheduleRuntimeUpgrade(RuntimeUpgradePlan(atBlock: 3))
        await devnet.node.produceBlocks(4)
        var specs: [UInt64] = []
        for try await v in versions {
            specs.append(try #require(v["specVersion"]?.uint64Value))
            if specs.count == 2 { break }
        }
        #expect(specs == [1251, 1252])
        var numbers: [UInt64] = []
        for try await h in heads {
            numbers.append(try RPCHeader(json: h).number)
            if numbers.last == 5 { break }
        }
        #expect(numbers == [1, 2, 3, 4, 5])
        await rpc.disconnect()
    }

    static let pythonScript = #"""
import json, sys
from substrateinterface import SubstrateInterface
url, before, upgrade, after, worker = sys.argv[1:6]
s = SubstrateInterface(url=url, ss58_format=30)
out = {}
out["providerBefore"] = s.query("PhalaRegistry", "Workers", [worker], block_hash=before).value["attestation_provider"]
events = s.get_events(block_hash=upgrade)
out["specAtUpgrade"] = s.runtime_version
out["upgradeEvents"] = [e.value["module_id"] + "." + e.value["event_id"] for e in events]
out["providerAfter"] = s.query("PhalaRegistry", "Workers", [worker], block_hash=after).value["attestation_provider"]
out["specAfter"] = s.runtime_version
print(json.dumps(out, default=str))
"""#
}
