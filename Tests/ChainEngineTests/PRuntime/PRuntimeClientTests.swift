import Attestation
import ChainEngine
import Devnet
import Foundation
import Scale
import SubstrateRPC
import Testing

/// The pRuntime client over loopback (issue 8): against the devnet's
/// simulated pRuntimes in both wire forms, and against a hostile server whose
/// every misbehaviour must become a typed error within the deadline.
@Suite(.serialized)
struct PRuntimeClientTests {
    /// The simulated pRuntimes answer from the devnet actor, which a loaded machine (the whole
    /// suite in parallel on 2 cores) may schedule seconds late: latency is not what is tested here.
    static let patient = PRuntimeClient.Configuration(timeoutSeconds: 60)

    struct Net {
        let node: DevnetNode
        let pruntimes: SimulatedPRuntimeServer
        static func start(noneAttestation: Bool = true) async throws -> Net {
            var c = DevnetConfig()
            c.seed = 3; c.workers = 4; c.pools = 2; c.unregisteredWorkers = 2
            c.noneAttestationEnabled = noneAttestation
            let node = DevnetNode(config: c)
            await node.produceBlocks(5)
            return Net(node: node, pruntimes: try await SimulatedPRuntimeServer.start(node: node))
        }
        func stop() async { await pruntimes.shutdown() }
    }

    @Test func infoReflectsTheSimulatedWorkersHeightsAndRegistration() async throws {
        let net = try await Net.start()
        defer { Task { await net.stop() } }
        let keys = await net.node.workerPublicKeys
        #expect(keys.count == 6)
        let registered = try await PRuntimeClient(url: net.pruntimes.url(worker: 0), configuration: Self.patient).info()
        #expect(registered.initialized && registered.registered && registered.devMode)
        #expect(registered.publicKey == Hex.encode(keys[0], prefix: false))
        #expect(registered.blockNumber == 6 && registered.paraHeaderNumber == 6)  // next to sync after head #5
        let fresh = try await PRuntimeClient(url: net.pruntimes.url(worker: 4), configuration: Self.patient).info()
        #expect(fresh.initialized && !fresh.registered)
        #expect(fresh.publicKey == Hex.encode(keys[4], prefix: false))
        await net.node.produceBlocks(3)
        #expect(try await PRuntimeClient(url: net.pruntimes.url(worker: 4), configuration: Self.patient).info().blockNumber == 9)
    }

    @Test func runtimeInfoIsTheSameInProtobufAndJSON() async throws {
        let net = try await Net.start()
        defer { Task { await net.stop() } }
        let url = net.pruntimes.url(worker: 5)
        let pb = try await PRuntimeClient(url: url, configuration: Self.patient).runtimeInfo()
        let json = try await PRuntimeClient(url: url, configuration: .init(timeoutSeconds: 60, wireFormat: .json)).runtimeInfo()
        #expect(pb == json)
        let material = try RegistrationMaterial(response: pb)
        let keys = await net.node.workerPublicKeys
        #expect(material.workerPublicKey == keys[5])
        #expect(material.isUnattested && material.providerLabel == "null")
        #expect(material.runtimeInfo.paraId == 2004)
        #expect(material.runtimeInfo.operatorAccount == DevAccounts.publicKeys[1])  // worker 5 is meant for pool 1 (Bob's)
        // The operator the caller names is what pRuntime commits to.
        let charlie = try #require(DevAccounts.publicKey("Charlie"))
        let named = try await PRuntimeClient(url: url, configuration: Self.patient).registrationMaterial(operatorAccount: charlie)
        #expect(named.runtimeInfo.operatorAccount == charlie)
        // The dev-mode material passes on a chain that accepts it and is refused on Khala's rules.
        let dev = material.verify(atUnixSeconds: 1, rules: .init(pRuntimeAllowList: [], noneAttestationEnabled: true,
                                                                 paraId: 2004, relayGenesisAllowList: [pb.encodedGenesisBlockHash]))
        #expect(dev.status == .unattested)
        #expect(material.verify(atUnixSeconds: 1, rules: .khala()).status == .refused(.attestation(.noneAttestationDisabled)))
        if case .registerWorkerV2(let info, let att) = material.actionCall {
            #expect(info == material.encodedRuntimeInfo && att == [0])
        } else {
            Issue.record("expected registerWorkerV2")
        }
    }

