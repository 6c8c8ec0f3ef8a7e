import Foundation
import Testing
import TestSupport
@testable import Scale

/// py-scalecodec (an implementation we did not write) encodes seeded random
/// values; we decode them to the same values and re-encode the same bytes.
@Suite(.enabled(if: ReferencePython.available || ReferencePython.required, "needs the reference Python venv"))
struct PythonCrossCheckTests {
    struct Sample {
        let type: String
        let value: Any?
        let bytes: [UInt8]
    }

    func samples(seed: Int, count: Int, metadataPath: String?) throws -> [Sample] {
        let out = try ReferencePython.run(Self.script, arguments: [String(seed), String(count)] + (metadataPath.map { [$0] } ?? []))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        return try json.map { item in
            Sample(type: try #require(item["type"] as? String), value: item["value"] is NSNull ? nil : item["value"],
                   bytes: try Hex.decode(try #require(item["hex"] as? String)))
        }
    }

    /// Decodes `sample` as `T`, compares with `expected`, and checks our encoding equals theirs.
    func check<T: ScaleCodable & Equatable>(_ sample: Sample, _: T.Type, _ expected: T?) {
        guard let expected else {
            Issue.record("\(sample.type): could not read the expected value \(String(describing: sample.value))")
            return
        }
        do {
            let decoded = try scaleDecode(T.self, from: sample.bytes)
            #expect(decoded == expected, "\(sample.type) \(Hex.encode(sample.bytes))")
            #expect(scaleEncoded(expected) == sample.bytes, "\(sample.type) \(expected)")
        } catch {
            Issue.record("\(sample.type) \(Hex.encode(sample.bytes)): \(error)")
        }
    }

    @Test func primitivesEncodedByScalecodecDecodeIdentically() throws {
        let all = try samples(seed: 1251, count: 25, metadataPath: nil)
        #expect(all.count == 25 * 20)
        func num<T: FixedWidthInteger>(_ v: Any?) -> T? { (v as? String).flatMap { T($0) } }
        func nums<T: FixedWidthInteger>(_ v: Any?) -> [T]? { (v as? [String])?.compactMap { T($0) } }
        for s in all {
            switch s.type {
            case "u8": check(s, UInt8.self, num(s.value))
            case "u16": check(s, UInt16.self, num(s.value))
            case "u32": check(s, UInt32.self, num(s.value))
            case "u64": check(s, UInt64.self, num(s.value))
            case "u128": check(s, UInt128.self, num(s.value))
            case "i8": check(s, Int8.self, num(s.value))
            case "i16": check(s, Int16.self, num(s.value))
            case "i32": check(s, Int32.self, num(s.value))
            case "i64": check(s, Int64.self, num(s.value))
            case "i128": check(s, Int128.self, num(s.value))
            case "bool": check(s, Bool.self, s.value as? Bool)
            case "Compact<u32>": check(s, Compact<UInt32>.self, num(s.value).map { Compact($0) })
            case "Compact<u128>": check(s, Compact<UInt128>.self, num(s.value).map { Compact($0) })
            case "Str": check(s, String.self, s.value as? String)
            case "Bytes": check(s, [UInt8].self, (s.value as? String).flatMap { try? Hex.decode($0) })
            case "Vec<u32>": check(s, [UInt32].self, nums(s.value))
            case "Option<u32>": check(s, UInt32?.self, s.value == nil ? .some(nil) : num(s.value).map { .some($0) })
            case "(u8, u64)":
                let pair: [UInt64]? = nums(s.value)
                var d = ScaleDecoder(s.bytes)
                let t = try d.decodeTuple(UInt8.self, UInt64.self)
                #expect(pair == [UInt64(t.0), t.1] && d.isAtEnd, "\(s.type)")
            case "[u8; 32]":
                var d = ScaleDecoder(s.bytes)
                #expect(try d.decodeFixedArray(UInt8.self, count: 32) == (s.value as? String).flatMap { try? Hex.decode($0) })
            case "BTreeMap<u32, u64>":
                let pairs = (s.value as? [[String]]) ?? []
                var map: [UInt32: UInt64] = [:]
                for p in pairs { if let k = UInt32(p[0]), let v = UInt64(p[1]) { map[k] = v } }
                check(s, [UInt32: UInt64].self, map)
            default: Issue.record("unhandled sample type \(s.type)")
            }
        }
    }

    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func workerInfoEncodedThroughTheirRegistryDecodesDynamically() throws {
        let path = Fixtures.url("khala_metadata_spec1251.scale").path
        let all = try samples(seed: 86, count: 30, metadataPath: path).filter { $0.type == "WorkerInfoV2" }
        #expect(all.count == 30)
        let metadata = try RuntimeMetadataV14(bytes: Fixtures.bytes("khala_metadata_spec1251.scale"))
        let codec = DynamicCodec(registry: metadata.registry)
        let type = try #require(metadata.storageEntry(pallet: "PhalaRegistry", name: "Workers")).valueType
        for s in all {
            let expected = try #require(s.value as? [String: Any])
            let v = try codec.decode(type: type, from: s.bytes)
            #expect(v[field: "pubkey"]?.byteArray.map { Hex.encode($0) } == expected["pubkey"] as? String)
            #expect(v[field: "runtime_version"]?.uint.map { "\($0)" } == expected["runtime_version"] as? String)
            #expect(v[field: "last_updated"]?.uint.map { "\($0)" } == expected["last_updated"] as? String)
            #expect(v[field: "operator"]?.fields.first?.value.byteArray.map { Hex.encode($0) } == expected["operator"] as? String)
            #expect(v[field: "attestation_provider"]?.fields.first?.value.variantName == expected["attestation_provider"] as? String)
            #expect(v[field: "initial_score"]?.fields.first?.value.uint.map { "\($0)" } == expected["initial_score"] as? String)
            #expect(v[field: "features"]?.elements.compactMap { $0.uint.map { "\($0)" } } == expected["features"] as? [String])
            #expect(try codec.encode(v, type: type) == s.bytes)
        }
    }

    /// Generates and encodes the samples with py-scalecodec. Note: scalecodec
    /// writes `Option<bool>` as two bytes, unlike parity-scale-codec's one-byte
    /// form, so that type is checked against the Rust encoding in PrimitiveCodecTests.
    static let script = #"""
import json, random, sys
from scalecodec.base import RuntimeConfigurationObject, ScaleBytes
from scalecodec.type_registry import load_type_registry_preset
seed, count = int(sys.argv[1]), int(sys.argv[2])
meta_path = sys.argv[3] if len(sys.argv) > 3 else None
rng = random.Random(seed)
rc = RuntimeConfigurationObject()
rc.update_type_registry(load_type_registry_preset("legacy"))
def uint(bits): return rng.choice([0, 1, 63, 64, 16383, 16384, 2**30 - 1, 2**30, 2**bits - 1, rng.getrandbits(bits)]) % (2**bits)
def sint(bits): return uint(bits) - 2**(bits - 1)
def text(): return "".join(rng.choice(["a", "Z", "é", "中", "🙂", " "]) for _ in range(rng.randrange(0, 12)))
def blob(n): return "0x" + bytes(rng.getrandbits(8) for _ in range(n)).hex()
gens = {
    "u8": lambda: uint(8), "u16": lambda: uint(16), "u32": lambda: uint(32), "u64": lambda: uint(64),
    "u128": lambda: uint(128), "i8": lambda: sint(8), "i16": lambda: sint(16), "i32": lambda: sint(32),
    "i64": lambda: sint(64), "i128": lambda: sint(128), "bool": lambda: rng.random() < 0.5,
    "Compact<u32>": lambda: uint(32), "Compact<u128>": lambda: uint(128), "Str": text,
    "Bytes": lambda: blob(rng.randrange(0, 70)), "Vec<u32>": lambda: [uint(32) for _ in range(rng.randrange(0, 5))],
    "Option<u32>": lambda: None if rng.random() < 0.3 else uint(32), "(u8, u64)": lambda: (uint(8), uint(64)),
    "[u8; 32]": lambda: blob(32),
    "BTreeMap<u32, u64>": lambda: sorted({uint(32): uint(64) for _ in range(rng.randrange(0, 4))}.items()),
}
def jsonable(v):
    if isinstance(v, bool) or v is None or isinstance(v, str): return v
    if isinstance(v, int): return str(v)
    if isinstance(v, (list, tuple)): return [jsonable(x) for x in v]
    if isinstance(v, dict): return {k: jsonable(x) for k, x in v.items()}
    return v
out = []
for _ in range(count):
    for t, g in gens.items():
        v = g()
        out.append({"type": t, "value": jsonable(v), "hex": rc.create_scale_object(t).encode(v).to_hex()})
if meta_path:
    rc2 = RuntimeConfigurationObject()
    rc2.update_type_registry(load_type_registry_preset("core"))
    m = rc2.create_scale_object("MetadataVersioned", data=ScaleBytes(open(meta_path, "rb").read()))
    m.decode()
    rc2.add_portable_registry(m)
    for _ in range(count):
        v = {"pubkey": blob(32), "ecdh_pubkey": blob(32), "runtime_version": uint(32), "last_updated": uint(64),
             "operator": None if rng.random() < 0.3 else blob(32),
             "attestation_provider": None if rng.random() < 0.3 else rng.choice(["Root", "Ias"]),
             "confidence_level": uint(8), "initial_score": None if rng.random() < 0.3 else uint(32),
             "features": [uint(32) for _ in range(rng.randrange(0, 3))]}
        out.append({"type": "WorkerInfoV2", "value": jsonable(v),
                    "hex": rc2.create_scale_object("scale_info::592").encode(v).to_hex()})
print(json.dumps(out))
"""#
}
