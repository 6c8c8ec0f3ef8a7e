import Testing
import TestSupport
import Scale
@testable import Devnet

/// Issue 5: every storage entry, call, event, error and constant the devnet
/// serves has the real Khala pallet index, hasher and type shape (compared
/// structurally through both registries), and the extrinsic format is the
/// real one (PROTOCOL.md §1, §1.6).
@Suite struct DevnetMetadataTests {
    let ours = DevnetMetadata.metadata

    @Test func encodesAndDecodesBack() throws {
        let back = try RuntimeMetadataV14(bytes: DevnetMetadata.encoded)
        #expect(back == ours)
        #expect(ours.registry.types.count == DevnetMetadata.typeCount)
        // Every referenced id resolves: a dangling id would break every client.
        let codec = DynamicCodec(registry: ours.registry)
        for p in ours.pallets {
            for e in p.storage?.entries ?? [] where e.modifier == .default {
                let value = try codec.decode(type: e.valueType, from: e.defaultBytes)
                #expect(try codec.encode(value, type: e.valueType) == e.defaultBytes, "\(p.name).\(e.name)")
            }
            for c in p.constants {
                let value = try codec.decode(type: c.type, from: c.value)
                #expect(try codec.encode(value, type: c.type) == c.value, "\(p.name).\(c.name)")
            }
        }
    }

    @Test func servesTheKhalaPallets() {
        let expected: [(String, UInt8)] = [
            ("System", 0), ("Timestamp", 1), ("Utility", 3), ("Balances", 40), ("TransactionPayment", 41),
            ("PhalaMq", 85), ("PhalaRegistry", 86), ("PhalaComputation", 87), ("Assets", 89),
            ("PhalaStakePoolv2", 93), ("PhalaBasePool", 96),
        ]
        for (name, index) in expected {
            #expect(ours.pallet(named: name)?.index == index, "\(name)")
        }
        for (pallet, entry) in [("PhalaRegistry", "Workers"), ("PhalaComputation", "Sessions"),
                                ("PhalaStakePoolv2", "WorkerAssignments"), ("PhalaBasePool", "Pools"),
                                ("PhalaMq", "OutboundMessages"), ("System", "Events"), ("Assets", "Account")] {
            #expect(ours.storageEntry(pallet: pallet, name: entry) != nil, "\(pallet).\(entry)")
        }
        #expect(ours.callIndex(pallet: "PhalaStakePoolv2", name: "stop_computing")! == (93, 14))
        #expect(ours.callIndex(pallet: "PhalaMq", name: "sync_offchain_message")! == (85, 0))
        #expect(ours.callIndex(pallet: "Utility", name: "batch_all")! == (3, 2))
        #expect(ours.extrinsic.signedExtensions.map(\.identifier) == [
            "CheckNonZeroSender", "CheckSpecVersion", "CheckTxVersion", "CheckGenesis", "CheckMortality",
            "CheckNonce", "CheckWeight", "CheckMqSequence", "ChargeTransactionPayment",
        ])
        let uxt = ours.registry[ours.extrinsic.type]
        #expect(uxt?.params.map(\.name) == ["Address", "Call", "Signature", "Extra"])
        #expect(ours.constant(pallet: "System", name: "SS58Prefix")?.value == [30, 0])
    }

    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func matchesTheRealKhalaMetadata() throws {
        let real = try RuntimeMetadataV14(bytes: Fixtures.bytes("khala_metadata_spec1251.scale"))
        var cmp = ShapeComparison(ours: ours.registry, real: real.registry)
        var checked = 0
        for p in ours.pallets {
            let r = try #require(real.pallet(named: p.name), "\(p.name) is a real pallet")
            #expect(p.index == r.index, "\(p.name) index")
            #expect(p.storage?.prefix == r.storage?.prefix)
            for e in p.storage?.entries ?? [] {
                let re = try #require(real.storageEntry(pallet: p.name, name: e.name), "\(p.name).\(e.name)")
                #expect(e.modifier == re.modifier, "\(p.name).\(e.name) modifier")
                #expect(e.defaultBytes == re.defaultBytes, "\(p.name).\(e.name) default")
                switch (e.type, re.type) {
                case (.plain(let a), .plain(let b)):
                    cmp.expectSame(a, b, "\(p.name).\(e.name)")
                case (.map(let ha, let ka, let va), .map(let hb, let kb, let vb)):
                    #expect(ha == hb, "\(p.name).\(e.name) hashers")
                    cmp.expectSame(ka, kb, "\(p.name).\(e.name) key")
                    cmp.expectSame(va, vb, "\(p.name).\(e.name) value")
                default:
                    Issue.record("\(p.name).\(e.name): plain/map kind differs")
                }
                checked += 1
            }
            for (kind, a, b) in [("call", p.callType, r.callType), ("event", p.eventType, r.eventType),
                                 ("error", p.errorType, r.errorType)] {
                guard let a else { continue }
                let b = try #require(b, "\(p.name) has a real \(kind) enum")
                cmp.expectSame(a, b, "\(p.name) \(kind)")
                checked += ours.variants(ofType: a).count
            }
            if p.errorType != nil {
                #expect(ours.variants(ofType: p.errorType).map(\.name) == real.variants(ofType: r.errorType).map(\.name),
                        "\(p.name) errors are complete, real indices")
            }
            if p.eventType != nil {
                #expect(ours.variants(ofType: p.eventType).count == real.variants(ofType: r.eventType).count,
                        "\(p.name) events are complete")
            }
            for c in p.constants {
                let rc = try #require(real.constant(pallet: p.name, name: c.name), "\(p.name).\(c.name)")
                cmp.expectSame(c.type, rc.type, "\(p.name).\(c.name)")
                #expect(c.value == rc.value, "\(p.name).\(c.name) value")
            }
        }
        cmp.expectSame(ours.extrinsic.type, real.extrinsic.type, "UncheckedExtrinsic")
        #expect(ours.extrinsic.version == real.extrinsic.version)
        #expect(ours.extrinsic.signedExtensions.count == real.extrinsic.signedExtensions.count)
        for (a, b) in zip(ours.extrinsic.signedExtensions, real.extrinsic.signedExtensions) {
            #expect(a.identifier == b.identifier)
            cmp.expectSame(a.type, b.type, "\(a.identifier) extra")
            cmp.expectSame(a.additionalSigned, b.additionalSigned, "\(a.identifier) additional signed")
        }
        cmp.expectSame(ours.runtimeType, real.runtimeType, "Runtime")
        #expect(checked > 150)
    }
}

