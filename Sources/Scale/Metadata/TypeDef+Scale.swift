// SCALE coders of the portable registry types (scale-info 2.x, metadata V14).

/// A type id: `Compact<u32>` in the portable registry.
@inline(__always) func decodeTypeId(_ d: inout ScaleDecoder) throws -> UInt32 { try d.decodeCompactUInt32() }
@inline(__always) func encodeTypeId(_ id: UInt32, _ e: inout ScaleEncoder) { e.encodeCompact(UInt64(id)) }

extension PortableType: ScaleCodable {
    public init(from d: inout ScaleDecoder) throws {
        id = try decodeTypeId(&d)
        path = try d.decode([String].self)
        params = try d.decode([TypeParameter].self)
        def = try d.decode(TypeDef.self)
        docs = try d.decode([String].self)
    }

    public func encode(to e: inout ScaleEncoder) {
        encodeTypeId(id, &e)
        e.encode(path)
        e.encode(params)
        e.encode(def)
        e.encode(docs)
    }

    public static var scaleMinimumSize: Int { 5 }
}

extension TypeParameter: ScaleCodable {
    public init(from d: inout ScaleDecoder) throws {
        name = try d.decode(String.self)
        type = try d.decode(Compact<UInt32>?.self)?.value
    }

    public func encode(to e: inout ScaleEncoder) {
        e.encode(name)
        e.encode(type.map { Compact($0) })
    }

    public static var scaleMinimumSize: Int { 2 }
}

extension TypeField: ScaleCodable {
    public init(from d: inout ScaleDecoder) throws {
        name = try d.decode(String?.self)
        type = try decodeTypeId(&d)
        typeName = try d.decode(String?.self)
        docs = try d.decode([String].self)
    }

    public func encode(to e: inout ScaleEncoder) {
        e.encode(name)
        encodeTypeId(type, &e)
        e.encode(typeName)
        e.encode(docs)
    }

    public static var scaleMinimumSize: Int { 4 }
}

extension TypeVariant: ScaleCodable {
    public init(from d: inout ScaleDecoder) throws {
        name = try d.decode(String.self)
        fields = try d.decode([TypeField].self)
        index = try d.readByte()
        docs = try d.decode([String].self)
    }

    public func encode(to e: inout ScaleEncoder) {
        e.encode(name)
        e.encode(fields)
        e.appendByte(index)
        e.encode(docs)
    }

    public static var scaleMinimumSize: Int { 4 }
}

extension TypeDef: ScaleEnum {
    public var variantIndex: UInt8 {
        switch self {
        case .composite: return 0
        case .variant: return 1
        case .sequence: return 2
        case .array: return 3
        case .tuple: return 4
        case .primitive: return 5
        case .compact: return 6
        case .bitSequence: return 7
        }
    }

    public func encodeFields(to e: inout ScaleEncoder) {
        switch self {
        case .composite(let fields): e.encode(fields)
        case .variant(let variants): e.encode(variants)
        case .sequence(let t): encodeTypeId(t, &e)
        case .array(let length, let element):
            e.encode(length)
            encodeTypeId(element, &e)
        case .tuple(let ids):
            e.encodeCompact(UInt64(ids.count))
            for id in ids { encodeTypeId(id, &e) }
        case .primitive(let p): e.encode(p)
        case .compact(let t): encodeTypeId(t, &e)
        case .bitSequence(let store, let order):
            encodeTypeId(store, &e)
            encodeTypeId(order, &e)
        }
    }

    public static func decodeVariant(_ index: UInt8, from d: inout ScaleDecoder) throws -> TypeDef? {
        switch index {
        case 0: return .composite(try d.decode([TypeField].self))
        case 1: return .variant(try d.decode([TypeVariant].self))
        case 2: return .sequence(try decodeTypeId(&d))
        case 3: return .array(length: try d.decode(UInt32.self), element: try decodeTypeId(&d))
        case 4:
            let n = try d.decodeCompactLength()
            var ids: [UInt32] = []
            ids.reserveCapacity(n)
            for _ in 0..<n { ids.append(try decodeTypeId(&d)) }
            return .tuple(ids)
        case 5: return .primitive(try d.decode(TypePrimitive.self))
        case 6: return .compact(try decodeTypeId(&d))
        case 7: return .bitSequence(store: try decodeTypeId(&d), order: try decodeTypeId(&d))
        default: return nil
        }
    }

    public static var scaleTypeName: String { "TypeDef" }
}
