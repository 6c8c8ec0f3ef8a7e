import ChainCrypto
import ChainEngine
import Foundation
import MiningCore
import Scale
import TestSupport
import Testing

/// Independent check (issue 8): extrinsics we build decode with
/// py-scalecodec to the same call and arguments, and the signature verifies
/// with py-sr25519-bindings over the payload scalecodec reconstructs from
/// the decoded extrinsic (plus the signed-only spec/tx version, genesis and
/// birth hash, which no extrinsic carries).
@Suite(.enabled(if: Fixtures.available && (ReferencePython.available || ReferencePython.required),
                "needs ../shared/fixtures and the reference Python venv"))
struct ExtrinsicPythonCrossCheckTests {
    static let script = #"""
import sys, json, hashlib
from scalecodec.base import RuntimeConfigurationObject, ScaleBytes
from scalecodec.type_registry import load_type_registry_preset
import sr25519
meta_path, xt_hex, spec, txv, genesis, birth = sys.argv[1:7]
rc = RuntimeConfigurationObject(); rc.update_type_registry(load_type_registry_preset("core"))
m = rc.create_scale_object("MetadataVersioned", ScaleBytes(open(meta_path, "rb").read())); m.decode()
rc.add_portable_registry(m)
xt = rc.create_scale_object("Extrinsic", data=ScaleBytes(xt_hex), metadata=m); xt.decode()
v = xt.value
def plain(x):
    # Decoded calls carry call_index/call_hash, which the encoder refuses; keep module, function, args.
    if isinstance(x, dict) and "call_module" in x:
        return {"call_module": x["call_module"], "call_function": x["call_function"],
                "call_args": {a["name"]: plain(a["value"]) for a in x["call_args"]}}
    if isinstance(x, list):
        return [plain(e) for e in x]
    return x
call = rc.create_scale_object("Call", metadata=m).encode(plain(v["call"])).data
era = rc.create_scale_object("Era").encode(v["era"]).data
nonce = rc.create_scale_object("Compact<u32>").encode(v["nonce"]).data
tip = rc.create_scale_object("Compact<u128>").encode(v["tip"]).data
payload = bytes(call) + bytes(era) + bytes(nonce) + bytes(tip) + int(spec).to_bytes(4, "little") + int(txv).to_bytes(4, "little") + bytes.fromhex(genesis[2:]) + bytes.fromhex(birth[2:])
if len(payload) > 256: payload = hashlib.blake2b(payload, digest_size=32).digest()
sig = v["signature"]
sig_hex = list(sig.values())[0] if isinstance(sig, dict) else sig
scheme = list(sig.keys())[0] if isinstance(sig, dict) else "?"
addr = v["address"]
pub = bytes.fromhex((addr if isinstance(addr, str) else list(addr.values())[0])[2:]) if (addr if isinstance(addr, str) else list(addr.values())[0]).startswith("0x") else None
ok = sr25519.verify(bytes.fromhex(sig_hex[2:]), payload, pub) if scheme == "Sr25519" else None
print(json.dumps({"module": v["call"]["call_module"], "function": v["call"]["call_function"],
                  "args": {a["name"]: a["value"] for a in v["call"]["call_args"]}, "scheme": scheme,
                  "address": "0x" + pub.hex(), "era": v["era"], "nonce": v["nonce"], "tip": v["tip"], "verified": ok,
                  "call_hex": "0x" + bytes(call).hex()}, default=str))
"""#

    struct Decoded: Decodable {
        var module: String
        var function: String
        var scheme: String
        var address: String
        var nonce: Int
        var tip: Int
        var verified: Bool?
        var call_hex: String
    }

    func check(_ action: ActionCall, nonce: UInt64, tip: UInt128) throws -> (Decoded, [String: Any], SignedExtrinsic) {
        let metadata = try RuntimeMetadataV14(bytes: Fixtures.bytes("khala_metadata_spec1251.scale"))
        let builder = try ExtrinsicBuilder(metadata: metadata)
        let key = try KeyPair(secretURI: "//Alice")
        let genesis = blake2_256(Array("genesis".utf8)), birth = blake2_256(Array("birth".utf8))
        let params = SigningParameters(nonce: nonce, tipPlanck: tip, era: .mortal(period: 64, currentBlock: 4_242),
                                       specVersion: 1251, transactionVersion: 7, genesisHash: genesis, eraBirthHash: birth)
        let xt = try builder.sign(action, signer: key, parameters: params)
        let out = try ReferencePython.run(Self.script, arguments: [
            Fixtures.url("khala_metadata_spec1251.scale").path, Hex.encode(xt.bytes), "1251", "7", Hex.encode(genesis), Hex.encode(birth),
        ])
        let line = try #require(out.split(separator: "\n").last.map(String.init))
        let decoded = try JSONDecoder().decode(Decoded.self, from: Data(line.utf8))
        let any = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let args = try #require(any["args"] as? [String: Any])
        #expect(decoded.address == Hex.encode(key.publicKey))
        #expect(decoded.scheme == "Sr25519")
        #expect(decoded.nonce == Int(nonce))
        #expect(decoded.tip == Int(tip))
        #expect(decoded.call_hex == Hex.encode(xt.call.bytes))
        #expect(decoded.verified == true)
        return (decoded, args, xt)
    }

    @Test func startComputingDecodesAndVerifies() throws {
        let worker = try WorkerKey(hex: "0x" + String(repeating: "5a", count: 32))
        let stake = 123_456 * PHA.planckPerPHA + 7
        let (d, args, _) = try check(.startComputing(pid: 77, worker: worker, stakePlanck: stake), nonce: 70_000, tip: 5)
        #expect(d.module == "PhalaStakePoolv2")
        #expect(d.function == "start_computing")
        #expect(args["pid"] as? Int == 77)
        #expect(args["worker"] as? String == worker.hex)
        #expect((args["stake"] as? NSNumber)?.stringValue == String(stake))
    }

    @Test func longBatchDecodesAndVerifiesOverTheHashedPayload() throws {
        let calls = (0..<8).map { i in
            ActionCall.stopComputing(pid: UInt64(i), worker: try! WorkerKey(hex: "0x" + String(repeating: String(format: "%02x", i + 1), count: 32)))
        }
        let (d, args, xt) = try check(.batchAll(calls), nonce: 3, tip: 0)
        #expect(xt.signingPayload.count > 256)
        #expect(d.module == "Utility")
        #expect(d.function == "batch_all")
        #expect((args["calls"] as? [Any])?.count == 8)
    }
}