    @Test func refusalsFromTheSimulatedPRuntimeCarryItsMessage() async throws {
        let net = try await Net.start()
        defer { Task { await net.stop() } }
        do {
            _ = try await PRuntimeClient(url: net.pruntimes.url(worker: 99), configuration: Self.patient).runtimeInfo()
            Issue.record("worker 99 answered")
        } catch {
            guard case .httpStatus(let what, let code, let message) = error else { Issue.record("\(error)"); return }
            #expect(what.hasSuffix("/workers/99 PhactoryAPI.GetRuntimeInfo"))
            #expect(code == 404 && message == "no simulated worker 99")
        }
        do {
            _ = try await PRuntimeClient(url: net.pruntimes.url(worker: 0), configuration: Self.patient).runtimeInfo(operatorAccount: [1, 2, 3])
            Issue.record("a 3-byte operator was accepted")
        } catch {
            guard case .httpStatus(_, let code, let message) = error else { Issue.record("\(error)"); return }
            #expect(code == 400 && message?.contains("32-byte") == true)
        }
    }

    @Test func anOlderPRuntimeWithoutInfoIsAskedThroughPrpcGetInfo() async throws {
        let body = PRuntimeInfo(initialized: true, registered: true, headerNumber: 9, paraHeaderNumber: 5, blockNumber: 5,
                                version: "2.0.1").json.serializedBytes()
        let server = try HostilePRuntime(.byRequest([("POST /prpc/PhactoryAPI.GetInfo?json", HostilePRuntime.http(body))]))
        defer { server.stop() }
        let info = try await PRuntimeClient(url: server.url).info()
        #expect(info.version == "2.0.1" && info.blockNumber == 5 && info.registered)
        // Neither route: the 404 of the second is reported.
        let none = try HostilePRuntime(.byRequest([]))
        defer { none.stop() }
        do {
            _ = try await PRuntimeClient(url: none.url).info()
            Issue.record("no route answered")
        } catch {
            guard case .httpStatus(let what, 404, _) = error else { Issue.record("\(error)"); return }
            #expect(what.hasSuffix("PhactoryAPI.GetInfo"))
        }
    }

    // MARK: hostile pRuntimes

    static func fails(_ behavior: HostilePRuntime.Behavior, timeout: Double = 2, json: Bool = false,
                      call: (PRuntimeClient) async throws(PRuntimeError) -> Void) async throws -> PRuntimeError {
        let server = try HostilePRuntime(behavior)
        defer { server.stop() }
        let client = try PRuntimeClient(url: server.url, configuration: .init(
            timeoutSeconds: timeout, maxInfoBytes: 64 << 10, maxRuntimeInfoBytes: 256 << 10,
            wireFormat: json ? .json : .protobuf))
        do {
            try await call(client)
        } catch {
            return error
        }
        Issue.record("no error from \(behavior)")
        return .invalidURL("-")
    }

