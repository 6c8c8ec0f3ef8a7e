import Testing
import TestSupport
@testable import Scale

/// Random values of every TypeDef kind round-trip through DynamicCodec, on a
/// hand-built registry that covers what Khala's metadata lacks (char, i-types,
/// u256, bit sequences, compact, nested enums).
@Suite struct DynamicPropertyTests {
    static let primitives: [TypePrimitive] = TypePrimitive.allCases
    // Ids 0..<15: primitives in TypePrimitive order; then composite shapes.
    static let registry: PortableRegistry = {
        var types = primitives.enumerated().map { i, p in
            PortableType(id: UInt32(i), path: [], params: [], def: .primitive(p), docs: [])
        }
        func add(_ path: [String], _ def: TypeDef) {
            types.append(PortableType(id: UInt32(types.count), path: path, params: [], def: def, docs: []))
        }
        add([], .sequence(3))                                            // 15 Vec<u8>
        add([], .array(length: 32, element: 3))                          // 16 [u8; 32]
        add([], .sequence(11))                                           // 17 Vec<i32>
        add([], .array(length: 3, element: 13))                          // 18 [i128; 3]
        add([], .tuple([0, 1, 2, 8]))                                    // 19 (bool, char, str, u256)
        add([], .compact(7))                                             // 20 Compact<u128>
        add([], .bitSequence(store: 3, order: 22))                       // 21 BitVec<u8, Lsb0>
        add(["bitvec", "order", "Lsb0"], .composite([]))                 // 22 Lsb0
        add(["Option"], .variant([TypeVariant(name: "None", fields: [], index: 0, docs: []),
                                  TypeVariant(name: "Some", fields: [TypeField(name: nil, type: 24, typeName: nil, docs: [])], index: 1, docs: [])]))  // 23
        add(["Record"], .composite([                                     // 24
            TypeField(name: "key", type: 16, typeName: nil, docs: []), TypeField(name: "blob", type: 15, typeName: nil, docs: []),
            TypeField(name: "deltas", type: 17, typeName: nil, docs: []), TypeField(name: "wide", type: 18, typeName: nil, docs: []),
            TypeField(name: "misc", type: 19, typeName: nil, docs: []), TypeField(name: "amount", type: 20, typeName: nil, docs: []),
            TypeField(name: "bits", type: 21, typeName: nil, docs: []), TypeField(name: "small", type: 9, typeName: nil, docs: []),
            TypeField(name: "mid", type: 12, typeName: nil, docs: []), TypeField(name: "u16", type: 4, typeName: nil, docs: []),
        ]))
        add(["Event"], .variant([                                        // 25, sparse indices, recursive via Vec<Event>
            TypeVariant(name: "Nested", fields: [TypeField(name: nil, type: 26, typeName: nil, docs: [])], index: 9, docs: []),
            TypeVariant(name: "Maybe", fields: [TypeField(name: "record", type: 23, typeName: nil, docs: [])], index: 200, docs: []),
            TypeVariant(name: "Empty", fields: [], index: 0, docs: []),
        ]))
        add([], .sequence(25))                                           // 26 Vec<Event>
        add(["Perbill"], .composite([TypeField(name: nil, type: 5, typeName: nil, docs: [])]))  // 27 Perbill(u32)
        add([], .compact(27))                                            // 28 Compact<Perbill>
        return PortableRegistry(types: types)
    }()

    func randomRecord(_ rng: inout SeededGenerator) -> ScaleValue {
        func f(_ n: String, _ v: ScaleValue) -> ScaleField { ScaleField(n, v) }
        let chars: [Unicode.Scalar] = ["a", "é", "中", "🙂", "\u{0}"]
        return .composite([
            f("key", .bytes(rng.bytes(32))), f("blob", .bytes(rng.bytes(Int.random(in: 0..<80, using: &rng)))),
            f("deltas", .sequence((0..<Int.random(in: 0..<5, using: &rng)).map { _ in .signed(Int128(Int32.random(in: .min ... .max, using: &rng))) })),
            f("wide", .array((0..<3).map { _ in .signed(Int128(bitPattern: rng.uint128())) })),
            f("misc", .tuple([.bool(Bool.random(using: &rng)), .char(chars[Int.random(in: 0..<chars.count, using: &rng)]),
                              .string(rng.string()), .wide(rng.bytes(32))])),
            f("amount", .compact(rng.uint128())),
            f("bits", .bitSequence(BitVec((0..<Int.random(in: 0..<40, using: &rng)).map { _ in Bool.random(using: &rng) }))),
            f("small", .signed(Int128(Int8.random(in: .min ... .max, using: &rng)))),
            f("mid", .signed(Int128(Int64.random(in: .min ... .max, using: &rng)))),
            f("u16", .unsigned(UInt128(UInt16.random(in: 0 ... .max, using: &rng)))),
        ])
    }

