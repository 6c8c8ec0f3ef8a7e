import Scale

/// `InitRuntimeResponse` (PB pruntime_rpc.proto), the answer of
/// `PhactoryAPI.GetRuntimeInfo`: the SCALE `WorkerRegistrationInfoV2` pRuntime
/// commits to in its attestation (PROTOCOL.md §5.1), its genesis hash and keys,
/// and the attestation itself.
///
/// Fields: 1 `encoded_runtime_info`, 2 `encoded_genesis_block_hash`,
/// 3 `encoded_public_key`, 4 `encoded_ecdh_public_key` (bytes),
/// 5 `optional Attestation attestation`.
public struct InitRuntimeResponse: Sendable, Equatable {
    public var encodedRuntimeInfo: [UInt8]
    public var encodedGenesisBlockHash: [UInt8]
    public var encodedPublicKey: [UInt8]
    public var encodedEcdhPublicKey: [UInt8]
    /// Absent until pRuntime is synced and allowed to attest.
    public var attestation: PRuntimeAttestation?

    public init(encodedRuntimeInfo: [UInt8], encodedGenesisBlockHash: [UInt8], encodedPublicKey: [UInt8],
                encodedEcdhPublicKey: [UInt8], attestation: PRuntimeAttestation?) {
        self.encodedRuntimeInfo = encodedRuntimeInfo
        self.encodedGenesisBlockHash = encodedGenesisBlockHash
        self.encodedPublicKey = encodedPublicKey
        self.encodedEcdhPublicKey = encodedEcdhPublicKey
        self.attestation = attestation
    }

    static let name = "InitRuntimeResponse"

    public var protobuf: [UInt8] {
        var w = ProtobufWriter()
        w.data(1, encodedRuntimeInfo)
        w.data(2, encodedGenesisBlockHash)
        w.data(3, encodedPublicKey)
        w.data(4, encodedEcdhPublicKey)
        if let a = attestation { w.data(5, a.protobuf) }
        return w.bytes
    }

    public var json: JSONValue {
        .object([
            "encoded_runtime_info": .string(Hex.encode(encodedRuntimeInfo)),
            "encoded_genesis_block_hash": .string(Hex.encode(encodedGenesisBlockHash)),
            "encoded_public_key": .string(Hex.encode(encodedPublicKey)),
            "encoded_ecdh_public_key": .string(Hex.encode(encodedEcdhPublicKey)),
            "attestation": attestation?.json ?? .null,
        ])
    }

    public init(protobuf bytes: [UInt8]) throws(PRuntimeWireError) {
        self.init(encodedRuntimeInfo: [], encodedGenesisBlockHash: [], encodedPublicKey: [], encodedEcdhPublicKey: [],
                  attestation: nil)
        do {
            for f in try ProtobufReader.fields(of: bytes) {
                switch f.number {
                case 1: encodedRuntimeInfo = try f.data()
                case 2: encodedGenesisBlockHash = try f.data()
                case 3: encodedPublicKey = try f.data()
                case 4: encodedEcdhPublicKey = try f.data()
                case 5: attestation = try PRuntimeAttestation(protobuf: try f.data())
                default: continue
                }
            }
        } catch let error as ProtobufError {
            throw .protobuf(message: Self.name, error)
        } catch let error as PRuntimeWireError {
            throw error
        } catch {
            throw .protobuf(message: Self.name, .truncated(offset: 0))
        }
        guard !encodedRuntimeInfo.isEmpty else { throw .missing(message: Self.name, field: "encoded_runtime_info") }
    }

    public init(json bytes: [UInt8]) throws(PRuntimeWireError) {
        let f = try PRuntimeJSONFields(try PRuntimeWireError.parsing(bytes, message: Self.name), message: Self.name)
        guard let info = try f.bytes("encoded_runtime_info"), !info.isEmpty else {
            throw .missing(message: Self.name, field: "encoded_runtime_info")
        }
        self.init(encodedRuntimeInfo: info,
                  encodedGenesisBlockHash: try f.bytes("encoded_genesis_block_hash") ?? [],
                  encodedPublicKey: try f.bytes("encoded_public_key") ?? [],
                  encodedEcdhPublicKey: try f.bytes("encoded_ecdh_public_key") ?? [],
                  attestation: try f.object("attestation").map { o throws(PRuntimeWireError) in
                      try PRuntimeAttestation(json: o)
                  })
    }
}

/// `Attestation {int32 version = 1; string provider = 2; AttestationReport payload = 3 (retired);
/// uint64 timestamp = 4; bytes encoded_report = 5}` (PB pruntime_rpc.proto).
///
/// `encodedReport` is SCALE `Option<AttestationReport>` exactly as
/// `register_worker_v2` takes it (PROTOCOL.md §5.1); in dev mode (no
/// attestation provider) it is `0x00` (None). `provider` is pRuntime's serde
/// JSON of `Option<AttestationProvider>` (`"Ias"`, `"Dcap"` or `null`),
/// `timestamp` unix seconds of when the report was made (pRuntime refreshes it after 1 h).
public struct PRuntimeAttestation: Sendable, Equatable {
    public var version: Int32
    public var provider: String
    public var encodedReport: [UInt8]
    public var timestampSeconds: UInt64

    public init(version: Int32, provider: String, encodedReport: [UInt8], timestampSeconds: UInt64) {
        self.version = version
        self.provider = provider
        self.encodedReport = encodedReport
        self.timestampSeconds = timestampSeconds
    }

    static let name = "Attestation"

    public var protobuf: [UInt8] {
        var w = ProtobufWriter()
        if version != 0 { w.int32(1, version) }
        if !provider.isEmpty { w.string(2, provider) }
        if timestampSeconds != 0 { w.varint(4, timestampSeconds) }
        w.data(5, encodedReport)
        return w.bytes
    }

    public var json: JSONValue {
        .object([
            "version": .int(Int64(version)),
            "provider": .string(provider),
            "payload": .null,
            "encoded_report": .string(Hex.encode(encodedReport)),
            "timestamp": .uint(timestampSeconds),
        ])
    }

    init(protobuf bytes: [UInt8]) throws(PRuntimeWireError) {
        self.init(version: 0, provider: "", encodedReport: [], timestampSeconds: 0)
        do {
            for f in try ProtobufReader.fields(of: bytes) {
                switch f.number {
                case 1: version = try f.int32()
                case 2: provider = try f.string()
                case 4: timestampSeconds = try f.uint64()
                case 5: encodedReport = try f.data()
                default: continue  // 3: the retired payload
                }
            }
        } catch {
            throw .protobuf(message: Self.name, error)
        }
    }

    init(json f: PRuntimeJSONFields) throws(PRuntimeWireError) {
        let v = try f.int64("version")
        guard let version = Int32(exactly: v) else { throw .field(message: f.message, field: "version", expected: "i32") }
        self.init(version: version, provider: try f.string("provider") ?? "",
                  encodedReport: try f.bytes("encoded_report") ?? [], timestampSeconds: try f.uint64("timestamp"))
    }
}
