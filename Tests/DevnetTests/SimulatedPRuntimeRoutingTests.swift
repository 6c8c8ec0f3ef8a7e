import SubstrateRPC
import Testing
@testable import Devnet

/// How a simulated pRuntime answers odd requests (issue 8): the real
/// pRuntime's status codes and prpc error bodies, never a crash.
struct SimulatedPRuntimeRoutingTests {
    static func node() async -> DevnetNode {
        var c = DevnetConfig()
        c.seed = 2; c.workers = 2; c.pools = 1; c.unregisteredWorkers = 1
        return DevnetNode(config: c)
    }

    @Test func routesAndRefusals() async throws {
        let node = await Self.node()
        func ask(_ method: String, _ uri: String, _ body: [UInt8] = [], type: String? = nil,
                 tooLarge: Bool = false) async -> SimulatedPRuntimeRequest.Reply {
            await SimulatedPRuntimeRequest(methodName: method, uri: uri, contentType: type, body: body, tooLarge: tooLarge)
                .answer(node: node)
        }
        let info = await ask("GET", "/workers/2/info")
        #expect(info.statusCode == 200 && info.contentType == "application/json")
        #expect(try PRuntimeInfo(json: info.body).registered == false)
        let pb = await ask("POST", "/workers/2/prpc/PhactoryAPI.GetRuntimeInfo")
        #expect(pb.statusCode == 200 && pb.contentType == "application/octet-stream")
        #expect(try InitRuntimeResponse(protobuf: pb.body).attestation?.encodedReport == [0])
        let json = await ask("POST", "/workers/2/prpc/PhactoryAPI.GetRuntimeInfo?json", Array("{}".utf8))
        #expect(try InitRuntimeResponse(json: json.body) == InitRuntimeResponse(protobuf: pb.body))
        let byType = await ask("POST", "/workers/2/prpc/PhactoryAPI.GetRuntimeInfo", Array("{}".utf8), type: "application/json")
        #expect(byType.contentType == "application/json")

        let getInfo = await ask("POST", "/workers/2/prpc/PhactoryAPI.GetInfo?json", Array("{}".utf8))
        #expect(getInfo.statusCode == 200 && getInfo.body == info.body)
        #expect(await ask("POST", "/workers/2/prpc/PhactoryAPI.GetInfo").statusCode == 400)

        let cases: [(String, String, [UInt8], String?, Bool, Int)] = [
            ("GET", "/info", [], nil, false, 404),                                        // no worker prefix
            ("GET", "/workers/x/info", [], nil, false, 404),
            ("GET", "/workers/9/info", [], nil, false, 404),
            ("POST", "/workers/0/info", [], nil, false, 405),
            ("GET", "/workers/0/prpc/PhactoryAPI.GetRuntimeInfo", [], nil, false, 405),
            ("POST", "/workers/0/prpc/PhactoryAPI.Stop", [], nil, false, 404),
            ("POST", "/workers/0/prpc/PhactoryAPI.GetRuntimeInfo", [0x0b], nil, false, 400),   // wire type 3
            ("POST", "/workers/0/prpc/PhactoryAPI.GetRuntimeInfo?json", Array("{\"force_refresh_ra\":1}".utf8), nil, false, 400),
            ("POST", "/workers/0/prpc/PhactoryAPI.GetRuntimeInfo", [0x12, 0x02, 1, 2], nil, false, 400),  // 2-byte operator
            ("POST", "/workers/0/prpc/PhactoryAPI.GetRuntimeInfo", [], nil, true, 413),
        ]
        for (method, uri, body, type, tooLarge, code) in cases {
            let r = await ask(method, uri, body, type: type, tooLarge: tooLarge)
            #expect(r.statusCode == code, "\(method) \(uri)")
            #expect(PrpcErrorMessage.decode(r.body) != nil, "\(method) \(uri): error body")
        }
    }
}