    func randomEvent(_ rng: inout SeededGenerator, depth: Int) -> ScaleValue {
        switch Int.random(in: 0..<(depth > 2 ? 2 : 3), using: &rng) {
        case 0: return .variant(name: "Empty", index: 0, fields: [])
        case 1:
            let maybe: ScaleValue = Bool.random(using: &rng) ? .variant(name: "None", index: 0, fields: [])
                : .variant(name: "Some", index: 1, fields: [ScaleField(nil, randomRecord(&rng))])
            return .variant(name: "Maybe", index: 200, fields: [ScaleField("record", maybe)])
        default:
            let inner = (0..<Int.random(in: 0..<3, using: &rng)).map { _ in randomEvent(&rng, depth: depth + 1) }
            return .variant(name: "Nested", index: 9, fields: [ScaleField(nil, .sequence(inner))])
        }
    }

    @Test func randomValuesOfEveryKindRoundTrip() throws {
        let codec = DynamicCodec(registry: Self.registry)
        var rng = SeededGenerator(seed: 30)
        for _ in 0..<300 {
            let value = randomEvent(&rng, depth: 0)
            let bytes = try codec.encode(value, type: 25)
            #expect(try codec.decode(type: 25, from: bytes) == value)
            if bytes.count > 1 {
                #expect(throws: ScaleError.self) { try codec.decode(type: 25, from: Array(bytes.dropLast())) }
            }
        }
        for (i, p) in Self.primitives.enumerated() where p != .str {
            let size = try #require(p.fixedSize)
            let raw = rng.bytes(size)
            do {
                let v = try codec.decode(type: UInt32(i), from: raw)
                #expect(try codec.encode(v, type: UInt32(i)) == raw, "\(p)")
            } catch let error as ScaleError {
                // Only bool and char have invalid bit patterns.
                #expect(p == .bool || p == .char, "\(p): \(error)")
            }
        }
    }

    @Test func signedRangesAreChecked() throws {
        let codec = DynamicCodec(registry: Self.registry)
        #expect(try codec.encode(.signed(-128), type: 9) == [0x80])
        #expect(throws: ScaleError.self) { try codec.encode(.signed(128), type: 9) }
        #expect(throws: ScaleError.self) { try codec.encode(.signed(-32769), type: 10) }
        #expect(throws: ScaleError.self) { try codec.encode(.variant(name: "Empty", index: 1, fields: []), type: 25) }
        #expect(throws: ScaleError.self) { try codec.encode(.bytes([1, 2]), type: 16) }
        #expect(throws: ScaleError.invalidValue(offset: 0, expected: "char (a Unicode scalar value)")) {
            try codec.decode(type: 1, from: [0x00, 0xd8, 0, 0])   // U+D800, a surrogate
        }
        #expect(Self.registry.typeName(19) == "(bool, char, str, u256)")
        // Compact<Perbill> holds a u32: larger values are rejected both ways.
        #expect(try codec.decode(type: 28, from: [0x03, 0xff, 0xff, 0xff, 0xff]) == .compact(UInt128(UInt32.max)))
        #expect(throws: ScaleError.invalidValue(offset: 0, expected: "compact value fitting in 32 bits")) {
            try codec.decode(type: 28, from: [0x07, 0, 0, 0, 0, 1])
        }
        #expect(throws: ScaleError.self) { try codec.encode(.compact(1 << 32), type: 28) }
        #expect(Self.registry.shape(25) == "9 Nested(Vec<Event>) | 200 Maybe{record: Option} | 0 Empty")
        #expect(Self.registry.shape(24).hasPrefix("{key: [u8; 32], blob: Vec<u8>, deltas: Vec<i32>, wide: [i128; 3]"))
    }
}

@Suite struct ScaleValueDescriptionTests {
    @Test func rendersReadably() {
        let v: ScaleValue = .composite([
            ScaleField("pubkey", .bytes([0xab, 0xcd])),
            ScaleField("operator", .variant(name: "Some", index: 1, fields: [ScaleField(nil, .bytes([1]))])),
            ScaleField("provider", .variant(name: "None", index: 0, fields: [])),
            ScaleField("features", .sequence([.unsigned(4), .unsigned(1)])),
            ScaleField("pair", .tuple([.signed(-1), .string("x"), .bool(true), .char("é")])),
        ])
        #expect(v.description == "{pubkey: 0xabcd, operator: Some(0x01), provider: None, features: [4, 1], pair: (-1, \"x\", true, 'é')}")
        #expect(ScaleValue.bytes([UInt8](repeating: 0, count: 40)).render(maxBytes: 2) == "0x0000…(40 bytes)")
    }
}
