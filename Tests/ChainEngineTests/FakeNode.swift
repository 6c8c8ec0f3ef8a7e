import Devnet
import Foundation
import Scale
import Synchronization
import SubstrateRPC

/// Serves a `FakeChain` over the Devnet JSON-RPC server with the Substrate
/// methods the engine (and py-substrate-interface) use, plus faults a test
/// switches on: stalled calls, silence on the head subscriptions.
final class FakeNode: RPCHandler {
    let chain: FakeChain
    let subs = Mutex<[RPCSubscription]>([])
    /// Calls sleep this long before answering (a stalled node).
    let stallSeconds = Mutex<Double>(0)
    /// Method → number of calls; keys asked through `state_queryStorageAt`.
    let counts = Mutex<[String: Int]>([:])
    let storageKeysRequested = Mutex(0)

    init(chain: FakeChain) { self.chain = chain }

    var subscriptionMethods: [SubscriptionMethod] {
        [SubstrateMethods.newHeads, SubstrateMethods.finalizedHeads, SubstrateMethods.runtimeVersion]
    }

    func count(_ m: String) -> Int { counts.withLock { $0[m] ?? 0 } }

    func versionJSON(_ spec: UInt32) -> JSONValue {
        RPCRuntimeVersion(specName: "khala", implName: "khala", authoringVersion: 1, specVersion: spec, implVersion: 0,
                          apis: [], transactionVersion: 6, stateVersion: 0).json
    }

    func at(_ params: [JSONValue], _ i: Int) throws -> FakeChain.Block {
        if i < params.count, case .string(let s) = params[i] {
            guard let b = chain.block(hash: try RPCHex.decode(s)) else { throw RPCErrorObject(code: 4003, message: "unknown block", data: nil) }
            return b
        }
        guard let h = chain.head else { throw RPCErrorObject(code: 4003, message: "no blocks", data: nil) }
        return h
    }

    func call(method: String, params: JSONValue?, context: RPCCallContext) async throws -> JSONValue {
        counts.withLock { $0[method, default: 0] += 1 }
        let stall = stallSeconds.withLock { $0 }
        if stall > 0 { try await Task.sleep(for: .seconds(stall)) }
        let p = params?.arrayValue ?? []
        switch method {
        case "state_getRuntimeVersion", "chain_getRuntimeVersion":
            return versionJSON(try at(p, 0).spec)
        case "state_getMetadata":
            guard let m = chain.metadata(spec: try at(p, 0).spec) else { throw RPCErrorObject(code: 4004, message: "no metadata", data: nil) }
            return .hex(m)
        case "chain_getFinalizedHead", "chain_getHead":
            return .hex(try at([], 0).hash)
        case "chain_getHeader":
            return try at(p, 0).header.json
        case "chain_getBlockHash":
            if p.isEmpty || p[0].isNull { return .hex(try at([], 0).hash) }
            guard let n = p[0].uint64Value else { throw RPCErrorObject.invalidParams("block number") }
            return chain.block(UInt32(clamping: n)).map { .hex($0.hash) } ?? .null
        case "chain_getBlock":
            let b = try at(p, 0)
            return ["block": ["header": b.header.json, "extrinsics": .array(b.extrinsics.map { .hex($0) })], "justifications": .null]
        case "state_queryStorageAt":
            guard let keys = p.first?.arrayValue else { throw RPCErrorObject.invalidParams("keys") }
            let b = try at(p, 1)
            storageKeysRequested.withLock { $0 += keys.count }
            var changes: [JSONValue] = []
            for k in keys {
                let key = try RPCHex.decode(k.stringValue ?? "")
                changes.append([.hex(key), chain.value(key, at: UInt32(b.header.number)).map { .hex($0) } ?? .null])
            }
            return [["block": .hex(b.hash), "changes": .array(changes)]]
        case "state_getStorage", "state_getStorageAt":
            let key = try RPCHex.decode(p.first?.stringValue ?? "")
            let b = try at(p, 1)
            return chain.value(key, at: UInt32(b.header.number)).map { .hex($0) } ?? .null
        case "state_getKeysPaged", "state_getKeysPagedAt":
            let prefix = try RPCHex.decode(p.first?.stringValue ?? "")
            let count = Int(p.count > 1 ? p[1].uint64Value ?? 100 : 100)
            let start = p.count > 2 ? p[2].stringValue.flatMap { try? RPCHex.decode($0) } : nil
            let b = try at(p, 3)
            var keys = chain.keys(prefix: prefix, at: UInt32(b.header.number))
            if let start { keys = keys.filter { start.lexicographicallyPrecedes($0) } }
            return .array(keys.prefix(count).map { .hex($0) })
        case "system_chain": return "Khala Fake"
        case "system_name": return "fake-node"
        case "system_version": return "0.0.1"
        case "system_properties": return ["ss58Format": 30, "tokenDecimals": 12, "tokenSymbol": "PHA"]
        case "rpc_methods": return ["methods": .array(SubstrateMethods.calls.map { .string($0) })]
        default:
            throw RPCErrorObject.methodNotFound(method)
        }
    }

    func subscribe(_ method: SubscriptionMethod, params: JSONValue?, subscription: RPCSubscription) async throws {
        subs.withLock { $0.append(subscription) }
        if method == SubstrateMethods.runtimeVersion, let h = chain.head {
            subscription.send(versionJSON(h.spec))
        } else if let h = chain.head {
            subscription.send(h.header.json)
        }
    }

    func unsubscribed(_ subscription: RPCSubscription) async {
        subs.withLock { $0.removeAll { $0 === subscription } }
    }

    /// Tells head subscribers about the newest block (and runtime subscribers about an upgrade).
    func announce(runtimeChanged: Bool = false) {
        guard let h = chain.head else { return }
        let list = subs.withLock { $0 }
        for s in list {
            if s.method == SubstrateMethods.runtimeVersion {
                if runtimeChanged { s.send(versionJSON(h.spec)) }
            } else {
                s.send(h.header.json)
            }
        }
    }
}

/// A `FakeNode` on a loopback port that can be stopped and restarted on the same port.
final class FakeNodeServer: @unchecked Sendable {
    let node: FakeNode
    private(set) var server: RPCServer?
    private(set) var port: Int = 0

    init(node: FakeNode) { self.node = node }

    func start() async throws {
        var config = RPCServerConfiguration(port: port, maxResponseBytes: 64 << 20)
        config.port = port
        let s = try await RPCServer.start(handler: node, configuration: config)
        server = s
        port = s.port
    }

    func stop() async {
        await server?.shutdown()
        server = nil
    }

    var url: String { "ws://127.0.0.1:\(port)" }
}
