import MiningCore
import Scale

/// Typed reads of dynamically decoded values by field name (PROTOCOL.md §1),
/// each failing with a `ValueShapeError` that names the field path.
extension ScaleValue {
    /// A required named field.
    func field(_ name: String, _ path: @autoclosure () -> String) throws(ValueShapeError) -> ScaleValue {
        guard let v = self[field: name] else { throw .missingField(path: "\(path()).\(name)") }
        return v
    }

    /// The first of several names (renamed fields across runtimes, e.g. `session`/`miner`).
    func field(anyOf names: [String], _ path: @autoclosure () -> String) throws(ValueShapeError) -> ScaleValue {
        for n in names { if let v = self[field: n] { return v } }
        throw .missingField(path: "\(path()).\(names.joined(separator: "|"))")
    }

    func unsignedValue(_ path: @autoclosure () -> String) throws(ValueShapeError) -> UInt128 {
        guard let v = uint else { throw .wrongKind(path: path(), expected: "unsigned integer", found: kind) }
        return v
    }

    func u8(_ path: @autoclosure () -> String) throws(ValueShapeError) -> UInt8 {
        guard let v = UInt8(exactly: try unsignedValue(path())) else { throw .outOfRange(path: path(), expected: "u8") }
        return v
    }

    func u32(_ path: @autoclosure () -> String) throws(ValueShapeError) -> UInt32 {
        guard let v = UInt32(exactly: try unsignedValue(path())) else { throw .outOfRange(path: path(), expected: "u32") }
        return v
    }

    func u64(_ path: @autoclosure () -> String) throws(ValueShapeError) -> UInt64 {
        guard let v = UInt64(exactly: try unsignedValue(path())) else { throw .outOfRange(path: path(), expected: "u64") }
        return v
    }

    func u128(_ path: @autoclosure () -> String) throws(ValueShapeError) -> UInt128 { try unsignedValue(path()) }

    func boolValue(_ path: @autoclosure () -> String) throws(ValueShapeError) -> Bool {
        if case .bool(let b) = self { return b }
        if case .composite(let fs) = self, fs.count == 1 { return try fs[0].value.boolValue(path()) }
        throw .wrongKind(path: path(), expected: "bool", found: kind)
    }

    func bytes(_ path: @autoclosure () -> String) throws(ValueShapeError) -> [UInt8] {
        guard let b = byteArray else { throw .wrongKind(path: path(), expected: "bytes", found: kind) }
        return b
    }

    func bytes32(_ path: @autoclosure () -> String) throws(ValueShapeError) -> Key32 {
        let b = try bytes(path())
        guard let v = Key32.fromBytes(b) else {
            throw .wrongKind(path: path(), expected: "32 bytes", found: "\(b.count) bytes")
        }
        return v
    }

    func accountID(_ path: @autoclosure () -> String) throws(ValueShapeError) -> AccountID { AccountID(raw: try bytes32(path())) }

    func workerKey(_ path: @autoclosure () -> String) throws(ValueShapeError) -> WorkerKey { WorkerKey(raw: try bytes32(path())) }

    func u64f64(_ path: @autoclosure () -> String) throws(ValueShapeError) -> U64F64 { U64F64(bits: try u128(path())) }

    /// `Option<T>`: nil for `None`, the inner value for `Some`.
    func option(_ path: @autoclosure () -> String) throws(ValueShapeError) -> ScaleValue? {
        guard case .variant(let name, _, let fields) = self else {
            throw .wrongKind(path: path(), expected: "Option", found: kind)
        }
        switch name {
        case "None": return nil
        case "Some":
            guard let inner = fields.first?.value else { throw .missingField(path: "\(path()).Some") }
            return inner
        default: throw .unknownVariant(path: path(), name: name)
        }
    }

    /// Elements of a `Vec`/array (bytes are not accepted here).
    func list(_ path: @autoclosure () -> String) throws(ValueShapeError) -> [ScaleValue] {
        switch self {
        case .sequence(let vs), .array(let vs): return vs
        case .composite(let fs) where fs.count == 1: return try fs[0].value.list(path())
        default: throw .wrongKind(path: path(), expected: "sequence", found: kind)
        }
    }

    /// The variant name and fields of an enum value.
    func variantParts(_ path: @autoclosure () -> String) throws(ValueShapeError) -> (name: String, index: UInt8, fields: [ScaleField]) {
        guard case .variant(let name, let index, let fields) = self else {
            throw .wrongKind(path: path(), expected: "enum", found: kind)
        }
        return (name, index, fields)
    }

    /// The only (or first) field of a variant or tuple-struct (e.g. `PoolProxy::StakePool(pool)`).
    func firstField(_ path: @autoclosure () -> String) throws(ValueShapeError) -> ScaleValue {
        guard let v = fields.first?.value else { throw .missingField(path: "\(path()).0") }
        return v
    }
}

extension Key32 {
    /// Exactly 32 bytes as four big-endian words, without generic collection
    /// walking (keys of every pool member are decoded per pool change).
    @inline(__always)
    static func fromBytes(_ b: [UInt8]) -> Key32? {
        guard b.count == 32 else { return nil }
        return b.withUnsafeBufferPointer { p -> Key32 in
            func word(_ o: Int) -> UInt64 {
                var w: UInt64 = 0
                for i in o..<(o + 8) { w = w << 8 | UInt64(p[i]) }
                return w
            }
            return Key32(w0: word(0), w1: word(8), w2: word(16), w3: word(24))
        }
    }
}
