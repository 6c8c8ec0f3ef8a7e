// Dynamic decoding: bytes → ScaleValue for a registry type id.

extension DynamicCodec {
    /// Decodes one value of type `id`, advancing `decoder`.
    public func decode(type id: UInt32, from decoder: inout ScaleDecoder) throws -> ScaleValue {
        try decode(plan: try planIndex(id), from: &decoder)
    }

    /// Decodes one value of type `id` from `bytes`, requiring all bytes consumed.
    public func decode(type id: UInt32, from bytes: [UInt8]) throws -> ScaleValue {
        var d = ScaleDecoder(bytes)
        let v = try decode(type: id, from: &d)
        try d.requireAtEnd()
        return v
    }

    @usableFromInline
    func decode(plan p: Int, from d: inout ScaleDecoder) throws -> ScaleValue {
        guard p >= 0, p < plans.count else {
            throw ScaleError.unknownType(id: p < 0 ? UInt32(truncatingIfNeeded: -(p + 1)) : UInt32.max,
                                         context: "referenced by a type being decoded at offset \(d.offset)")
        }
        switch plans[p] {
        case .composite(let fields):
            return .composite(try decodeFields(fields, &d))
        case .variant(let table, _):
            let at = d.offset
            let index = try d.readByte()
            let v = Int(variantTable[table + Int(index)])
            guard v >= 0 else {
                d.offset = at
                throw ScaleError.unknownVariant(offset: at, index: index, type: typeLabel(p))
            }
            return .variant(name: variantNames[v], index: index, fields: try decodeFields(variantFields[v], &d))
        case .byteSequence:
            let n = try d.decodeCompactLength()
            return .bytes(try d.readBytes(n))
        case .byteArray(let length):
            return .bytes(try d.readBytes(length))
        case .sequence(let element, let minimumSize):
            let n = try d.decodeCompactLength(minimumElementSize: minimumSize)
            return .sequence(try decodeElements(element, n, &d))
        case .array(let length, let element):
            try checkCount(length, element, &d)
            return .array(try decodeElements(element, length, &d))
        case .tuple(let elements):
            if elements.isEmpty { return .tuple([]) }
            return .tuple(try decodeTupleElements(elements, &d))
        case .primitive(let prim):
            return try decodePrimitive(prim, &d)
        case .compact(let bitWidth):
            let at = d.offset
            let v = try d.decodeCompactUInt128()
            guard bitWidth >= 128 || v >> UInt128(bitWidth) == 0 else {
                d.offset = at
                throw ScaleError.invalidValue(offset: at, expected: "compact value fitting in \(bitWidth) bits")
            }
            return .compact(v)
        case .bitSequence:
            return .bitSequence(try BitVec(from: &d))
        case .invalid(let reason):
            throw ScaleError.invalidValue(offset: d.offset, expected: "a decodable type (\(typeLabel(p)): \(invalidReasons[reason]))")
        }
    }

    @inline(__always)
    func enter(_ d: inout ScaleDecoder) throws {
        d.depth += 1
        if d.depth > Self.maxDepth { throw ScaleError.nestingTooDeep(offset: d.offset, limit: Self.maxDepth) }
    }

    func decodeFields(_ fields: Range<Int>, _ d: inout ScaleDecoder) throws -> [ScaleField] {
        if fields.isEmpty { return [] }
        try enter(&d)
        defer { d.depth -= 1 }
        var out: [ScaleField] = []
        out.reserveCapacity(fields.count)
        for i in fields {
            out.append(ScaleField(fieldNames[i], try decode(plan: fieldTypes[i], from: &d)))
        }
        return out
    }

    func decodeElements(_ element: Int, _ count: Int, _ d: inout ScaleDecoder) throws -> [ScaleValue] {
        try enter(&d)
        defer { d.depth -= 1 }
        var out: [ScaleValue] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(try decode(plan: element, from: &d)) }
        return out
    }

    func decodeTupleElements(_ elements: Range<Int>, _ d: inout ScaleDecoder) throws -> [ScaleValue] {
        try enter(&d)
        defer { d.depth -= 1 }
        var out: [ScaleValue] = []
        out.reserveCapacity(elements.count)
        for i in elements { out.append(try decode(plan: fieldTypes[i], from: &d)) }
        return out
    }

    /// A fixed array's length must fit the remaining input before allocating.
    func checkCount(_ length: Int, _ element: Int, _ d: inout ScaleDecoder) throws {
        let size = element >= 0 && element < minimumSizes.count ? minimumSizes[element] : 0
        let (needed, overflow) = length.multipliedReportingOverflow(by: size)
        if overflow || needed > d.remaining || (size == 0 && length > 1 << 20) {
            throw ScaleError.lengthTooLarge(offset: d.offset, claimed: UInt64(length), remaining: d.remaining)
        }
    }

    func decodePrimitive(_ prim: TypePrimitive, _ d: inout ScaleDecoder) throws -> ScaleValue {
        switch prim {
        case .bool: return .bool(try Bool(from: &d))
        case .char:
            let at = d.offset
            let raw = try UInt32(from: &d)
            guard let scalar = Unicode.Scalar(raw) else {
                d.offset = at
                throw ScaleError.invalidValue(offset: at, expected: "char (a Unicode scalar value)")
            }
            return .char(scalar)
        case .str: return .string(try String(from: &d))
        case .u8: return .unsigned(UInt128(try d.readByte()))
        case .u16: return .unsigned(UInt128(try d.readLittleEndian(UInt16.self, byteCount: 2)))
        case .u32: return .unsigned(UInt128(try d.readLittleEndian(UInt32.self, byteCount: 4)))
        case .u64: return .unsigned(UInt128(try d.readLittleEndian(UInt64.self, byteCount: 8)))
        case .u128: return .unsigned(try d.readLittleEndian(UInt128.self, byteCount: 16))
        case .i8: return .signed(Int128(Int8(bitPattern: try d.readByte())))
        case .i16: return .signed(Int128(Int16(bitPattern: try d.readLittleEndian(UInt16.self, byteCount: 2))))
        case .i32: return .signed(Int128(Int32(bitPattern: try d.readLittleEndian(UInt32.self, byteCount: 4))))
        case .i64: return .signed(Int128(Int64(bitPattern: try d.readLittleEndian(UInt64.self, byteCount: 8))))
        case .i128: return .signed(Int128(bitPattern: try d.readLittleEndian(UInt128.self, byteCount: 16)))
        case .u256, .i256: return .wide(try d.readBytes(32))
        }
    }

    func typeLabel(_ p: Int) -> String {
        guard p >= 0, p < registry.types.count else { return "type at \(p)" }
        let t = registry.types[p]
        return t.path.isEmpty ? "type \(t.id)" : t.path.joined(separator: "::") + " (type \(t.id))"
    }
}
