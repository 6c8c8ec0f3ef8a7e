// SCALE coders of the pallet and extrinsic parts of metadata V14 (frame-metadata 15.x).

extension PalletMetadata: ScaleCodable {
    public init(from d: inout ScaleDecoder) throws {
        name = try d.decode(String.self)
        storage = try d.decode(PalletStorage?.self)
        callType = try d.decode(Compact<UInt32>?.self)?.value
        eventType = try d.decode(Compact<UInt32>?.self)?.value
        constants = try d.decode([PalletConstant].self)
        errorType = try d.decode(Compact<UInt32>?.self)?.value
        index = try d.readByte()
    }

    public func encode(to e: inout ScaleEncoder) {
        e.encode(name)
        e.encode(storage)
        e.encode(callType.map { Compact($0) })
        e.encode(eventType.map { Compact($0) })
        e.encode(constants)
        e.encode(errorType.map { Compact($0) })
        e.appendByte(index)
    }

    public static var scaleMinimumSize: Int { 6 }
}

extension PalletStorage: ScaleCodable {
    public init(from d: inout ScaleDecoder) throws {
        prefix = try d.decode(String.self)
        entries = try d.decode([StorageEntry].self)
    }

    public func encode(to e: inout ScaleEncoder) {
        e.encode(prefix)
        e.encode(entries)
    }

    public static var scaleMinimumSize: Int { 2 }
}

extension StorageEntry: ScaleCodable {
    public init(from d: inout ScaleDecoder) throws {
        name = try d.decode(String.self)
        modifier = try d.decode(StorageEntryModifier.self)
        type = try d.decode(StorageEntryType.self)
        defaultBytes = try d.decode([UInt8].self)
        docs = try d.decode([String].self)
    }

    public func encode(to e: inout ScaleEncoder) {
        e.encode(name)
        e.encode(modifier)
        e.encode(type)
        e.encode(defaultBytes)
        e.encode(docs)
    }

    public static var scaleMinimumSize: Int { 6 }
}

extension StorageEntryType: ScaleEnum {
    public var variantIndex: UInt8 {
        switch self {
        case .plain: return 0
        case .map: return 1
        }
    }

    public func encodeFields(to e: inout ScaleEncoder) {
        switch self {
        case .plain(let v): encodeTypeId(v, &e)
        case .map(let hashers, let key, let value):
            e.encode(hashers)
            encodeTypeId(key, &e)
            encodeTypeId(value, &e)
        }
    }

    public static func decodeVariant(_ index: UInt8, from d: inout ScaleDecoder) throws -> StorageEntryType? {
        switch index {
        case 0: return .plain(try decodeTypeId(&d))
        case 1: return .map(hashers: try d.decode([StorageHasherKind].self), key: try decodeTypeId(&d),
                            value: try decodeTypeId(&d))
        default: return nil
        }
    }
}

extension PalletConstant: ScaleCodable {
    public init(from d: inout ScaleDecoder) throws {
        name = try d.decode(String.self)
        type = try decodeTypeId(&d)
        value = try d.decode([UInt8].self)
        docs = try d.decode([String].self)
    }

    public func encode(to e: inout ScaleEncoder) {
        e.encode(name)
        encodeTypeId(type, &e)
        e.encode(value)
        e.encode(docs)
    }

    public static var scaleMinimumSize: Int { 4 }
}

extension ExtrinsicMetadata: ScaleCodable {
    public init(from d: inout ScaleDecoder) throws {
        type = try decodeTypeId(&d)
        version = try d.readByte()
        signedExtensions = try d.decode([SignedExtensionMetadata].self)
    }

    public func encode(to e: inout ScaleEncoder) {
        encodeTypeId(type, &e)
        e.appendByte(version)
        e.encode(signedExtensions)
    }
}

extension SignedExtensionMetadata: ScaleCodable {
    public init(from d: inout ScaleDecoder) throws {
        identifier = try d.decode(String.self)
        type = try decodeTypeId(&d)
        additionalSigned = try decodeTypeId(&d)
    }

    public func encode(to e: inout ScaleEncoder) {
        e.encode(identifier)
        encodeTypeId(type, &e)
        encodeTypeId(additionalSigned, &e)
    }

    public static var scaleMinimumSize: Int { 3 }
}
