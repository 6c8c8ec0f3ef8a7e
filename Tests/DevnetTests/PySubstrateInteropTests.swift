import Foundation
import Scale
import SubstrateRPC
import Testing
import TestSupport
@testable import Devnet

/// Issue 5 "must show": py-substrate-interface (a client we did not write)
/// against the devnet on an ephemeral loopback port: metadata and runtime
/// version, `query`/`query_map` over Workers, Sessions and WorkerAssignments,
/// `System.Events` of a block holding `BenchmarkUpdated`, a head
/// subscription, extrinsics it signs itself (sr25519 and ed25519) applied,
/// and one refused for the wrong signer with the module error name.
@Suite(.enabled(if: ReferencePython.available || ReferencePython.required, "needs the reference Python venv"))
struct PySubstrateInteropTests {
    static let ed25519Seed = "0x" + String(repeating: "42", count: 32)

    static let script = #"""
import json, sys
from substrateinterface import SubstrateInterface, Keypair, KeypairType
url, bench_block, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
out = {}
si = SubstrateInterface(url=url, ss58_format=30)
si.init_runtime()
out["spec"] = [si.runtime_version, si.get_constant("System", "SS58Prefix").value, si.chain]
out["pallets"] = [p.name for p in si.metadata.pallets]
ws = list(si.query_map("PhalaRegistry", "Workers", page_size=4))
out["workers"] = len(ws)
sessions = {k.value: v.value for k, v in si.query_map("PhalaComputation", "Sessions", page_size=5)}
out["sessions"] = len(sessions)
assign = {k.value: v.value for k, v in si.query_map("PhalaStakePoolv2", "WorkerAssignments")}
out["assignments"] = len(assign)
alice = Keypair.create_from_uri("//Alice", ss58_format=30)
bob = Keypair.create_from_uri("//Bob", ss58_format=30)
pool0 = si.query("PhalaBasePool", "Pools", [0]).value["StakePool"]
out["pool0_owner_is_alice"] = pool0["basepool"]["owner"] == alice.ss58_address
w0, w1 = pool0["workers"][0], pool0["workers"][1]
out["worker_query_score"] = si.query("PhalaRegistry", "Workers", [w0]).value["initial_score"]
ev = si.get_events(block_hash=bench_block)
out["bench_events"] = [e.value["event_id"] for e in ev if e.value["module_id"] == "PhalaComputation"]
blk = si.get_block(block_hash=bench_block)
out["bench_calls"] = [x.value["call"]["call_module"] + "." + x.value["call"]["call_function"] for x in blk["extrinsics"]]
out["bench_signed"] = [("signature" in x.value) for x in blk["extrinsics"]]
heads = []
def on_head(obj, n, sub):
    heads.append(obj["header"]["number"])
    return heads if len(heads) == 2 else None
si.subscribe_block_headers(on_head)
out["heads"] = heads
# sr25519: the pool owner stops a worker.
call = si.compose_call("PhalaStakePoolv2", "stop_computing", {"pid": 0, "worker": w0})
r = si.submit_extrinsic(si.create_signed_extrinsic(call=call, keypair=alice, era={"period": 64}), wait_for_inclusion=True)
out["stop_ok"] = r.is_success
session0 = si.query("PhalaComputation", "WorkerBindings", [w0]).value
out["stop_state"] = si.query("PhalaComputation", "Sessions", [session0]).value["state"]
out["stop_events"] = [e.value["event_id"] for e in r.triggered_events]
# wrong signer: Bob does not own pool 0.
call = si.compose_call("PhalaStakePoolv2", "stop_computing", {"pid": 0, "worker": w1})
r = si.submit_extrinsic(si.create_signed_extrinsic(call=call, keypair=bob), wait_for_inclusion=True)
out["refused_ok"] = r.is_success
out["refused_error"] = r.error_message["name"] if r.error_message else None
session1 = si.query("PhalaComputation", "WorkerBindings", [w1]).value
out["refused_state"] = si.query("PhalaComputation", "Sessions", [session1]).value["state"]
# ed25519: an endowed ed25519 account transfers PHA to Bob.
ed = Keypair.create_from_seed(sys.argv[4], ss58_format=30, crypto_type=KeypairType.ED25519)
before = si.query("System", "Account", [bob.ss58_address]).value["data"]["free"]
call = si.compose_call("Balances", "transfer_keep_alive", {"dest": bob.ss58_address, "value": 10**12})
r = si.submit_extrinsic(si.create_signed_extrinsic(call=call, keypair=ed), wait_for_inclusion=True)
out["ed_ok"] = r.is_success
out["ed_delta"] = si.query("System", "Account", [bob.ss58_address]).value["data"]["free"] - before
# a bad signature is refused at submission
xt = si.create_signed_extrinsic(call=call, keypair=ed)
raw = bytearray(bytes.fromhex(str(xt.data)[2:])); raw[40] ^= 1  # inside the signature
try:
    si.rpc_request("author_submitExtrinsic", ["0x" + raw.hex()]); out["tampered"] = "accepted"
except Exception as e:
    out["tampered"] = str(e)
print(json.dumps(out))
"""#

    @Test func pySubstrateInterfaceReadsSignsAndIsRefused() async throws {
        var config = DevnetConfig()
        config.seed = 7
        config.workers = 8
        config.pools = 2
        config.blockTimeSeconds = 0.25
        config.stateDepthBlocks = 4096
        let edPublic = try Ed25519Public.of(seedHex: Self.ed25519Seed)
        config.endowedAccounts = [edPublic]
        let node = DevnetNode(config: config)
        // Step until a block holds a BenchmarkUpdated (a worker answered a challenge).
        let rpc = try await RPCTestClient(node: node)
        var benchBlock: [UInt8]?
        for _ in 0..<3000 where benchBlock == nil {
            await node.produceBlocks(1)
            let head = try await rpc.headHash()
            if try await rpc.events(block: head).contains(where: { $0.name == "BenchmarkUpdated" }) { benchBlock = head }
        }
        let bench = try #require(benchBlock)
        let server = try await RPCServer.start(handler: node)
        await node.startTimer()
        defer { Task { await node.stopTimer(); await server.shutdown() } }
        let text = try await runPython(Self.script, arguments: [
            server.webSocketURL, Hex.encode(bench), "\(config.workers)", Self.ed25519Seed,
        ])
        let out = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
        #expect((out["pallets"] as? [String])?.contains("PhalaStakePoolv2") == true)
        #expect(out["workers"] as? Int == 8)
        #expect(out["sessions"] as? Int == 8)
        #expect(out["assignments"] as? Int == 8)
        #expect(out["pool0_owner_is_alice"] as? Bool == true)
        #expect((out["worker_query_score"] as? Int ?? 0) >= 1000)
        #expect((out["bench_events"] as? [String])?.contains("BenchmarkUpdated") == true)
        #expect((out["heads"] as? [Int])?.count == 2)
        let calls = out["bench_calls"] as? [String] ?? []
        #expect(calls.first == "Timestamp.set")
        #expect(calls.contains("PhalaMq.sync_offchain_message"), "\(calls)")
        #expect((out["bench_signed"] as? [Bool])?.dropFirst().allSatisfy { $0 } == true, "relayed heartbeats are signed")
        #expect(out["stop_ok"] as? Bool == true)
        #expect(out["stop_state"] as? String == "WorkerCoolingDown")
        #expect((out["stop_events"] as? [String])?.contains("WorkerStopped") == true)
        #expect(out["refused_ok"] as? Bool == false)
        #expect(out["refused_error"] as? String == "UnauthorizedPoolOwner")
        #expect(out["refused_state"] as? String == "WorkerIdle")
        #expect(out["ed_ok"] as? Bool == true)
        #expect(out["ed_delta"] as? Int == 1_000_000_000_000)
        let tampered = out["tampered"] as? String ?? ""
        #expect(tampered.contains("bad signature"), "\(tampered)")
        let spec = out["spec"] as? [Any] ?? []
        let specVersion = spec.first as? Int
        let prefix = spec.count > 1 ? spec[1] as? Int : nil
        #expect(specVersion == 1251)
        #expect(prefix == 30)
    }
}

/// The ed25519 public key of a seed, via ChainCrypto (the test endows it at genesis).
enum Ed25519Public {
    static func of(seedHex: String) throws -> [UInt8] {
        try ChainCryptoEd25519.publicKey(seed: hexBytes(seedHex))
    }
}
