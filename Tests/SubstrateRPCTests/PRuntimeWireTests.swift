import Scale
import SubstrateRPC
import Testing

/// The pRuntime API's wire forms (issue 8): protobuf as the protobuf
/// encoding guide specifies it (its worked examples are the vectors), the
/// prpc JSON form with hex bytes, and hostile bytes that must give typed errors.
struct PRuntimeWireTests {
    // MARK: protobuf, against the encoding guide's examples (protobuf.dev/programming-guides/encoding)

    @Test func varintStringAndNestedMessageMatchTheEncodingGuide() throws {
        // `message Test1 { int32 a = 1; }` with a = 150 is `08 96 01`.
        var w = ProtobufWriter()
        w.varint(1, 150)
        #expect(w.bytes == [0x08, 0x96, 0x01])
        let f = try #require(try ProtobufReader.fields(of: [0x08, 0x96, 0x01]).first)
        #expect(try f.number == 1 && f.wireType == .varint && f.uint64() == 150)
        // `message Test2 { string b = 2; }` with b = "testing".
        var s = ProtobufWriter()
        s.string(2, "testing")
        #expect(s.bytes == [0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6e, 0x67])
        // `message Test3 { Test1 c = 3; }`: `1a 03 08 96 01`.
        var n = ProtobufWriter()
        n.data(3, [0x08, 0x96, 0x01])
        #expect(n.bytes == [0x1a, 0x03, 0x08, 0x96, 0x01])
        // A negative int32 is ten bytes of sign extension.
        var neg = ProtobufWriter()
        neg.int32(1, -2)
        #expect(neg.bytes == [0x08, 0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])
        #expect(try ProtobufReader.fields(of: neg.bytes)[0].int32() == -2)
    }

    @Test func getRuntimeInfoRequestBytesFollowTheProto() throws {
        // force_refresh_ra = 1 (bool), encoded_operator = 2 (bytes).
        let op = [UInt8](repeating: 0xaa, count: 32)
        let r = GetRuntimeInfoRequest(forceRefreshRA: true, encodedOperator: op)
        #expect(r.protobuf == [0x08, 0x01, 0x12, 0x20] + op)
        #expect(GetRuntimeInfoRequest().protobuf.isEmpty)
        #expect(try GetRuntimeInfoRequest(protobuf: r.protobuf) == r)
        #expect(try GetRuntimeInfoRequest(json: r.json.serializedBytes()) == r)
        #expect(try GetRuntimeInfoRequest(json: Array("{}".utf8)) == GetRuntimeInfoRequest())
        #expect(try GetRuntimeInfoRequest(json: []) == GetRuntimeInfoRequest())
    }

    static let sample = InitRuntimeResponse(
        encodedRuntimeInfo: Array(0..<151).map { UInt8($0) }, encodedGenesisBlockHash: [UInt8](repeating: 0xb0, count: 32),
        encodedPublicKey: [UInt8](repeating: 1, count: 32), encodedEcdhPublicKey: [UInt8](repeating: 2, count: 32),
        attestation: PRuntimeAttestation(version: 1, provider: "\"Ias\"", encodedReport: [1, 0, 4, 9, 9],
                                         timestampSeconds: 1_700_000_123))

