import ChainCrypto
import Devnet
import Foundation
import SubstrateRPC
import TestSupport
import Testing

/// py-substrate-interface, a real Substrate client we did not write, runs
/// `../shared/tools/rpc_trace.py client` (connect, metadata, storage query,
/// header subscription, extrinsic submit) against our server. The answers
/// are the tool's own canned devnet, dumped once and replayed by a Swift
/// handler, so this tests the transport, not a runtime.
struct SubstrateInterfaceInteropTests {
    static var tools: URL { Fixtures.directory.deletingLastPathComponent().appendingPathComponent("tools") }
    static var available: Bool {
        FileManager.default.fileExists(atPath: tools.appendingPathComponent("rpc_trace.py").path)
            && (ReferencePython.available || ReferencePython.required)
    }

    static let dump = """
    import json, sys
    sys.path.insert(0, sys.argv[1])
    import rpc_trace as t
    d = t.Devnet()
    print(json.dumps({'fixed': d.fixed, 'storage': d.storage, 'methods': d.methods, 'head': t.HEAD,
                      'hashes': [t.block_hash(n) for n in range(t.HEAD + 4)],
                      'headers': [t.header(n) for n in range(t.HEAD + 4)]}))
    """

    /// Serves the canned answers the way rpc_trace's mock does.
    struct ReplayHandler: RPCHandler {
        let canned: JSONValue
        var subscriptionMethods: [SubscriptionMethod] { [SubstrateMethods.newHeads] }

        func call(method: String, params: JSONValue?, context: RPCCallContext) async throws -> JSONValue {
            let p = params?.arrayValue ?? []
            let head = Int(canned["head"]?.int64Value ?? 0)
            if let fixed = canned["fixed"]?[method] { return fixed }
            switch method {
            case "rpc_methods":
                return ["methods": canned["methods"] ?? []]
            case "chain_getBlockHash":
                var n = head
                if let v = p.first, !v.isNull { n = Int(try v.numberOrHex(field: "block number")) }
                return canned["hashes"]?[n] ?? .null
            case "chain_getHeader":
                let hashes = canned["hashes"]?.arrayValue ?? []
                let n = hashes.prefix(head + 1).firstIndex { $0 == p.first } ?? head
                return canned["headers"]?[n] ?? .null
            case "state_getStorage", "state_getStorageAt":
                guard let key = p.first?.stringValue else { throw RPCErrorObject.invalidParams("expected a key") }
                return canned["storage"]?[key] ?? .null
            case "author_submitExtrinsic":
                return .hex(blake2_256(try (p.first ?? .null).hexBytes(field: "extrinsic")))
            default:
                throw RPCErrorObject.methodNotFound(method)
            }
        }

        func subscribe(_ method: SubscriptionMethod, params: JSONValue?, subscription: RPCSubscription) async throws {
            let head = Int(canned["head"]?.int64Value ?? 0)
            for n in (head + 1)...(head + 3) { subscription.send(canned["headers"]?[n] ?? .null) }
        }
    }

    @Test(.enabled(if: available, "needs ../shared/tools and the reference Python venv"))
    func rpcTraceClientRunsCleanAgainstOurServer() async throws {
        let toolsPath = Self.tools.path
        let dumped = try await offPool { try ReferencePython.run(Self.dump, arguments: [toolsPath]) }
        let canned = try JSONParser.parse(dumped.trimmingCharacters(in: .whitespacesAndNewlines))
        let server = try await RPCServer.start(handler: ReplayHandler(canned: canned))
        defer { Task { await server.shutdown() } }
        let script = "import runpy, sys; sys.argv = ['rpc_trace.py', 'client', sys.argv[1]]; sys.path.insert(0, '\(toolsPath)'); "
            + "runpy.run_path('\(toolsPath)/rpc_trace.py', run_name='__main__')"
        let url = server.webSocketURL
        let output = try await offPool { try ReferencePython.run(script, arguments: [url]) }
        #expect(output.contains("== (connected)"))
        // Our three heads arrive back to back; the client may take a third before it stops.
        #expect(output.contains("heads: [43, 44"), "\(output)")
        #expect(output.contains("submit: 0x"))
        #expect(output.contains("== done"))
        #expect(server.stats.subscriptionsOpened >= 1)
    }
}
