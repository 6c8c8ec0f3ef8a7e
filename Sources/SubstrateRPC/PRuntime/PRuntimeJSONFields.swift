import Scale

/// Typed reads of a pRuntime JSON message's fields: absent fields take the
/// proto3 default (older pRuntimes lack newer fields), present fields of the
/// wrong type are errors naming the message and field.
struct PRuntimeJSONFields {
    let message: String
    let object: JSONObject

    init(_ value: JSONValue, message: String) throws(PRuntimeWireError) {
        guard case .object(let o) = value else {
            throw .field(message: message, field: "(body)", expected: "a JSON object, found \(value.kindName)")
        }
        self.message = message
        self.object = o
    }

    func present(_ key: String) -> JSONValue? {
        guard let v = object[key], !v.isNull else { return nil }
        return v
    }

    func bool(_ key: String) throws(PRuntimeWireError) -> Bool {
        guard let v = present(key) else { return false }
        guard let b = v.boolValue else { throw .field(message: message, field: key, expected: "bool") }
        return b
    }

    func uint64(_ key: String) throws(PRuntimeWireError) -> UInt64 {
        guard let v = present(key) else { return 0 }
        guard let n = v.uint64Value else { throw .field(message: message, field: key, expected: "unsigned integer") }
        return n
    }

    func uint32(_ key: String) throws(PRuntimeWireError) -> UInt32 {
        guard let n = UInt32(exactly: try uint64(key)) else {
            throw .field(message: message, field: key, expected: "u32")
        }
        return n
    }

    func int64(_ key: String) throws(PRuntimeWireError) -> Int64 {
        guard let v = present(key) else { return 0 }
        guard let n = v.int64Value else { throw .field(message: message, field: key, expected: "integer") }
        return n
    }

    func string(_ key: String) throws(PRuntimeWireError) -> String? {
        guard let v = present(key) else { return nil }
        guard let s = v.stringValue else { throw .field(message: message, field: key, expected: "string") }
        return s
    }

    /// Bytes as prpc's JSON writes them: a hex string, `0x` optional.
    func bytes(_ key: String) throws(PRuntimeWireError) -> [UInt8]? {
        guard let s = try string(key) else { return nil }
        do {
            return try Hex.decode(s)
        } catch {
            throw .field(message: message, field: key, expected: "hex bytes")
        }
    }

    func object(_ key: String) throws(PRuntimeWireError) -> PRuntimeJSONFields? {
        guard let v = present(key) else { return nil }
        return try PRuntimeJSONFields(v, message: message + "." + key)
    }
}

extension PRuntimeWireError {
    static func parsing(_ body: [UInt8], message: String) throws(PRuntimeWireError) -> JSONValue {
        do {
            return try JSONParser.parse(body, limits: JSONParseLimits(maxDepth: 16, maxInputBytes: 4 << 20))
        } catch {
            throw .json(message: message, reason: "\(error)")
        }
    }
}
