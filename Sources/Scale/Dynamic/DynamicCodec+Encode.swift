// Dynamic encoding: ScaleValue → bytes for a registry type id. A value that
// does not fit the type throws `ScaleError.typeMismatch` (nothing traps).

extension DynamicCodec {
    /// The encoding of `value` as type `id`.
    public func encode(_ value: ScaleValue, type id: UInt32) throws -> [UInt8] {
        var e = ScaleEncoder()
        try encode(value, type: id, to: &e)
        return e.bytes
    }

    public func encode(_ value: ScaleValue, type id: UInt32, to e: inout ScaleEncoder) throws {
        try encode(value, plan: try planIndex(id), to: &e, depth: 0)
    }

    func encode(_ value: ScaleValue, plan p: Int, to e: inout ScaleEncoder, depth: Int) throws {
        guard p >= 0, p < plans.count else {
            throw ScaleError.unknownType(id: p < 0 ? UInt32(truncatingIfNeeded: -(p + 1)) : UInt32.max,
                                         context: "referenced by a type being encoded")
        }
        guard depth <= Self.maxDepth else { throw ScaleError.nestingTooDeep(offset: e.bytes.count, limit: Self.maxDepth) }
        let id = registry.types[p].id
        func mismatch(_ expected: String) -> ScaleError {
            .typeMismatch(typeId: id, expected: expected, found: value.kind)
        }
        switch (plans[p], value) {
        case (.composite(let range), .composite(let fields)):
            guard fields.count == range.count else { throw mismatch("composite of \(range.count) fields") }
            for (i, f) in zip(range, fields) { try encode(f.value, plan: fieldTypes[i], to: &e, depth: depth + 1) }
        case (.variant(let table, _), .variant(let name, let index, let fields)):
            let v = Int(variantTable[table + Int(index)])
            guard v >= 0, variantNames[v] == name else { throw mismatch("a variant of \(typeLabel(p))") }
            let range = variantFields[v]
            guard fields.count == range.count else { throw mismatch("variant \(name) with \(range.count) fields") }
            e.appendByte(index)
            for (i, f) in zip(range, fields) { try encode(f.value, plan: fieldTypes[i], to: &e, depth: depth + 1) }
        case (.byteSequence, .bytes(let b)):
            e.encodeCompact(UInt64(b.count))
            e.append(b)
        case (.byteArray(let length), .bytes(let b)):
            guard b.count == length else { throw mismatch("\(length) bytes, found \(b.count)") }
            e.append(b)
        case (.sequence(let element, _), .sequence(let vs)):
            e.encodeCompact(UInt64(vs.count))
            for v in vs { try encode(v, plan: element, to: &e, depth: depth + 1) }
        case (.array(let length, let element), .array(let vs)):
            guard vs.count == length else { throw mismatch("array of \(length), found \(vs.count)") }
            for v in vs { try encode(v, plan: element, to: &e, depth: depth + 1) }
        case (.tuple(let range), .tuple(let vs)):
            guard vs.count == range.count else { throw mismatch("tuple of \(range.count)") }
            for (i, v) in zip(range, vs) { try encode(v, plan: fieldTypes[i], to: &e, depth: depth + 1) }
        case (.primitive(let prim), _):
            try encodePrimitive(prim, value, &e, mismatch)
        case (.compact(let bitWidth), .compact(let v)):
            guard bitWidth >= 128 || v >> UInt128(bitWidth) == 0 else { throw mismatch("compact of \(bitWidth) bits") }
            e.encodeCompact(v)
        case (.bitSequence, .bitSequence(let bits)):
            bits.encode(to: &e)
        default:
            throw mismatch(planKind(plans[p]))
        }
    }

    private func encodePrimitive(_ prim: TypePrimitive, _ value: ScaleValue, _ e: inout ScaleEncoder,
                                 _ mismatch: (String) -> ScaleError) throws {
        switch (prim, value) {
        case (.bool, .bool(let b)): e.appendByte(b ? 1 : 0)
        case (.char, .char(let c)): e.encode(c.value)
        case (.str, .string(let s)): e.encode(s)
        case (.u256, .wide(let b)), (.i256, .wide(let b)):
            guard b.count == 32 else { throw mismatch("32 bytes of \(prim)") }
            e.append(b)
        case (_, .unsigned(let v)):
            guard let size = prim.fixedSize, [.u8, .u16, .u32, .u64, .u128].contains(prim),
                  size == 16 || v >> UInt128(size * 8) == 0 else { throw mismatch("\(prim)") }
            e.appendLittleEndian(v, byteCount: size)
        case (_, .signed(let v)):
            guard let size = prim.fixedSize, [.i8, .i16, .i32, .i64, .i128].contains(prim) else { throw mismatch("\(prim)") }
            if size < 16 {
                let limit = Int128(1) << Int128(size * 8 - 1)
                guard v >= -limit, v < limit else { throw mismatch("\(prim) in range") }
            }
            e.appendLittleEndian(v, byteCount: size)
        default:
            throw mismatch("\(prim)")
        }
    }

    private func planKind(_ plan: Plan) -> String {
        switch plan {
        case .composite: return "composite"
        case .variant: return "variant"
        case .sequence: return "sequence"
        case .byteSequence, .byteArray: return "bytes"
        case .array: return "array"
        case .tuple: return "tuple"
        case .primitive(let p): return "\(p)"
        case .compact: return "compact"
        case .bitSequence: return "bit sequence"
        case .invalid(let reason): return "an encodable type (\(invalidReasons[reason]))"
        }
    }
}
