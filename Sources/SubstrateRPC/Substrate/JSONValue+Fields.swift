/// Typed field access for decoding Substrate RPC shapes, with errors that
/// name the field.
extension JSONValue {
    /// `0x` hex string of `bytes`.
    public static func hex(_ bytes: some Sequence<UInt8>) -> JSONValue { .string(RPCHex.encode(bytes)) }

    /// `0x` hex string of an array (the concrete, fast overload).
    public static func hex(_ bytes: [UInt8]) -> JSONValue { .string(RPCHex.encode(bytes)) }

    /// The bytes of a hex string value.
    public func hexBytes(field: String = "value") throws(RPCDecodingError) -> [UInt8] {
        guard case .string(let s) = self else {
            throw .wrongKind(field: field, expected: "hex string", found: kindName)
        }
        do {
            return try RPCHex.decode(s)
        } catch {
            switch error {
            case .invalid(let position, let reason): throw .invalidHex(field: field, reason: "\(reason) at \(position)")
            }
        }
    }

    /// Exactly `length` bytes of hex (hashes, public keys).
    public func hexBytes(field: String, length: Int) throws(RPCDecodingError) -> [UInt8] {
        let b = try hexBytes(field: field)
        guard b.count == length else { throw .wrongLength(field: field, expected: length, found: b.count) }
        return b
    }

    /// An unsigned integer written either as a JSON number or as a `0x` hex string
    /// (Substrate uses both: `NumberOrHex`).
    public func numberOrHex(field: String) throws(RPCDecodingError) -> UInt64 {
        switch self {
        case .number(let n):
            guard let v = n.uint64Value else { throw .outOfRange(field: field) }
            return v
        case .string(let s):
            guard let v = RPCHex.decodeNumber(s) else { throw .invalidHex(field: field, reason: "not a 64-bit hex number") }
            return v
        default:
            throw .wrongKind(field: field, expected: "number or hex string", found: kindName)
        }
    }

    /// A required member of an object.
    public func field(_ key: String, in path: String = "") throws(RPCDecodingError) -> JSONValue {
        let name = path.isEmpty ? key : "\(path).\(key)"
        guard case .object(let o) = self else { throw .wrongKind(field: path.isEmpty ? "value" : path, expected: "object", found: kindName) }
        guard let v = o[key] else { throw .missingField(name) }
        return v
    }

    /// A required string member.
    public func stringField(_ key: String) throws(RPCDecodingError) -> String {
        let v = try field(key)
        guard case .string(let s) = v else { throw .wrongKind(field: key, expected: "string", found: v.kindName) }
        return s
    }

    /// A required unsigned 32-bit number member.
    public func uint32Field(_ key: String) throws(RPCDecodingError) -> UInt32 {
        let v = try field(key)
        guard case .number(let n) = v else { throw .wrongKind(field: key, expected: "number", found: v.kindName) }
        guard let u = n.uint64Value, let r = UInt32(exactly: u) else { throw .outOfRange(field: key) }
        return r
    }
}
