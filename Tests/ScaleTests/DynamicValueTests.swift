import Testing
import TestSupport
@testable import Scale

/// Dynamic values of real Khala types: decode by type id, read fields, encode back.
@Suite(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
struct DynamicValueTests {
    let metadata: RuntimeMetadataV14
    let codec: DynamicCodec

    init() throws {
        metadata = try RuntimeMetadataV14(bytes: Fixtures.bytes("khala_metadata_spec1251.scale"))
        codec = DynamicCodec(registry: metadata.registry)
    }

    /// Hand-encodes a WorkerInfoV2 in PROTOCOL.md §1.1 order.
    func workerInfoBytes(pubkey: [UInt8], operatorAccount: [UInt8]?, provider: UInt8?, score: UInt32?,
                         features: [UInt32]) -> [UInt8] {
        var e = ScaleEncoder()
        e.encodeFixedArray(pubkey)
        e.encodeFixedArray([UInt8](repeating: 0xEC, count: 32))
        e.encode(UInt32(15))
        e.encode(UInt64(1_700_000_000))
        e.encode(operatorAccount.map { _ in UInt8(1) } ?? 0)
        if let op = operatorAccount { e.encodeFixedArray(op) }
        e.encode(provider.map { _ in UInt8(1) } ?? 0)
        if let p = provider { e.appendByte(p) }
        e.appendByte(5)
        e.encode(score)
        e.encode(features)
        return e.bytes
    }

    @Test func workerInfoV2DecodesDynamicallyAndRoundTrips() throws {
        let type = try #require(metadata.storageEntry(pallet: "PhalaRegistry", name: "Workers")).valueType
        var rng = SeededGenerator(seed: 20)
        for i in 0..<200 {
            let pubkey = rng.bytes(32)
            let op: [UInt8]? = i % 3 == 0 ? nil : rng.bytes(32)
            let provider: UInt8? = i % 4 == 0 ? nil : UInt8(i % 2)
            let score: UInt32? = i % 5 == 0 ? nil : UInt32.random(in: 0...6000, using: &rng)
            let features = (0..<(i % 3)).map { _ in UInt32.random(in: 0...64, using: &rng) }
            let bytes = workerInfoBytes(pubkey: pubkey, operatorAccount: op, provider: provider, score: score, features: features)
            let v = try codec.decode(type: type, from: bytes)
            #expect(v.fields.count == 9)
            #expect(v[field: "pubkey"]?.byteArray == pubkey)
            #expect(v[field: "runtime_version"]?.uint == 15)
            #expect(v[field: "last_updated"]?.uint == 1_700_000_000)
            let opValue = try #require(v[field: "operator"])
            #expect(opValue.variantName == (op == nil ? "None" : "Some"))
            #expect(opValue.fields.first?.value.byteArray == op)
            let providerValue = try #require(v[field: "attestation_provider"])
            #expect(providerValue.fields.first?.value.variantName == provider.map { $0 == 0 ? "Root" : "Ias" })
            #expect(v[field: "confidence_level"]?.uint == 5)
            #expect(v[field: "initial_score"]?.fields.first?.value.uint == score.map { UInt128($0) })
            #expect(v[field: "features"]?.elements.compactMap(\.uint) == features.map { UInt128($0) })
            #expect(try codec.encode(v, type: type) == bytes)
        }
    }

    @Test func sessionInfoWorkerStateVariants() throws {
        let type = try #require(metadata.storageEntry(pallet: "PhalaComputation", name: "Sessions")).valueType
        for (index, name) in [(0, "Ready"), (1, "WorkerIdle"), (2, "_Unused"), (3, "WorkerUnresponsive"), (4, "WorkerCoolingDown")] {
            var e = ScaleEncoder()
            e.appendByte(UInt8(index))
            e.encode(UInt128(1) << 64)            // ve = 1.0 in U64F64
            e.encode(UInt128(3) << 63)            // v = 1.5
            e.encode(UInt64(1_700_000_123))       // v_updated_at
            e.encode(UInt32(50)); e.encode(UInt32(60)); e.encode(UInt64(7)); e.encode(UInt64(8)); e.encode(UInt64(9))
            e.encode(UInt64(1_700_000_999))       // cool_down_start
            e.encode(UInt128(42))                 // stats.total_reward
            let v = try codec.decode(type: type, from: e.bytes)
            #expect(v[field: "state"]?.variantName == name)
            #expect(v[field: "v"]?.uint == UInt128(3) << 63)
            #expect(v[field: "benchmark"]?[field: "iterations"]?.uint == 7)
            #expect(v[field: "stats"]?[field: "total_reward"]?.uint == 42)
            #expect(try codec.encode(v, type: type) == e.bytes)
        }
        var bad = ScaleEncoder()
        bad.appendByte(5)
        #expect(throws: ScaleError.self) { try codec.decode(type: type, from: bad.bytes + [UInt8](repeating: 0, count: 100)) }
    }

    @Test func encodingRejectsValuesThatDoNotFit() throws {
        let u32 = try #require(metadata.registry.types.first { $0.def == .primitive(.u32) }).id
        #expect(try codec.encode(.unsigned(7), type: u32) == [7, 0, 0, 0])
        #expect(throws: ScaleError.self) { try codec.encode(.unsigned(1 << 32), type: u32) }
        #expect(throws: ScaleError.self) { try codec.encode(.string("x"), type: u32) }
        let type = try #require(metadata.storageEntry(pallet: "PhalaComputation", name: "Sessions")).valueType
        #expect(throws: ScaleError.self) { try codec.encode(.composite([]), type: type) }
    }

    @Test func eventRecordsOfTheRuntimeDecode() throws {
        // System.Events is Vec<EventRecord<RuntimeEvent, H256>>: build one WorkerAdded record by hand.
        let events = try #require(metadata.storageEntry(pallet: "System", name: "Events")).valueType
        let added = try #require(metadata.event(pallet: "PhalaRegistry", name: "WorkerAdded"))
        var e = ScaleEncoder()
        e.encodeCompact(UInt64(1))
        e.appendByte(0); e.encode(UInt32(2))            // Phase::ApplyExtrinsic(2)
        e.appendByte(86); e.appendByte(added.index)      // RuntimeEvent::PhalaRegistry(WorkerAdded{..})
        let fieldTypes = added.fields.map(\.type)
        let zeroFields = try fieldTypes.map { try codec.decode(type: $0, from: zeroEncoding(of: $0)) }
        for (t, v) in zip(fieldTypes, zeroFields) { try codec.encode(v, type: t, to: &e) }
        e.encodeCompact(UInt64(0))                        // topics
        let v = try codec.decode(type: events, from: e.bytes)
        let record = try #require(v.elements.first)
        #expect(record[field: "event"]?.variantName == "PhalaRegistry")
        #expect(record[field: "event"]?.fields.first?.value.variantName == "WorkerAdded")
        #expect(try codec.encode(v, type: events) == e.bytes)
    }

    /// A minimal valid encoding: zeros for numbers, empty for sequences, first variant for enums.
    func zeroEncoding(of id: UInt32) throws -> [UInt8] {
        let t = try metadata.registry.type(id)
        switch t.def {
        case .composite(let fs): return try fs.flatMap { try zeroEncoding(of: $0.type) }
        case .variant(let vs):
            let v = try #require(vs.first)
            return try [v.index] + v.fields.flatMap { try zeroEncoding(of: $0.type) }
        case .sequence, .compact, .bitSequence: return [0]
        case .array(let n, let e): return try (0..<n).flatMap { _ in try zeroEncoding(of: e) }
        case .tuple(let ids): return try ids.flatMap { try zeroEncoding(of: $0) }
        case .primitive(let p): return [UInt8](repeating: 0, count: p.fixedSize ?? 1)
        }
    }
}
