/// One type of the portable type registry of runtime metadata V14
/// (scale-info `Type`): its path, generic parameters, shape and docs.
///
/// Storage values and events are described by ids into this registry
/// (PROTOCOL.md §1); decoding them dynamically walks these definitions.
public struct PortableType: Sendable, Hashable {
    public var id: UInt32
    /// Rust path segments, e.g. `["phala_types", "WorkerInfoV2"]`; empty for anonymous types.
    public var path: [String]
    public var params: [TypeParameter]
    public var def: TypeDef
    public var docs: [String]

    public init(id: UInt32, path: [String], params: [TypeParameter], def: TypeDef, docs: [String]) {
        self.id = id; self.path = path; self.params = params; self.def = def; self.docs = docs
    }
}

/// A generic parameter of a registry type: its name and (if concrete) type id.
public struct TypeParameter: Sendable, Hashable {
    public var name: String
    public var type: UInt32?
    public init(name: String, type: UInt32?) { self.name = name; self.type = type }
}

/// The shape of a registry type (scale-info `TypeDef`, variant indices 0...7).
public enum TypeDef: Sendable, Hashable {
    case composite([TypeField])
    case variant([TypeVariant])
    case sequence(UInt32)
    case array(length: UInt32, element: UInt32)
    case tuple([UInt32])
    case primitive(TypePrimitive)
    case compact(UInt32)
    case bitSequence(store: UInt32, order: UInt32)
}

/// A field of a composite or variant: optional name, type id, Rust type name, docs.
public struct TypeField: Sendable, Hashable {
    public var name: String?
    public var type: UInt32
    public var typeName: String?
    public var docs: [String]
    public init(name: String?, type: UInt32, typeName: String?, docs: [String]) {
        self.name = name; self.type = type; self.typeName = typeName; self.docs = docs
    }
}

/// A variant of an enum type: name, fields and its explicit index byte.
public struct TypeVariant: Sendable, Hashable {
    public var name: String
    public var fields: [TypeField]
    public var index: UInt8
    public var docs: [String]
    public init(name: String, fields: [TypeField], index: UInt8, docs: [String]) {
        self.name = name; self.fields = fields; self.index = index; self.docs = docs
    }
}

/// Primitive types of scale-info, with their index bytes.
public enum TypePrimitive: UInt8, Sendable, Hashable, CaseIterable, ScaleEnum {
    case bool = 0, char, str, u8, u16, u32, u64, u128, u256, i8, i16, i32, i64, i128, i256

    /// Encoded size in bytes, or nil for `str` (length-prefixed).
    public var fixedSize: Int? {
        switch self {
        case .bool, .u8, .i8: return 1
        case .u16, .i16: return 2
        case .char, .u32, .i32: return 4
        case .u64, .i64: return 8
        case .u128, .i128: return 16
        case .u256, .i256: return 32
        case .str: return nil
        }
    }
}
