/// A SCALE value decoded without a Swift type, by walking a registry type id:
/// the tree khalatop reads storage and events into when no typed decoder
/// exists (PROTOCOL.md §1 lists the types; §1.6 why the shape may drift).
///
/// Sequences and arrays of `u8` are held as `.bytes` (one buffer, not a
/// value per byte) because keys, hashes and account ids are everywhere.
public enum ScaleValue: Sendable, Hashable {
    /// A struct: fields in declaration order, named or unnamed (tuple struct).
    case composite([ScaleField])
    /// An enum value: the variant's name, its index byte and its fields.
    case variant(name: String, index: UInt8, fields: [ScaleField])
    /// `Vec<T>` (non-u8 elements).
    case sequence([ScaleValue])
    /// `[T; N]` (non-u8 elements).
    case array([ScaleValue])
    case tuple([ScaleValue])
    /// `Vec<u8>` or `[u8; N]`.
    case bytes([UInt8])
    case bool(Bool)
    case char(Unicode.Scalar)
    case string(String)
    /// u8, u16, u32, u64 or u128 (the registry says which).
    case unsigned(UInt128)
    /// i8, i16, i32, i64 or i128.
    case signed(Int128)
    /// u256 or i256: the 32 little-endian bytes as they were encoded.
    case wide([UInt8])
    /// `Compact<T>` of an unsigned integer (or a single-field wrapper of one).
    case compact(UInt128)
    case bitSequence(BitVec)
}

/// A field of a composite or variant value.
public struct ScaleField: Sendable, Hashable {
    public var name: String?
    public var value: ScaleValue
    public init(_ name: String?, _ value: ScaleValue) { self.name = name; self.value = value }
}

extension ScaleValue {
    /// The fields of a composite or variant (empty otherwise).
    public var fields: [ScaleField] {
        switch self {
        case .composite(let fs), .variant(_, _, let fs): return fs
        default: return []
        }
    }

    /// A named field of a composite or variant.
    public subscript(field name: String) -> ScaleValue? {
        fields.first { $0.name == name }?.value
    }

    /// Elements of a sequence, array or tuple; a composite's field values; bytes as `.unsigned`.
    public var elements: [ScaleValue] {
        switch self {
        case .sequence(let vs), .array(let vs), .tuple(let vs): return vs
        case .composite(let fs): return fs.map(\.value)
        case .bytes(let bs): return bs.map { .unsigned(UInt128($0)) }
        default: return []
        }
    }

    /// An unsigned or compact integer, looking through single-field wrappers.
    public var uint: UInt128? {
        switch self {
        case .unsigned(let v), .compact(let v): return v
        case .composite(let fs) where fs.count == 1: return fs[0].value.uint
        default: return nil
        }
    }

    /// Raw bytes of a `Vec<u8>`/`[u8; N]`, looking through single-field wrappers (AccountId32).
    public var byteArray: [UInt8]? {
        switch self {
        case .bytes(let b): return b
        case .composite(let fs) where fs.count == 1: return fs[0].value.byteArray
        default: return nil
        }
    }

    /// The name of a variant value.
    public var variantName: String? {
        if case .variant(let name, _, _) = self { return name }
        return nil
    }

    /// A short label of the case, for errors.
    public var kind: String {
        switch self {
        case .composite: return "composite"
        case .variant: return "variant"
        case .sequence: return "sequence"
        case .array: return "array"
        case .tuple: return "tuple"
        case .bytes: return "bytes"
        case .bool: return "bool"
        case .char: return "char"
        case .string: return "string"
        case .unsigned: return "unsigned"
        case .signed: return "signed"
        case .wide: return "wide integer"
        case .compact: return "compact"
        case .bitSequence: return "bit sequence"
        }
    }
}
