/// The runtime version as Substrate's RPC writes it (`state_getRuntimeVersion`,
/// `state_runtimeVersion` notifications).
///
/// `apis` pairs an 8-byte API id (blake2_64 of the trait name) with its
/// version; `stateVersion` is absent on old runtimes, so it is optional.
/// A `specVersion` change is what tells the engine to reload metadata (issue 6).
public struct RPCRuntimeVersion: Sendable, Hashable {
    /// One runtime API: its 8-byte id and version.
    public struct API: Sendable, Hashable {
        public var id: [UInt8]
        public var version: UInt32
        public init(id: [UInt8], version: UInt32) {
            self.id = id
            self.version = version
        }
    }

    public var specName: String
    public var implName: String
    public var authoringVersion: UInt32
    public var specVersion: UInt32
    public var implVersion: UInt32
    public var apis: [API]
    public var transactionVersion: UInt32
    public var stateVersion: UInt8?

    public init(specName: String, implName: String, authoringVersion: UInt32, specVersion: UInt32, implVersion: UInt32,
                apis: [API], transactionVersion: UInt32, stateVersion: UInt8?) {
        self.specName = specName
        self.implName = implName
        self.authoringVersion = authoringVersion
        self.specVersion = specVersion
        self.implVersion = implVersion
        self.apis = apis
        self.transactionVersion = transactionVersion
        self.stateVersion = stateVersion
    }

    public var json: JSONValue {
        var o = JSONObject()
        o["specName"] = .string(specName)
        o["implName"] = .string(implName)
        o["authoringVersion"] = .uint(UInt64(authoringVersion))
        o["specVersion"] = .uint(UInt64(specVersion))
        o["implVersion"] = .uint(UInt64(implVersion))
        o["apis"] = .array(apis.map { .array([.hex($0.id), .uint(UInt64($0.version))]) })
        o["transactionVersion"] = .uint(UInt64(transactionVersion))
        if let stateVersion { o["stateVersion"] = .uint(UInt64(stateVersion)) }
        return .object(o)
    }

    public init(json: JSONValue) throws(RPCDecodingError) {
        specName = try json.stringField("specName")
        implName = try json.stringField("implName")
        authoringVersion = try json.uint32Field("authoringVersion")
        specVersion = try json.uint32Field("specVersion")
        implVersion = try json.uint32Field("implVersion")
        transactionVersion = try json.uint32Field("transactionVersion")
        if case .object(let o) = json, o["stateVersion"] != nil {
            let v = try json.uint32Field("stateVersion")
            guard let s = UInt8(exactly: v) else { throw .outOfRange(field: "stateVersion") }
            stateVersion = s
        } else {
            stateVersion = nil
        }
        let rawAPIs = try json.field("apis")
        guard case .array(let items) = rawAPIs else {
            throw .wrongKind(field: "apis", expected: "array", found: rawAPIs.kindName)
        }
        var list: [API] = []
        list.reserveCapacity(items.count)
        for (k, item) in items.enumerated() {
            let name = "apis[\(k)]"
            guard case .array(let pair) = item, pair.count == 2 else {
                throw .wrongKind(field: name, expected: "[hex, version] pair", found: item.kindName)
            }
            let id = try pair[0].hexBytes(field: "\(name)[0]", length: 8)
            guard case .number(let n) = pair[1], let u = n.uint64Value, let version = UInt32(exactly: u) else {
                throw .outOfRange(field: "\(name)[1]")
            }
            list.append(API(id: id, version: version))
        }
        apis = list
    }
}