/// Structural equality of two registry types: same path, params, shape,
/// field names, `typeName`s and variant indices, recursively. Enums whose
/// variants the devnet narrows (`Call`, `RuntimeCall`, `RuntimeEvent`) may
/// hold a subset of the real variants; each one kept must be identical.
struct ShapeComparison {
    let ours: PortableRegistry
    let real: PortableRegistry
    var assumed = Set<UInt64>()

    init(ours: PortableRegistry, real: PortableRegistry) { self.ours = ours; self.real = real }

    mutating func expectSame(_ a: UInt32, _ b: UInt32, _ what: String) {
        if let why = difference(a, b) { Issue.record("\(what): \(why)") }
    }

    mutating func difference(_ a: UInt32, _ b: UInt32) -> String? {
        guard assumed.insert(UInt64(a) << 32 | UInt64(b)).inserted else { return nil }
        guard let ta = ours[a], let tb = real[b] else { return "type \(a) or real \(b) missing" }
        let name = tb.path.joined(separator: "::")
        guard ta.path == tb.path else { return "path \(ta.path) ≠ \(tb.path)" }
        guard ta.params.map(\.name) == tb.params.map(\.name) else { return "\(name) params differ" }
        for (pa, pb) in zip(ta.params, tb.params) {
            switch (pa.type, pb.type) {
            case (nil, nil): continue
            case (let x?, let y?): if let d = difference(x, y) { return "\(name)<\(pa.name)>: \(d)" }
            default: return "\(name)<\(pa.name)> concreteness differs"
            }
        }
        switch (ta.def, tb.def) {
        case (.composite(let fa), .composite(let fb)):
            return fieldsDifference(fa, fb, name)
        case (.variant(let va), .variant(let vb)):
            let narrowed = ["Call", "RuntimeCall", "RuntimeEvent"].contains(tb.path.last ?? "")
            if !narrowed, va.count != vb.count { return "\(name): \(va.count) variants, real \(vb.count)" }
            for x in va {
                guard let y = vb.first(where: { $0.index == x.index }) else { return "\(name).\(x.name) index \(x.index) not real" }
                guard x.name == y.name else { return "\(name) variant \(x.index): \(x.name) ≠ \(y.name)" }
                if let d = fieldsDifference(x.fields, y.fields, "\(name).\(x.name)") { return d }
            }
            return nil
        case (.sequence(let x), .sequence(let y)), (.compact(let x), .compact(let y)):
            return difference(x, y).map { "\(name)[]: \($0)" }
        case (.array(let n, let x), .array(let m, let y)):
            guard n == m else { return "array length \(n) ≠ \(m)" }
            return difference(x, y)
        case (.tuple(let xs), .tuple(let ys)):
            guard xs.count == ys.count else { return "tuple arity \(xs.count) ≠ \(ys.count)" }
            for (x, y) in zip(xs, ys) { if let d = difference(x, y) { return d } }
            return nil
        case (.primitive(let x), .primitive(let y)):
            return x == y ? nil : "primitive \(x) ≠ \(y)"
        case (.bitSequence(let s1, let o1), .bitSequence(let s2, let o2)):
            return difference(s1, s2) ?? difference(o1, o2)
        default:
            return "\(name): kind differs"
        }
    }

