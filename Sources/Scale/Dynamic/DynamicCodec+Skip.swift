// Dynamic skipping: advance past one value of a registry type without building it.

extension DynamicCodec {
    /// Advances `decoder` past one value of type `id`, checking it exactly as
    /// `decode(type:from:)` does (variant indices, compact widths, lengths,
    /// `bool`/`char`/`str` validity, nesting depth) but building no
    /// `ScaleValue` (issue 6: the engine skips the event records and
    /// extrinsic parts it does not read). Succeeds exactly when `decode`
    /// would, ending at the same offset; on failure the offset is unspecified
    /// (callers that need the error decode again from the start).
    public func skip(type id: UInt32, from decoder: inout ScaleDecoder) throws {
        try skip(plan: try planIndex(id), from: &decoder)
    }

    func skip(plan p: Int, from d: inout ScaleDecoder) throws {
        guard p >= 0, p < plans.count else {
            throw ScaleError.unknownType(id: p < 0 ? UInt32(truncatingIfNeeded: -(p + 1)) : UInt32.max,
                                         context: "referenced by a type being skipped at offset \(d.offset)")
        }
        switch plans[p] {
        case .composite(let fields):
            try skipFields(fields, &d)
        case .variant(let table, _):
            let at = d.offset
            let index = try d.readByte()
            let v = Int(variantTable[table + Int(index)])
            guard v >= 0 else {
                d.offset = at
                throw ScaleError.unknownVariant(offset: at, index: index, type: typeLabel(p))
            }
            try skipFields(variantFields[v], &d)
        case .byteSequence:
            let n = try d.decodeCompactLength()
            try d.skip(n)
        case .byteArray(let length):
            try d.skip(length)
        case .sequence(let element, let minimumSize):
            let n = try d.decodeCompactLength(minimumElementSize: minimumSize)
            try skipElements(element, n, &d)
        case .array(let length, let element):
            try checkCount(length, element, &d)
            try skipElements(element, length, &d)
        case .tuple(let elements):
            if elements.isEmpty { return }
            try enter(&d)
            defer { d.depth -= 1 }
            for i in elements { try skip(plan: fieldTypes[i], from: &d) }
        case .primitive(let prim):
            switch prim {
            case .u8, .i8: try d.skip(1)
            case .u16, .i16: try d.skip(2)
            case .u32, .i32: try d.skip(4)
            case .u64, .i64: try d.skip(8)
            case .u128, .i128: try d.skip(16)
            case .u256, .i256: try d.skip(32)
            case .bool, .char, .str: _ = try decodePrimitive(prim, &d)  // validated as decode does
            }
        case .compact, .bitSequence, .invalid:
            _ = try decode(plan: p, from: &d)  // no payload worth avoiding; same checks
        }
    }

    private func skipFields(_ fields: Range<Int>, _ d: inout ScaleDecoder) throws {
        if fields.isEmpty { return }
        try enter(&d)
        defer { d.depth -= 1 }
        for i in fields { try skip(plan: fieldTypes[i], from: &d) }
    }

    private func skipElements(_ element: Int, _ count: Int, _ d: inout ScaleDecoder) throws {
        try enter(&d)
        defer { d.depth -= 1 }
        for _ in 0..<count { try skip(plan: element, from: &d) }
    }
}
