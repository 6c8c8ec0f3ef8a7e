/// A pRuntime's status as `GET /info` (and prpc `GetInfo`) reports it:
/// `PhactoryInfo` of PB pruntime_rpc.proto, the fields an operator watches.
///
/// Heights are pRuntime's *next* numbers to sync (`headernum` relay chain,
/// `para_headernum` parachain headers, `blocknum` parachain blocks dispatched),
/// as its `storage_synchronizer.counters()` give them. Keys and the genesis
/// hash are hex without `0x`, as pRuntime writes them. `system` is nil until
/// `InitRuntime` has run; the top-level `registered`/`public_key` fields are
/// deprecated copies of `system.*`, read as a fallback.
public struct PRuntimeInfo: Sendable, Equatable {
    public var initialized: Bool
    public var registered: Bool
    public var genesisBlockHash: String?
    public var publicKey: String?
    public var ecdhPublicKey: String?
    public var headerNumber: UInt32
    public var paraHeaderNumber: UInt32
    public var blockNumber: UInt32
    public var stateRoot: String
    public var devMode: Bool
    public var pendingMessages: UInt64
    public var score: UInt64
    public var version: String
    public var gitRevision: String
    public var waitingForParaHeaders: Bool
    public var safeModeLevel: UInt32
    /// Unix milliseconds of the block pRuntime processed last (0 when unknown).
    public var currentBlockTimeMs: UInt64
    public var supportedAttestationMethods: [String]
    public var maxSupportedConsensusVersion: UInt32?
    /// Gatekeeper role: 0 None, 1 Dummy, 2 Active.
    public var gatekeeperRole: Int64

    public init(initialized: Bool = false, registered: Bool = false, genesisBlockHash: String? = nil,
                publicKey: String? = nil, ecdhPublicKey: String? = nil, headerNumber: UInt32 = 0,
                paraHeaderNumber: UInt32 = 0, blockNumber: UInt32 = 0, stateRoot: String = "", devMode: Bool = false,
                pendingMessages: UInt64 = 0, score: UInt64 = 0, version: String = "", gitRevision: String = "",
                waitingForParaHeaders: Bool = false, safeModeLevel: UInt32 = 0, currentBlockTimeMs: UInt64 = 0,
                supportedAttestationMethods: [String] = [], maxSupportedConsensusVersion: UInt32? = nil,
                gatekeeperRole: Int64 = 0) {
        self.initialized = initialized
        self.registered = registered
        self.genesisBlockHash = genesisBlockHash
        self.publicKey = publicKey
        self.ecdhPublicKey = ecdhPublicKey
        self.headerNumber = headerNumber
        self.paraHeaderNumber = paraHeaderNumber
        self.blockNumber = blockNumber
        self.stateRoot = stateRoot
        self.devMode = devMode
        self.pendingMessages = pendingMessages
        self.score = score
        self.version = version
        self.gitRevision = gitRevision
        self.waitingForParaHeaders = waitingForParaHeaders
        self.safeModeLevel = safeModeLevel
        self.currentBlockTimeMs = currentBlockTimeMs
        self.supportedAttestationMethods = supportedAttestationMethods
        self.maxSupportedConsensusVersion = maxSupportedConsensusVersion
        self.gatekeeperRole = gatekeeperRole
    }

    static let name = "PhactoryInfo"

    /// Parses the JSON body of `GET /info`.
    public init(json bytes: [UInt8]) throws(PRuntimeWireError) {
        try self.init(jsonValue: try PRuntimeWireError.parsing(bytes, message: Self.name))
    }