    @Test func garbageAndTruncatedAnswersAreMalformedResponses() async throws {
        let garbage = try await Self.fails(.reply(HostilePRuntime.http(Array("{\"initialized\": tru".utf8)))) { c throws(PRuntimeError) in
            _ = try await c.info()
        }
        guard case .malformedResponse(_, .json) = garbage else { Issue.record("\(garbage)"); return }
        let html = try await Self.fails(.reply(HostilePRuntime.http(Array("<html>502</html>".utf8)))) { c throws(PRuntimeError) in
            _ = try await c.info()
        }
        guard case .malformedResponse = html else { Issue.record("\(html)"); return }
        // A valid response cut inside field 1's body.
        let full = InitRuntimeResponse(encodedRuntimeInfo: [UInt8](repeating: 1, count: 151), encodedGenesisBlockHash: [],
                                       encodedPublicKey: [], encodedEcdhPublicKey: [], attestation: nil).protobuf
        let cut = try await Self.fails(.reply(HostilePRuntime.http(contentType: "application/octet-stream", Array(full.prefix(60))))) {
            c throws(PRuntimeError) in _ = try await c.runtimeInfo()
        }
        guard case .malformedResponse(_, .protobuf(_, .truncated)) = cut else { Issue.record("\(cut)"); return }
        // The body is shorter than its Content-Length: the connection closes first.
        let short = try await Self.fails(.reply(HostilePRuntime.http(Array("{}".utf8), contentLength: 500))) { c throws(PRuntimeError) in
            _ = try await c.info()
        }
        #expect(short.isClosed, "\(short)")
        // No attestation yet: a typed refusal, not a crash.
        let noAtt = try await Self.fails(.reply(HostilePRuntime.http(contentType: "application/octet-stream", full))) {
            c throws(PRuntimeError) in _ = try await c.registrationMaterial()
        }
        guard case .noAttestation = noAtt else { Issue.record("\(noAtt)"); return }
    }

    @Test func hugeBodiesAreCutAtTheLimit() async throws {
        let declared = try await Self.fails(.reply(HostilePRuntime.http(Array("{}".utf8), contentLength: 50 << 20))) {
            c throws(PRuntimeError) in _ = try await c.info()
        }
        guard case .responseTooLarge(_, 65_536) = declared else { Issue.record("\(declared)"); return }
        let streamed = try await Self.fails(.endlessBody, timeout: 10) { c throws(PRuntimeError) in _ = try await c.info() }
        guard case .responseTooLarge(_, 65_536) = streamed else { Issue.record("\(streamed)"); return }
    }

    @Test func aStallIsATimeoutWithinTheDeadline() async throws {
        let start = ContinuousClock.now
        let stalled = try await Self.fails(.stall, timeout: 0.5) { c throws(PRuntimeError) in _ = try await c.info() }
        let elapsed = ContinuousClock.now - start
        guard case .timedOut(_, 0.5) = stalled else { Issue.record("\(stalled)"); return }
        #expect(elapsed < .seconds(10), "took \(elapsed)")
    }

    @Test func errorStatusesAndRefusedConnections() async throws {
        let prpc = PrpcErrorMessage(message: "Runtime not initialized").protobuf
        let e500 = try await Self.fails(.reply(HostilePRuntime.http(status: "500 Internal Server Error",
                                                                      contentType: "application/octet-stream", prpc))) {
            c throws(PRuntimeError) in _ = try await c.runtimeInfo()
        }
        guard case .httpStatus(_, 500, "Runtime not initialized") = e500 else { Issue.record("\(e500)"); return }
        // Nothing listens: find a free port by binding and closing one.
        let probe = try HostilePRuntime(.stall)
        let port = probe.port
        probe.stop()
        do {
            _ = try await PRuntimeClient(url: "http://127.0.0.1:\(port)", configuration: .init(timeoutSeconds: 2)).info()
            Issue.record("connected to a closed port")
        } catch {
            guard case .connectFailed = error else { Issue.record("\(error)"); return }
        }
        for bad in ["https://x:8000", "ftp://x", "http://", "http://host:99999", "http://h:1/a?b", "10.0.0.1:8000"] {
            #expect(throws: PRuntimeError.self, "\(bad)") { try PRuntimeEndpoint(url: bad) }
        }
        let e = try PRuntimeEndpoint(url: "http://[::1]:9000/workers/3/")
        #expect(e.host == "::1" && e.port == 9000 && e.path("/info") == "/workers/3/info")
        #expect(try PRuntimeEndpoint(url: "http://10.0.0.5").port == 8000)
    }
}

extension PRuntimeError {
    var isClosed: Bool {
        if case .connectionClosed = self { return true }
        return false
    }
}
