import Scale

/// `GetRuntimeInfoRequest {bool force_refresh_ra = 1; optional bytes encoded_operator = 2}`
/// (PB pruntime_rpc.proto): asks pRuntime for its registration material.
///
/// pRuntime caches the attestation for an hour; `forceRefreshRA` or a new
/// operator (SCALE `AccountId32`, 32 bytes) makes it create a fresh one and,
/// for the operator, re-encode the registration info with it.
public struct GetRuntimeInfoRequest: Sendable, Equatable {
    public var forceRefreshRA: Bool
    public var encodedOperator: [UInt8]?

    public init(forceRefreshRA: Bool = false, encodedOperator: [UInt8]? = nil) {
        self.forceRefreshRA = forceRefreshRA
        self.encodedOperator = encodedOperator
    }

    static let name = "GetRuntimeInfoRequest"

    public var protobuf: [UInt8] {
        var w = ProtobufWriter()
        if forceRefreshRA { w.bool(1, true) }
        if let op = encodedOperator { w.data(2, op) }
        return w.bytes
    }

    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [("force_refresh_ra", .bool(forceRefreshRA))]
        pairs.append(("encoded_operator", encodedOperator.map { .string(Hex.encode($0)) } ?? .null))
        return .object(JSONObject(pairs))
    }

    public init(protobuf bytes: [UInt8]) throws(PRuntimeWireError) {
        self.init()
        do {
            for f in try ProtobufReader.fields(of: bytes) {
                switch f.number {
                case 1: forceRefreshRA = try f.bool()
                case 2: encodedOperator = try f.data()
                default: continue
                }
            }
        } catch {
            throw .protobuf(message: Self.name, error)
        }
    }

    public init(json bytes: [UInt8]) throws(PRuntimeWireError) {
        self.init()
        // An empty body is an all-default message.
        guard bytes.contains(where: { ![0x20, 0x09, 0x0a, 0x0d].contains($0) }) else { return }
        let f = try PRuntimeJSONFields(try PRuntimeWireError.parsing(bytes, message: Self.name), message: Self.name)
        forceRefreshRA = try f.bool("force_refresh_ra")
        encodedOperator = try f.bytes("encoded_operator")
    }
}
