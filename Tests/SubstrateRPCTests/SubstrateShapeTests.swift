import Scale
import TestSupport
import Testing
@testable import SubstrateRPC

/// Typed Substrate JSON shapes: headers (JSON and SCALE) and runtime versions.
struct SubstrateShapeTests {
    static let header = RPCHeader(
        parentHash: [UInt8](repeating: 0x11, count: 32), number: 42,
        stateRoot: [UInt8](repeating: 0x22, count: 32), extrinsicsRoot: [UInt8](repeating: 0x33, count: 32),
        digestLogs: [
            [0x06] + Array("aura".utf8) + [0x20] + [UInt8](repeating: 1, count: 8),
            [0x05] + Array("aura".utf8) + [0x01, 0x01] + [UInt8](repeating: 2, count: 64),
            [0x00, 0x08, 0xBE, 0xEF],
        ])

    @Test func headerJSONRoundTrips() throws {
        let json = Self.header.json
        #expect(json["number"] == "0x2a")
        #expect(json["parentHash"]?.stringValue == "0x" + String(repeating: "11", count: 32))
        #expect(try RPCHeader(json: JSONParser.parse(json.serializedBytes())) == Self.header)
        // A number written as a JSON number is read too (NumberOrHex).
        var o = try #require(json.objectValue)
        o["number"] = 42
        #expect(try RPCHeader(json: .object(o)).number == 42)
    }

    @Test func headerJSONErrorsNameTheField() throws {
        var o = try #require(Self.header.json.objectValue)
        o["stateRoot"] = "0x1234"
        #expect(throws: RPCDecodingError.wrongLength(field: "stateRoot", expected: 32, found: 2)) { try RPCHeader(json: .object(o)) }
        o = try #require(Self.header.json.objectValue)
        o["digest"] = ["logs": ["0x00", "zz"]]
        #expect(throws: RPCDecodingError.self) { try RPCHeader(json: .object(o)) }
        o["digest"] = nil
        #expect(throws: RPCDecodingError.missingField("digest")) { try RPCHeader(json: .object(o)) }
        o = try #require(Self.header.json.objectValue)
        o["number"] = "0x-1"
        #expect(throws: RPCDecodingError.self) { try RPCHeader(json: .object(o)) }
        #expect(RPCHex.decodeNumber("0x0") == 0)
        #expect(RPCHex.decodeNumber("0x00000000000000000001") == 1)
        #expect(RPCHex.decodeNumber("0x1ffffffffffffffff") == nil)
    }

    @Test func headerScaleRoundTripsAndRefusesUnknownDigests() throws {
        let bytes = scaleEncoded(Self.header)
        let digestBytes: Int = Self.header.digestLogs.map(\.count).reduce(0, +)
        let expected: Int = 32 + 1 + 64 + 1 + digestBytes  // Compact(42) is one byte
        #expect(bytes.count == expected)
        #expect(try scaleDecode(RPCHeader.self, from: bytes) == Self.header)
        var bad = bytes
        bad[32 + 1 + 64 + 1] = 0x09  // first digest item: no such variant
        #expect(throws: ScaleError.self) { try scaleDecode(RPCHeader.self, from: bad) }
        #expect(throws: ScaleError.self) { try scaleDecode(RPCHeader.self, from: Array(bytes.dropLast())) }
    }

    @Test(.enabled(if: ReferencePython.available || ReferencePython.required, "needs the reference Python venv"))
    func headerScaleMatchesScalecodec() throws {
        let script = """
        import sys, json
        from scalecodec.base import RuntimeConfiguration, ScaleBytes
        from scalecodec.type_registry import load_type_registry_preset
        rc = RuntimeConfiguration(); rc.update_type_registry(load_type_registry_preset('legacy'))
        o = rc.create_scale_object('Header', ScaleBytes(sys.stdin.read().strip())); v = o.decode()
        print(json.dumps([v['parent_hash'], v['number'], v['state_root'], v['extrinsics_root'], len(v['digest']['logs']),
                          v['digest']['logs'][2]['Other']]))
        """
        let out = try ReferencePython.run(script, stdin: hexString(scaleEncoded(Self.header)))
        let v = try JSONParser.parse(out.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(v[0]?.stringValue == RPCHex.encode(Self.header.parentHash))
        #expect(v[1] == 42)
        #expect(v[2]?.stringValue == RPCHex.encode(Self.header.stateRoot))
        #expect(v[3]?.stringValue == RPCHex.encode(Self.header.extrinsicsRoot))
        #expect(v[4] == 3)
        #expect(v[5] == "0xbeef")
    }

    @Test func runtimeVersionRoundTrips() throws {
        // The shape a Khala node returns for state_getRuntimeVersion.
        let text = #"{"specName":"khala","implName":"khala","authoringVersion":1,"specVersion":1251,"implVersion":0,"apis":[["0xdf6acb689907609b",4],["0x37e397fc7c91f5e4",1]],"transactionVersion":7,"stateVersion":0}"#
        let v = try RPCRuntimeVersion(json: JSONParser.parse(text))
        #expect(v.specName == "khala")
        #expect(v.specVersion == 1251)
        #expect(v.transactionVersion == 7)
        #expect(v.stateVersion == 0)
        #expect(v.apis == [.init(id: [0xdf, 0x6a, 0xcb, 0x68, 0x99, 0x07, 0x60, 0x9b], version: 4),
                           .init(id: [0x37, 0xe3, 0x97, 0xfc, 0x7c, 0x91, 0xf5, 0xe4], version: 1)])
        #expect(v.json.serialized() == text)
        // Old runtimes have no stateVersion.
        var o = try #require(v.json.objectValue)
        o["stateVersion"] = nil
        #expect(try RPCRuntimeVersion(json: .object(o)).stateVersion == nil)
        o["specVersion"] = -1
        #expect(throws: RPCDecodingError.outOfRange(field: "specVersion")) { try RPCRuntimeVersion(json: .object(o)) }
        o["specVersion"] = 1
        o["apis"] = [["0x00", 1]]
        #expect(throws: RPCDecodingError.wrongLength(field: "apis[0][0]", expected: 8, found: 1)) {
            try RPCRuntimeVersion(json: .object(o))
        }
    }
}