    public init(jsonValue: JSONValue) throws(PRuntimeWireError) {
        let f = try PRuntimeJSONFields(jsonValue, message: Self.name)
        let system = try f.object("system")
        // `??` takes a rethrowing autoclosure, which loses the typed error; pick the source first.
        let current = system ?? f
        var gatekeeper = try current.object("gatekeeper")
        if gatekeeper == nil { gatekeeper = try f.object("gatekeeper") }
        self.init(
            initialized: try f.bool("initialized"),
            registered: try current.bool("registered"),
            genesisBlockHash: try f.string("genesis_block_hash"),
            publicKey: try current.string("public_key"),
            ecdhPublicKey: try current.string("ecdh_public_key"),
            headerNumber: try f.uint32("headernum"),
            paraHeaderNumber: try f.uint32("para_headernum"),
            blockNumber: try f.uint32("blocknum"),
            stateRoot: try f.string("state_root") ?? "",
            devMode: try f.bool("dev_mode"),
            pendingMessages: try f.uint64("pending_messages"),
            score: try f.uint64("score"),
            version: try f.string("version") ?? "",
            gitRevision: try f.string("git_revision") ?? "",
            waitingForParaHeaders: try f.bool("waiting_for_paraheaders"),
            safeModeLevel: try f.uint32("safe_mode_level"),
            currentBlockTimeMs: try f.uint64("current_block_time"),
            supportedAttestationMethods: try Self.strings(f, "supported_attestation_methods"),
            maxSupportedConsensusVersion: try system.map { s throws(PRuntimeWireError) in
                try s.uint32("max_supported_consensus_version")
            },
            gatekeeperRole: try gatekeeper.map { g throws(PRuntimeWireError) in try g.int64("role") } ?? 0)
    }

    private static func strings(_ f: PRuntimeJSONFields, _ key: String) throws(PRuntimeWireError) -> [String] {
        guard let v = f.present(key) else { return [] }
        guard let items = v.arrayValue else { throw .field(message: f.message, field: key, expected: "array of strings") }
        var out: [String] = []
        for item in items {
            guard let s = item.stringValue else { throw .field(message: f.message, field: key, expected: "array of strings") }
            out.append(s)
        }
        return out
    }

    /// The JSON pRuntime serves (the devnet's simulated pRuntimes use it).
    public var json: JSONValue {
        let role = JSONValue.object(["role": .int(gatekeeperRole), "master_public_key": ""])
        let system: JSONValue = initialized ? .object([
            "registered": .bool(registered),
            "public_key": .string(publicKey ?? ""),
            "ecdh_public_key": .string(ecdhPublicKey ?? ""),
            "gatekeeper": role,
            "number_of_clusters": 0,
            "number_of_contracts": 0,
            "max_supported_consensus_version": .uint(UInt64(maxSupportedConsensusVersion ?? 0)),
            "genesis_block": 0,
        ]) : .null
        return .object([
            "initialized": .bool(initialized),
            "registered": .bool(registered),
            "genesis_block_hash": genesisBlockHash.map { .string($0) } ?? .null,
            "public_key": publicKey.map { .string($0) } ?? .null,
            "ecdh_public_key": ecdhPublicKey.map { .string($0) } ?? .null,
            "headernum": .uint(UInt64(headerNumber)),
            "para_headernum": .uint(UInt64(paraHeaderNumber)),
            "blocknum": .uint(UInt64(blockNumber)),
            "state_root": .string(stateRoot),
            "dev_mode": .bool(devMode),
            "pending_messages": .uint(pendingMessages),
            "score": .uint(score),
            "gatekeeper": role,
            "version": .string(version),
            "git_revision": .string(gitRevision),
            "memory_usage": .object(["rust_used": 0, "rust_peak_used": 0, "total_peak_used": 0, "free": 0,
                                     "rust_spike": 0]),
            "waiting_for_paraheaders": .bool(waitingForParaHeaders),
            "system": system,
            "can_load_chain_state": false,
            "safe_mode_level": .uint(UInt64(safeModeLevel)),
            "current_block_time": .uint(currentBlockTimeMs),
            "max_supported_pink_runtime_version": "",
            "supported_attestation_methods": .array(supportedAttestationMethods.map { .string($0) }),
            "live_sidevm_instances": 0,
            "query_timeout": 0,
        ])
    }
}
