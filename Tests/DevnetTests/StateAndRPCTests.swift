import Scale
import SubstrateRPC
import Synchronization
import Testing
@testable import Devnet

/// Reads at past blocks, pruning ("State already discarded"), bounded
/// memory over many blocks, keys paging, hashes as a node computes them,
/// and the JSON-RPC error paths (issue 5).
@Suite struct StateAndRPCTests {
    static func node(depth: Int = 16, keep: Int = 32, workers: Int = 4) -> DevnetNode {
        var c = DevnetConfig()
        c.workers = workers
        c.stateDepthBlocks = depth
        c.keepBlocks = keep
        return DevnetNode(config: c)
    }

    @Test func pastStateReadsAndPruning() async throws {
        let node = Self.node()
        let rpc = try await RPCTestClient(node: node)
        await node.produceBlocks(3)
        let hash3 = try await rpc.headHash()
        let numberKey = JSONValue.hex(DevnetKeys.number)
        await node.produceBlocks(5)
        #expect(try await rpc.call("state_getStorage", [numberKey]).hexBytes() == scaleEncoded(UInt32(8)))
        #expect(try await rpc.call("state_getStorage", [numberKey, .hex(hash3)]).hexBytes() == scaleEncoded(UInt32(3)))
        let q = try await rpc.call("state_queryStorageAt", [.array([numberKey, .hex(DevnetKeys.timestampNow)]), .hex(hash3)])
        #expect(q[0]?["block"] == .hex(hash3))
        #expect(try q[0]?["changes"]?[0]?[1]?.hexBytes() == scaleEncoded(UInt32(3)))
        // Block hash = blake2_256(SCALE header); parent links hold.
        let header = try await rpc.call("chain_getHeader", [.hex(hash3)])
        let parsed = try RPCHeader(json: header)
        let block3 = try #require(await node.withChain { $0.block(number: 3) })
        #expect(block3.header.hash == hash3 && parsed.number == 3)
        #expect(try await rpc.call("chain_getBlockHash", [3]).hexBytes() == hash3)
        // Beyond the state depth: the error a pruned node gives.
        await node.produceBlocks(20)
        await #expect(throws: RPCErrorObject.self) { try await rpc.call("state_getStorage", [numberKey, .hex(hash3)]) }
        do {
            _ = try await rpc.call("state_getStorage", [numberKey, .hex(hash3)])
        } catch let e as RPCErrorObject {
            #expect(e.message.contains("State already discarded"))
        }
        // Unknown hash, unknown method, bad params: errors, not crashes.
        await #expect(throws: RPCErrorObject.self) {
            try await rpc.call("state_getStorage", [numberKey, .hex([UInt8](repeating: 1, count: 32))])
        }
        await #expect(throws: RPCErrorObject.self) { try await rpc.call("no_such_method") }
        await #expect(throws: RPCErrorObject.self) { try await rpc.call("state_getStorage", ["0xzz"]) }
        await #expect(throws: RPCErrorObject.self) { try await rpc.call("author_submitExtrinsic", ["0x0102"]) }
        #expect(try await rpc.call("chain_getHeader", [.hex([UInt8](repeating: 3, count: 32))]) == .null)
    }

    @Test func keysPagedInKeyOrder() async throws {
        let node = Self.node(depth: 64, workers: 12)
        let rpc = try await RPCTestClient(node: node)
        let prefix = JSONValue.hex(StorageKeyPrefix.workers)
        var all: [[UInt8]] = []
        var start: JSONValue = .null
        while true {
            let page = try await rpc.call("state_getKeysPaged", [prefix, 5, start]).arrayValue ?? []
            all += try page.map { try $0.hexBytes() }
            guard page.count == 5, let last = page.last else { break }
            start = last
        }
        #expect(all.count == 12)
        #expect(all == all.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(Set(all).count == 12)
    }

    @Test func memoryStaysBoundedOverADayOfBlocks() async throws {
        let node = Self.node(depth: 64, keep: 128, workers: 20)
        await node.produceBlocks(7200)  // a day of 12 s blocks
        let (journals, blocks, pool, scheduled) = await node.withChain {
            ($0.state.storage.journalCount, $0.blocks.count, $0.txPool.count, $0.scheduledAnswers.count)
        }
        #expect(journals <= 64)
        #expect(blocks <= 128)
        #expect(pool == 0)
        #expect(scheduled <= 8)
        #expect(await node.withChain { $0.block(number: 0) } != nil, "genesis is kept")
        #expect(await node.withChain { $0.block(number: 100) } == nil, "old blocks are pruned")
    }

    @Test func subscriptionsGetHeadsStorageAndRuntimeVersion() async throws {
        let node = Self.node()
        let received = ReceivedBox()
        func sub(_ m: SubscriptionMethod, _ params: JSONValue?) -> RPCSubscription {
            RPCSubscription(id: .string("s\(m.subscribe)"), method: m, connectionID: 1, params: params,
                            sink: { _, bytes in received.append(m.notification, bytes) }, closer: { _ in })
        }
        try await node.subscribe(SubstrateMethods.newHeads, params: nil, subscription: sub(SubstrateMethods.newHeads, nil))
        try await node.subscribe(SubstrateMethods.runtimeVersion, params: nil,
                                 subscription: sub(SubstrateMethods.runtimeVersion, nil))
        let keys: JSONValue = [.array([.hex(DevnetKeys.number)])]
        try await node.subscribe(SubstrateMethods.storage, params: keys, subscription: sub(SubstrateMethods.storage, keys))
        await node.produceBlocks(3)
        #expect(received.count("chain_newHead") == 4)  // the current head, then 3 new ones
        #expect(received.count("state_runtimeVersion") == 1)
        #expect(received.count("state_storage") == 4)
    }
}

/// Collects notifications from the subscription sink (called synchronously).
final class ReceivedBox: @unchecked Sendable {
    private var items: [(String, [UInt8])] = []
    private let lock = NSLockLike()
    func append(_ method: String, _ bytes: [UInt8]) { lock.locked { items.append((method, bytes)) } }
    func count(_ method: String) -> Int { lock.locked { items.filter { $0.0 == method }.count } }
}

final class NSLockLike: Sendable {
    let m = Mutex(())
    func locked<T>(_ body: () -> T) -> T { m.withLock { _ in body() } }
}

enum StorageKeyPrefix {
    static let workers = DevnetKeys.plain("PhalaRegistry", "Workers")
}
