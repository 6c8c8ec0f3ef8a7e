import ChainEngine
import Devnet
import SubstrateRPC

/// A small handler for transport tests: echo, arithmetic, big results,
/// errors, slow calls, and subscriptions the test can push through.
final class TestRPCHandler: RPCHandler {
    let registry = SubscriptionRegistry()

    var subscriptionMethods: [SubscriptionMethod] {
        [SubstrateMethods.newHeads, SubstrateMethods.runtimeVersion, SubstrateMethods.finalizedHeads]
    }

    struct Boom: Error {}

    func call(method: String, params: JSONValue?, context: RPCCallContext) async throws -> JSONValue {
        let args = params?.arrayValue ?? []
        switch method {
        case "echo":
            return params ?? .null
        case "add":
            var sum: Int64 = 0
            for a in args {
                guard let v = a.int64Value else { throw RPCErrorObject.invalidParams("add takes integers") }
                sum += v
            }
            return .int(sum)
        case "big":
            guard let n = args.first?.int64Value, n >= 0, n <= 64 << 20 else { throw RPCErrorObject.invalidParams("big takes a size") }
            return .string(TestRPCHandler.bigString(Int(n)))
        case "fail":
            throw RPCErrorObject(code: 4242, message: "refused", data: "why")
        case "boom":
            throw Boom()
        case "sleep":
            let ms = args.first?.int64Value ?? 0
            try await Task.sleep(for: .milliseconds(ms))
            return "slept"
        case "push":
            // [value, times]: sends `value` `times` times to every subscription.
            let times = args.count > 1 ? Int(args[1].int64Value ?? 1) : 1
            return .int(Int64(await registry.pushAll(args.first ?? .null, times: times)))
        case "connection":
            return .uint(context.connectionID)
        default:
            throw RPCErrorObject.methodNotFound(method)
        }
    }

    func subscribe(_ method: SubscriptionMethod, params: JSONValue?, subscription: RPCSubscription) async throws {
        if let first = params?.arrayValue?.first, first == "refuse" {
            throw RPCErrorObject.invalidParams("refused on request")
        }
        await registry.add(subscription)
        if method == SubstrateMethods.runtimeVersion {
            // Sent before the subscribe response exists: the server must hold it until after.
            subscription.send(["specVersion": 1251])
        }
        if let first = params?.arrayValue?.first, first == "finishNow" {
            // A whole short life before the id is out (as a watched extrinsic that is
            // included and finalized at once): every status must still arrive, then the end.
            subscription.send("ready")
            subscription.send(["finalized": "0x01"])
            subscription.close()
        }
    }

    func unsubscribed(_ subscription: RPCSubscription) async {
        await registry.remove(subscription)
    }

    func connectionClosed(_ connectionID: UInt64) async {
        await registry.noteClosed(connectionID)
    }

    /// Deterministic hex-like content of exactly `n` bytes.
    static func bigString(_ n: Int) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes = [UInt8](repeating: 0, count: n)
        var x: UInt32 = 2_463_534_242
        for i in 0..<n {
            x ^= x << 13; x ^= x >> 17; x ^= x << 5
            bytes[i] = digits[Int(x & 15)]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

actor SubscriptionRegistry {
    private(set) var subscriptions: [RPCSubscription] = []
    private(set) var closedConnections: [UInt64] = []

    func add(_ s: RPCSubscription) { subscriptions.append(s) }
    func remove(_ s: RPCSubscription) { subscriptions.removeAll { $0 === s } }
    func noteClosed(_ id: UInt64) { closedConnections.append(id) }
    var count: Int { subscriptions.count }

    func pushAll(_ value: JSONValue, times: Int) -> Int {
        for _ in 0..<times { for s in subscriptions { s.send(value) } }
        return subscriptions.count
    }
}

/// Polls `condition` until true or the deadline passes (for effects on the server side).
/// Generous by default: returns as soon as the condition holds, and the full
/// suite can starve the two-core pool for a long while.
func eventually(within seconds: Double = 60, _ condition: () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return await condition()
}

/// Starts a server with the test handler and a connected client.
func makePair(server config: RPCServerConfiguration = RPCServerConfiguration(),
              client clientConfig: RPCClientConfiguration = .init()) async throws -> (RPCServer, TestRPCHandler, RPCClient) {
    let handler = TestRPCHandler()
    let server = try await RPCServer.start(handler: handler, configuration: config)
    let client = RPCClient(configuration: clientConfig)
    try await client.connect(url: server.webSocketURL)
    return (server, handler, client)
}
