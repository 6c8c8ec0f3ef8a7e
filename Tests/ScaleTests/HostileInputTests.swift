import Testing
import TestSupport
@testable import Scale

/// Random, mutated and truncated input never crashes a decoder: it decodes
/// or throws a typed `ScaleError`.
@Suite struct HostileInputTests {
    /// Runs `body`; any error other than `ScaleError` is a failure.
    func typed(_ what: String, _ body: () throws -> Void) {
        do { try body() } catch is ScaleError {} catch {
            Issue.record("\(what): untyped error \(error)")
        }
    }

    @Test func randomBytesIntoTypedDecoders() {
        var rng = SeededGenerator(seed: 10)
        for _ in 0..<500 {
            let bytes = rng.bytes(Int.random(in: 0..<64, using: &rng))
            typed("String") { _ = try scaleDecode(String.self, from: bytes) }
            typed("[UInt64]") { _ = try scaleDecode([UInt64].self, from: bytes) }
            typed("[[UInt8]]") { _ = try scaleDecode([[UInt8]].self, from: bytes) }
            typed("Option<bool>") { _ = try scaleDecode([Bool?].self, from: bytes) }
            typed("Compact") { _ = try scaleDecode(Compact<UInt128>.self, from: bytes) }
            typed("Result") { _ = try scaleDecode(Result<UInt32, TestError>.self, from: bytes) }
            typed("map") { _ = try scaleDecode([UInt16: [UInt8]].self, from: bytes) }
            typed("BitVec") { _ = try scaleDecode(BitVec.self, from: bytes) }
            typed("enum") { _ = try scaleDecode(TestEvent.self, from: bytes) }
            typed("TypeDef") { _ = try scaleDecode(TypeDef.self, from: bytes) }
            typed("metadata") { _ = try scaleDecode(RuntimeMetadataV14.self, from: [0x6d, 0x65, 0x74, 0x61, 14] + bytes) }
        }
    }