    @Test func initRuntimeResponseRoundTripsInBothForms() throws {
        let pb = Self.sample.protobuf
        // Field 1 first: tag 0x0a, length 151 as the varint 97 01.
        #expect(Array(pb.prefix(3)) == [0x0a, 0x97, 0x01])
        #expect(try InitRuntimeResponse(protobuf: pb) == Self.sample)
        let json = Self.sample.json.serializedBytes()
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"encoded_report\":\"0x0100040909\""))
        #expect(text.contains("\"provider\":\"\\\"Ias\\\"\""))
        #expect(try InitRuntimeResponse(json: json) == Self.sample)
        // Unknown fields (future ones) are skipped, and so is the Attestation's retired payload 3.
        var extra = ProtobufWriter()
        extra.data(7, [0x0a, 0x01, 0x41])
        extra.varint(99, 7)
        #expect(try InitRuntimeResponse(protobuf: pb + extra.bytes) == Self.sample)
        var attestation = ProtobufWriter()
        attestation.data(3, [0x0a, 0x01, 0x41])
        let att = try #require(Self.sample.attestation)
        var withPayload = Self.sample
        withPayload.attestation = nil
        var outer = ProtobufWriter()
        outer.data(5, attestation.bytes + att.protobuf)
        #expect(try InitRuntimeResponse(protobuf: withPayload.protobuf + outer.bytes) == Self.sample)
        var none = Self.sample
        none.attestation = nil
        #expect(try InitRuntimeResponse(protobuf: none.protobuf).attestation == nil)
        #expect(try InitRuntimeResponse(json: none.json.serializedBytes()).attestation == nil)
    }

    @Test func everyTruncationIsATypedErrorOrAShorterMessage() {
        let pb = Self.sample.protobuf
        for cut in 0..<pb.count {
            do {
                _ = try InitRuntimeResponse(protobuf: Array(pb.prefix(cut)))
            } catch let e as PRuntimeWireError {
                switch e {
                case .protobuf, .missing: break
                default: Issue.record("unexpected \(e) at \(cut)")
                }
            } catch { Issue.record("untyped \(error)") }
        }
    }

    @Test func hostileProtobufIsRefusedWithTheReason() {
        #expect(throws: ProtobufError.truncated(offset: 2)) { try ProtobufReader.fields(of: [0x0a, 0x05, 0x01]) }
        #expect(throws: ProtobufError.varintTooLong(offset: 1)) {
            try ProtobufReader.fields(of: [0x08] + [UInt8](repeating: 0xff, count: 11))
        }
        #expect(throws: ProtobufError.unsupportedWireType(3, offset: 0)) { try ProtobufReader.fields(of: [0x0b]) }
        // A length claiming 2^63 bytes is checked before any copy.
        #expect(throws: ProtobufError.self) {
            try ProtobufReader.fields(of: [0x0a, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f])
        }
        // Field 1 as a varint where bytes are expected.
        #expect(throws: PRuntimeWireError.self) { try InitRuntimeResponse(protobuf: [0x08, 0x01]) }
        var g = SplitMix64(seed: 42)
        for _ in 0..<3000 {
            let bytes = (0..<Int(g.next() % 64)).map { _ in UInt8(truncatingIfNeeded: g.next()) }
            _ = try? InitRuntimeResponse(protobuf: bytes)
            _ = try? InitRuntimeResponse(json: bytes)
            _ = try? PRuntimeInfo(json: bytes)
            _ = try? GetRuntimeInfoRequest(protobuf: bytes)
        }
    }

    /// `/info` as pRuntime prints it (PhactoryInfo with the `system` block), abridged to real fields.
    static let infoJSON = """
    {"initialized":true,"registered":false,"genesis_block_hash":"b0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe",
     "public_key":"aa","ecdh_public_key":"bb","headernum":19543210,"para_headernum":4021001,"blocknum":4021001,
     "state_root":"00","dev_mode":false,"pending_messages":3,"score":1712,"gatekeeper":{"role":0,"master_public_key":""},
     "version":"2.2.0","git_revision":"5a1f2c0","memory_usage":{"rust_used":1,"rust_peak_used":2,"total_peak_used":3,"free":4,"rust_spike":5},
     "waiting_for_paraheaders":true,"system":{"registered":true,"public_key":"9c","ecdh_public_key":"9d","gatekeeper":{"role":2,"master_public_key":"ff"},
     "number_of_clusters":0,"number_of_contracts":0,"max_supported_consensus_version":1,"genesis_block":3000000},
     "can_load_chain_state":false,"safe_mode_level":0,"current_block_time":1700000000000,"max_supported_pink_runtime_version":"1.2",
     "supported_attestation_methods":["epid","dcap"],"live_sidevm_instances":0,"query_timeout":10}
    """

    @Test func infoReadsTheSystemBlockBeforeTheDeprecatedCopies() throws {
        let info = try PRuntimeInfo(json: Array(Self.infoJSON.utf8))
        #expect(info.initialized && info.registered)  // system.registered wins over the deprecated false
        #expect(info.publicKey == "9c" && info.ecdhPublicKey == "9d")
        #expect(info.headerNumber == 19_543_210 && info.paraHeaderNumber == 4_021_001 && info.blockNumber == 4_021_001)
        #expect(info.pendingMessages == 3 && info.score == 1712 && info.waitingForParaHeaders)
        #expect(info.gatekeeperRole == 2 && info.maxSupportedConsensusVersion == 1)
        #expect(info.supportedAttestationMethods == ["epid", "dcap"] && info.currentBlockTimeMs == 1_700_000_000_000)
        // An uninitialised pRuntime: no system block, deprecated fields used.
        let bare = try PRuntimeInfo(json: Array(#"{"initialized":false,"registered":false,"headernum":1,"para_headernum":1,"blocknum":1}"#.utf8))
        #expect(!bare.initialized && bare.publicKey == nil && bare.headerNumber == 1)
        // Round trip through the form the devnet serves.
        #expect(try PRuntimeInfo(jsonValue: info.json) == info)
    }

    @Test func wrongTypesNameTheField() {
        #expect(throws: PRuntimeWireError.field(message: "PhactoryInfo", field: "headernum", expected: "unsigned integer")) {
            try PRuntimeInfo(json: Array(#"{"headernum":"12"}"#.utf8))
        }
        #expect(throws: PRuntimeWireError.field(message: "PhactoryInfo", field: "headernum", expected: "u32")) {
            try PRuntimeInfo(json: Array(#"{"headernum":5000000000}"#.utf8))
        }
        #expect(throws: PRuntimeWireError.self) { try PRuntimeInfo(json: Array("[1,2]".utf8)) }
        #expect(throws: PRuntimeWireError.self) { try PRuntimeInfo(json: Array("<html>".utf8)) }
        #expect(throws: PRuntimeWireError.field(message: "InitRuntimeResponse", field: "encoded_runtime_info", expected: "hex bytes")) {
            try InitRuntimeResponse(json: Array(#"{"encoded_runtime_info":"0xzz"}"#.utf8))
        }
        #expect(throws: PRuntimeWireError.missing(message: "InitRuntimeResponse", field: "encoded_runtime_info")) {
            try InitRuntimeResponse(json: Array("{}".utf8))
        }
    }

    @Test func prpcErrorBodiesInBothForms() {
        let e = PrpcErrorMessage(message: "Runtime not initialized")
        #expect(PrpcErrorMessage.decode(e.protobuf) == "Runtime not initialized")
        #expect(PrpcErrorMessage.decode(e.json.serializedBytes()) == "Runtime not initialized")
        #expect(PrpcErrorMessage.decode([0xff, 0xff]) == nil)
    }
}
