import ChainCrypto
import Scale
import SubstrateRPC
import Testing
@testable import Devnet

/// Issue 5 "must show": a seeded scenario with one worker taken offline shows,
/// block by block and read through JSON-RPC, the challenge that hits it, the
/// missed deadline, `WorkerEnterUnresponsive`, V decaying by `slash_rate` per
/// block, and on its return `WorkerExitUnresponsive`. The hit is recomputed
/// here from the challenge in `OutboundMessages` (PROTOCOL.md §4.1-§4.4).
@Suite struct HeartbeatScenarioTests {
    static let window: UInt32 = 10
    static let backAt: UInt32 = 1200

    static func config() -> DevnetConfig {
        var c = DevnetConfig()
        c.seed = 42
        c.workers = 6
        c.pools = 2
        c.heartbeatWindowBlocks = window
        c.faults.offlineWorker = OfflineWorker(workerIndex: 0, fromBlock: 5, untilBlock: backAt)
        return c
    }

    /// `x = BE(blake2_256(pubkey)) XOR seed ≤ target`, from the message payload (U256s little-endian).
    static func hits(payload: [UInt8], pubkey: [UInt8]) -> Bool {
        guard payload.count == 65, payload[0] == 1 else { return false }
        let seed = Array(payload[1..<33].reversed()), target = Array(payload[33..<65].reversed())
        let x = zip(blake2_256(pubkey), seed).map { $0 ^ $1 }
        return !target.lexicographicallyPrecedes(x)
    }

    @Test func offlineWorkerGoesUnresponsiveDecaysAndRecovers() async throws {
        let node = DevnetNode(config: Self.config())
        let rpc = try await RPCTestClient(node: node)
        let worker = try await node.withChain { $0.workerPublicKeys[0] }
        let session = try #require(try await rpc.storage("PhalaComputation", "WorkerBindings",
                                                          key: DevnetKeys.workerBinding(worker))?.byteArray)
        let sessionKey = DevnetKeys.session(session)
        let slash = TokenomicParameters.value(TokenomicParameters.genesis(heartbeatWindowBlocks: Self.window).slashRate)

        var firstMissed: UInt32?
        var enteredAt: UInt32?
        var exitedAt: UInt32?
        var lastV: Double?
        var decaySteps = 0
        for _ in 1...(Self.backAt + 40) {
            let n = await node.produceBlocks(1)
            let head = try await rpc.headHash()
            let events = try await rpc.events(block: head).filter { $0.fields.first?.value.byteArray == session }
            let info = try #require(try await rpc.storage("PhalaComputation", "Sessions", key: sessionKey, block: head))
            let state = info[field: "state"]?.variantName
            let v = TokenomicParameters.value(try #require(info[field: "v"]?.uint))
            if firstMissed == nil, n >= 5,
               let outbound = try await rpc.storage("PhalaMq", "OutboundMessages", key: DevnetKeys.outboundMessages, block: head),
               let payload = outbound.elements.first?[field: "payload"]?.byteArray,
               Self.hits(payload: payload, pubkey: worker) {
                firstMissed = n
            }
            if events.contains(where: { $0.name == "WorkerEnterUnresponsive" }) {
                #expect(enteredAt == nil)
                enteredAt = n
                #expect(state == "WorkerUnresponsive")
            }
            if let entered = enteredAt, n > entered, exitedAt == nil, state == "WorkerUnresponsive", let last = lastV {
                // V −= V·slash_rate each block while unresponsive (U64F64 rounding aside).
                #expect(abs(v - (last - last * slash)) <= last * 1e-12, "block \(n)")
                decaySteps += 1
            }
            if events.contains(where: { $0.name == "WorkerExitUnresponsive" }) {
                exitedAt = n
                #expect(state == "WorkerIdle")
                #expect(events.contains { $0.name == "BenchmarkUpdated" }, "the recovering heartbeat is in the block")
            }
            lastV = v
            if exitedAt != nil { break }
        }
        let missed = try #require(firstMissed, "the offline worker was challenged before it came back")
        let entered = try #require(enteredAt)
        #expect(entered == missed + Self.window + 1, "unresponsive once more than heartbeat_window blocks passed")
        let exited = try #require(exitedAt)
        #expect(exited > Self.backAt && exited <= Self.backAt + 4)
        #expect(decaySteps >= Int(exited - entered) - 2)
    }

    @Test func sameSeedSameChain() async throws {
        let a = DevnetNode(config: Self.config()), b = DevnetNode(config: Self.config())
        await a.produceBlocks(60)
        await b.produceBlocks(60)
        let ha = await a.withChain { $0.head.hash }, hb = await b.withChain { $0.head.hash }
        #expect(ha == hb)
        var other = Self.config()
        other.seed = 43
        let c = DevnetNode(config: other)
        await c.produceBlocks(60)
        #expect(await c.withChain { $0.head.hash } != ha)
    }
}