    @Test func hugeLengthClaimsFailFast() {
        // Compact claims of 2^30-1 (4-byte mode) and 2^64-1 (big-integer mode).
        for prefix: [UInt8] in [[0xfe, 0xff, 0xff, 0xff], [0x13] + [UInt8](repeating: 0xff, count: 8)] {
            let input = prefix + [1, 2, 3]
            #expect(throws: ScaleError.self) { try scaleDecode([UInt8].self, from: input) }
            #expect(throws: ScaleError.self) { try scaleDecode([String].self, from: input) }
            #expect(throws: ScaleError.self) { try scaleDecode(BitVec.self, from: input) }
            #expect(throws: ScaleError.self) { try scaleDecode([UInt32: UInt32].self, from: input) }
            #expect(throws: ScaleError.self) { try scaleDecode(PortableRegistry.self, from: input) }
        }
        // Zero-size elements are capped instead of allocated.
        #expect(throws: ScaleError.self) { try scaleDecode([ScaleUnit].self, from: [0xfe, 0xff, 0xff, 0xff]) }
        // A big-integer compact wider than 16 bytes.
        #expect(throws: ScaleError.invalidValue(offset: 0, expected: "compact big-integer of at most 16 bytes, found 17")) {
            try scaleDecode(Compact<UInt128>.self, from: [0x37] + [UInt8](repeating: 0xff, count: 17))
        }
    }

    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func mutatedAndTruncatedMetadata() throws {
        let raw = try Fixtures.bytes("khala_metadata_spec1251.scale")
        var rng = SeededGenerator(seed: 11)
        for round in 0..<40 {
            var copy = raw
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                copy[Int.random(in: 5..<copy.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            if round % 3 == 0 { copy.removeLast(Int.random(in: 1..<copy.count, using: &rng)) }
            typed("mutated metadata \(round)") {
                let m = try RuntimeMetadataV14(bytes: copy)
                // A decodable but corrupted registry must still not crash the dynamic codec.
                let codec = DynamicCodec(registry: m.registry)
                for t in m.registry.types.prefix(150) {
                    typed("dynamic \(t.id)") { _ = try codec.decode(type: t.id, from: rng.bytes(48)) }
                }
            }
        }
        // Truncation at every 3989th offset must fail with a truncation/length error.
        for cut in stride(from: 5, to: raw.count, by: 3989) {
            #expect(throws: ScaleError.self) { try RuntimeMetadataV14(bytes: Array(raw.prefix(cut))) }
        }
    }

    /// Rewires type references at random (some dangling, some cyclic): the
    /// dynamic codec must still only decode or throw.
    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func rewiredRegistryNeverCrashesDynamicDecoding() throws {
        let m = try RuntimeMetadataV14(bytes: Fixtures.bytes("khala_metadata_spec1251.scale"))
        var rng = SeededGenerator(seed: 13)
        for _ in 0..<10 {
            var types = m.registry.types
            func randomId() -> UInt32 { UInt32.random(in: 0..<UInt32(types.count + 50), using: &rng) }
            for _ in 0..<60 {
                let i = Int.random(in: 0..<types.count, using: &rng)
                switch types[i].def {
                case .composite(var fs) where !fs.isEmpty:
                    fs[Int.random(in: 0..<fs.count, using: &rng)].type = randomId()
                    types[i].def = .composite(fs)
                case .sequence: types[i].def = .sequence(randomId())
                case .array(let n, _): types[i].def = .array(length: n, element: randomId())
                case .tuple(let ids): types[i].def = .tuple(ids.map { _ in randomId() })
                case .compact: types[i].def = .compact(randomId())
                default: types[i].def = .bitSequence(store: randomId(), order: randomId())
                }
            }
            let codec = DynamicCodec(registry: PortableRegistry(types: types))
            for t in types {
                typed("rewired \(t.id)") {
                    let v = try codec.decode(type: t.id, from: rng.bytes(64))
                    _ = try codec.encode(v, type: t.id)
                }
            }
        }
    }

    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func randomBytesIntoEveryRegistryType() throws {
        let m = try RuntimeMetadataV14(bytes: Fixtures.bytes("khala_metadata_spec1251.scale"))
        let codec = DynamicCodec(registry: m.registry)
        var rng = SeededGenerator(seed: 12)
        for t in m.registry.types {
            for _ in 0..<4 {
                let bytes = rng.bytes(Int.random(in: 0..<96, using: &rng))
                typed("type \(t.id)") {
                    let v = try codec.decode(type: t.id, from: bytes)
                    // Whatever decodes must re-encode to the same bytes (canonical input only).
                    let again = try codec.encode(v, type: t.id)
                    #expect(try codec.decode(type: t.id, from: again) == v)
                }
            }
        }
        #expect(throws: ScaleError.unknownType(id: 999_999, context: "not in the registry")) {
            try codec.decode(type: 999_999, from: [])
        }
    }

    @Test func recursionBombIsStopped() throws {
        // Type 0 is a composite whose only field is itself: infinite nesting with no input.
        let registry = PortableRegistry(types: [
            PortableType(id: 0, path: ["Loop"], params: [], def: .composite([TypeField(name: nil, type: 0, typeName: nil, docs: [])]), docs: []),
            PortableType(id: 1, path: [], params: [], def: .sequence(1), docs: []),
            PortableType(id: 2, path: [], params: [], def: .array(length: UInt32.max, element: 3), docs: []),
            PortableType(id: 3, path: [], params: [], def: .tuple([]), docs: []),
        ])
        let codec = DynamicCodec(registry: registry)
        #expect(throws: ScaleError.nestingTooDeep(offset: 0, limit: DynamicCodec.maxDepth)) {
            try codec.decode(type: 0, from: [])
        }
        #expect(throws: ScaleError.self) { try codec.decode(type: 1, from: [UInt8](repeating: 4, count: 400)) }
        #expect(throws: ScaleError.self) { try codec.decode(type: 2, from: []) }
        // A field pointing at a type the registry lacks names that id.
        let dangling = DynamicCodec(registry: PortableRegistry(types: [
            PortableType(id: 0, path: [], params: [], def: .tuple([77]), docs: []),
        ]))
        #expect(throws: ScaleError.unknownType(id: 77, context: "referenced by a type being decoded at offset 0")) {
            try dangling.decode(type: 0, from: [1])
        }
        #expect(throws: ScaleError.unknownType(id: 77, context: "referenced by a type being encoded")) {
            try dangling.encode(.tuple([.unsigned(1)]), type: 0)
        }
    }
}