    mutating func fieldsDifference(_ fa: [TypeField], _ fb: [TypeField], _ name: String) -> String? {
        guard fa.count == fb.count else { return "\(name): \(fa.count) fields, real \(fb.count)" }
        for (x, y) in zip(fa, fb) {
            guard x.name == y.name else { return "\(name): field \(x.name ?? "_") ≠ \(y.name ?? "_")" }
            guard x.typeName == y.typeName else { return "\(name).\(x.name ?? "_"): typeName \(x.typeName ?? "nil") ≠ \(y.typeName ?? "nil")" }
            if let d = difference(x.type, y.type) { return "\(name).\(x.name ?? "_"): \(d)" }
        }
        return nil
    }
}

/// The structural comparison notices a drifted shape (so the metadata test can fail).
@Suite(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
struct ShapeComparisonTests {
    @Test func detectsRenamedFieldsChangedPrimitivesAndExtraVariants() throws {
        let real = try RuntimeMetadataV14(bytes: Fixtures.bytes("khala_metadata_spec1251.scale"))
        let ours = DevnetMetadata.metadata
        let workers = try #require(ours.storageEntry(pallet: "PhalaRegistry", name: "Workers")).valueType
        let realWorkers = try #require(real.storageEntry(pallet: "PhalaRegistry", name: "Workers")).valueType
        var same = ShapeComparison(ours: ours.registry, real: real.registry)
        #expect(same.difference(workers, realWorkers) == nil)

        func mutated(_ change: (inout PortableType) -> Void, at id: UInt32) -> PortableRegistry {
            var types = ours.registry.types
            change(&types[Int(id)])
            return PortableRegistry(types: types)
        }
        let renamed = mutated({ t in
            if case .composite(var fs) = t.def { fs[3].name = "last_updated_ms"; t.def = .composite(fs) }
        }, at: workers)
        var c1 = ShapeComparison(ours: renamed, real: real.registry)
        #expect(c1.difference(workers, realWorkers)?.contains("last_updated") == true)

        let state = try #require(ours.registry.types.first { $0.path.last == "WorkerState" }).id
        let realState = try #require(real.registry.types.first { $0.path.last == "WorkerState" }).id
        let extra = mutated({ t in
            if case .variant(var vs) = t.def { vs.append(TypeVariant(name: "Extra", fields: [], index: 9, docs: [])); t.def = .variant(vs) }
        }, at: state)
        var c2 = ShapeComparison(ours: extra, real: real.registry)
        #expect(c2.difference(state, realState) != nil)

        let u32 = try #require(ours.registry.types.first { $0.def == .primitive(.u32) }).id
        let realU32 = try #require(real.registry.types.first { $0.def == .primitive(.u32) }).id
        let widened = mutated({ $0.def = .primitive(.u64) }, at: u32)
        var c3 = ShapeComparison(ours: widened, real: real.registry)
        #expect(c3.difference(u32, realU32) != nil)
    }
}
