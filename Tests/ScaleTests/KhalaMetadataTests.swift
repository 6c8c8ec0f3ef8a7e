import Testing
import TestSupport
@testable import Scale

/// The Khala 1251 metadata decodes completely and the Phala types have the
/// shapes of PROTOCOL.md §1.1 and §1.2.
@Suite(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
struct KhalaMetadataTests {
    let metadata: RuntimeMetadataV14
    let codec: DynamicCodec

    init() throws {
        metadata = try RuntimeMetadataV14(bytes: Fixtures.bytes("khala_metadata_spec1251.scale"))
        codec = DynamicCodec(registry: metadata.registry)
    }

    /// Every type id reachable from `id` is in the registry.
    func assertResolves(_ id: UInt32, _ what: String, seen: inout Set<UInt32>) {
        guard seen.insert(id).inserted else { return }
        guard let t = metadata.registry[id] else {
            Issue.record("\(what): type \(id) is not in the registry")
            return
        }
        var children: [UInt32] = t.params.compactMap(\.type)
        switch t.def {
        case .composite(let fs): children += fs.map(\.type)
        case .variant(let vs): children += vs.flatMap { $0.fields.map(\.type) }
        case .sequence(let e), .array(_, let e), .compact(let e): children.append(e)
        case .tuple(let ids): children += ids
        case .bitSequence(let s, let o): children += [s, o]
        case .primitive: break
        }
        for c in children { assertResolves(c, "\(what) → \(id)", seen: &seen) }
    }

    @Test func everyPalletStorageEventAndCallResolves() throws {
        var seen = Set<UInt32>()
        var entryCount = 0, eventCount = 0, callCount = 0, constantCount = 0
        #expect(Set(metadata.pallets.map(\.index)).count == metadata.pallets.count, "pallet indices are unique")
        for p in metadata.pallets {
            for entry in p.storage?.entries ?? [] {
                entryCount += 1
                switch entry.type {
                case .plain(let v): assertResolves(v, "\(p.name).\(entry.name)", seen: &seen)
                case .map(let hashers, let key, let value):
                    #expect(!hashers.isEmpty)
                    assertResolves(key, "\(p.name).\(entry.name) key", seen: &seen)
                    assertResolves(value, "\(p.name).\(entry.name) value", seen: &seen)
                }
                // Default values decode as their type, and re-encode to the same bytes.
                if entry.modifier == .default {
                    let v = try codec.decode(type: entry.valueType, from: entry.defaultBytes)
                    #expect(try codec.encode(v, type: entry.valueType) == entry.defaultBytes, "\(p.name).\(entry.name)")
                }
                #expect(metadata.storageEntry(pallet: p.name, name: entry.name) == entry)
            }
            for (kind, id) in [("event", p.eventType), ("call", p.callType), ("error", p.errorType)] {
                guard let id else { continue }
                guard case .variant(let vs)? = metadata.registry[id]?.def else {
                    Issue.record("\(p.name) \(kind) type \(id) is not an enum")
                    continue
                }
                assertResolves(id, "\(p.name) \(kind)", seen: &seen)
                for v in vs {
                    switch kind {
                    case "event": eventCount += 1; #expect(metadata.event(pallet: p.name, name: v.name) == v)
                    case "call": callCount += 1; #expect(metadata.call(pallet: p.name, name: v.name) == v)
                    default: #expect(metadata.error(pallet: p.name, name: v.name) == v)
                    }
                }
            }
            for c in p.constants {
                constantCount += 1
                let v = try codec.decode(type: c.type, from: c.value)
                #expect(try codec.encode(v, type: c.type) == c.value, "\(p.name).\(c.name)")
                #expect(metadata.constant(pallet: p.name, name: c.name) == c)
            }
        }
        assertResolves(metadata.extrinsic.type, "extrinsic", seen: &seen)
        assertResolves(metadata.runtimeType, "runtime", seen: &seen)
        for ext in metadata.extrinsic.signedExtensions {
            assertResolves(ext.type, ext.identifier, seen: &seen)
            assertResolves(ext.additionalSigned, ext.identifier, seen: &seen)
        }
        #expect(entryCount > 200)
        #expect(eventCount > 200)
        #expect(callCount > 200)
        #expect(constantCount > 50)
        #expect(metadata.extrinsic.version == 4)
        // PROTOCOL.md §1.6: the signed extensions of spec 1251, in order.
        #expect(metadata.extrinsic.signedExtensions.map(\.identifier) == [
            "CheckNonZeroSender", "CheckSpecVersion", "CheckTxVersion", "CheckGenesis", "CheckMortality",
            "CheckNonce", "CheckWeight", "CheckMqSequence", "ChargeTransactionPayment"])
    }

    @Test func khalaPalletIndices() {
        let expected: [String: UInt8] = ["PhalaMq": 85, "PhalaRegistry": 86, "PhalaComputation": 87,
                                         "PhalaStakePool": 88, "PhalaStakePoolv2": 93, "PhalaBasePool": 96]
        for (name, index) in expected {
            #expect(metadata.pallet(named: name)?.index == index, "\(name)")
            #expect(metadata.pallet(index: index)?.name == name)
        }
        #expect(metadata.pallet(named: "NoSuchPallet") == nil)
        #expect(metadata.storageEntry(pallet: "PhalaRegistry", name: "NoSuchEntry") == nil)
    }

    func primitive(_ id: UInt32) -> TypePrimitive? {
        if case .primitive(let p)? = metadata.registry[metadata.registry.unwrapNewtypes(id)]?.def { return p }
        return nil
    }

    func isBytes32(_ id: UInt32) -> Bool {
        guard case .array(32, let e)? = metadata.registry[metadata.registry.unwrapNewtypes(id)]?.def else { return false }
        return primitive(e) == .u8
    }

    /// The `Some` payload type of an `Option<T>` type id.
    func optionPayload(_ id: UInt32) -> UInt32? {
        guard let t = metadata.registry[id], t.path == ["Option"], case .variant(let vs) = t.def,
              vs.map(\.name) == ["None", "Some"], vs.map(\.index) == [0, 1] else { return nil }
        return vs[1].fields.first?.type
    }

    @Test func phalaRegistryWorkersIsWorkerInfoV2() throws {
        let entry = try #require(metadata.storageEntry(pallet: "PhalaRegistry", name: "Workers"))
        guard case .map(let hashers, let key, let value) = entry.type else {
            Issue.record("Workers is not a map")
            return
        }
        #expect(hashers == [.twox64Concat])
        #expect(isBytes32(key), "key is [u8; 32]: \(metadata.registry.typeName(key))")
        let t = try metadata.registry.type(value)
        #expect(t.path.last == "WorkerInfoV2")
        guard case .composite(let fs) = t.def else {
            Issue.record("WorkerInfoV2 is not a composite")
            return
        }
        #expect(fs.map(\.name) == ["pubkey", "ecdh_pubkey", "runtime_version", "last_updated", "operator",
                                    "attestation_provider", "confidence_level", "initial_score", "features"])
        guard fs.count == 9 else { return }
        #expect(isBytes32(fs[0].type) && isBytes32(fs[1].type))
        #expect(primitive(fs[2].type) == .u32)
        #expect(primitive(fs[3].type) == .u64)
        let op = try #require(optionPayload(fs[4].type))
        #expect(metadata.registry[op]?.path.last == "AccountId32" && isBytes32(op))
        let provider = try #require(optionPayload(fs[5].type))
        let providers = metadata.variants(ofType: provider)
        #expect(providers.map(\.name) == ["Root", "Ias"])
        #expect(providers.map(\.index) == [0, 1])
        #expect(primitive(fs[6].type) == .u8)
        #expect(try primitive(#require(optionPayload(fs[7].type))) == .u32)
        guard case .sequence(let feature)? = metadata.registry[fs[8].type]?.def else {
            Issue.record("features is not a Vec")
            return
        }
        #expect(primitive(feature) == .u32)
        #expect(metadata.registry.shape(value).hasPrefix("{pubkey: Public, ecdh_pubkey: Public, runtime_version: u32, last_updated: u64, operator: Option<AccountId32>"))
    }

    @Test func phalaComputationSessionsIsSessionInfo() throws {
        let entry = try #require(metadata.storageEntry(pallet: "PhalaComputation", name: "Sessions"))
        guard case .map(let hashers, let key, let value) = entry.type else {
            Issue.record("Sessions is not a map")
            return
        }
        #expect(hashers == [.twox64Concat])
        #expect(metadata.registry[key]?.path.last == "AccountId32" && isBytes32(key))
        let t = try metadata.registry.type(value)
        #expect(t.path.last == "SessionInfo")
        guard case .composite(let fs) = t.def, fs.count == 7 else {
            Issue.record("SessionInfo is not a 7-field composite: \(metadata.registry.shape(value))")
            return
        }
        #expect(fs.map(\.name) == ["state", "ve", "v", "v_updated_at", "benchmark", "cool_down_start", "stats"])
        let states = metadata.variants(ofType: fs[0].type)
        #expect(states.map(\.name) == ["Ready", "WorkerIdle", "_Unused", "WorkerUnresponsive", "WorkerCoolingDown"])
        #expect(states.map(\.index) == [0, 1, 2, 3, 4])
        #expect(states.allSatisfy { $0.fields.isEmpty })
        #expect([fs[1], fs[2]].allSatisfy { primitive($0.type) == .u128 })
        #expect([fs[3], fs[5]].allSatisfy { primitive($0.type) == .u64 })
        guard case .composite(let bench)? = metadata.registry[fs[4].type]?.def else {
            Issue.record("Benchmark is not a composite")
            return
        }
        #expect(bench.map(\.name) == ["p_init", "p_instant", "iterations", "working_start_time", "challenge_time_last"])
        #expect(bench.map { primitive($0.type) } == [.u32, .u32, .u64, .u64, .u64])
        guard case .composite(let stats)? = metadata.registry[fs[6].type]?.def else {
            Issue.record("SessionStats is not a composite")
            return
        }
        #expect(stats.map(\.name) == ["total_reward"])
        #expect(primitive(stats[0].type) == .u128)
    }

    @Test func callIndicesAndErrorsByIndex() throws {
        let md = metadata
        let registry = try #require(md.pallet(named: "PhalaRegistry"))
        let idx = try #require(md.callIndex(pallet: "PhalaRegistry", name: "register_worker_v2"))
        #expect(idx.pallet == 86 && idx.call == 7, "PROTOCOL.md §2: 0x56 0x07")
        #expect(md.callIndex(pallet: "PhalaRegistry", name: "update_worker_endpoint")?.call == 8)
        #expect(md.call(pallet: "PhalaRegistry", name: "register_worker_v2")?.fields.map(\.name) == ["pruntime_info", "attestation"])
        let errors = metadata.variants(ofType: registry.errorType)
        let first = try #require(errors.first)
        #expect(md.error(palletIndex: 86, errorIndex: first.index)?.error == first)
        #expect(md.event(pallet: "PhalaRegistry", name: "WorkerAdded") != nil)
        #expect(md.event(pallet: "PhalaRegistry", name: "NoSuchEvent") == nil)
    }
}
