import ChainCrypto
import Devnet
import MiningCore
import SubstrateRPC
import Testing
@testable import ChainEngine

/// Watched storage that changes without an event the engine follows is still
/// read per block (issue 6 "Per block ... the changed storage of watched
/// items"): a pool owner's gas balance moves with every fee it pays and every
/// transfer (only `Balances`/`TransactionPayment` events, PROTOCOL.md §3), and
/// a pool account's W-PHA with any `Assets.transfer` to it. The engine reads
/// those keys in each block's `state_queryStorageAt` batch.
@Suite(.serialized)
struct PoolBalanceTests {
    @Test func ownerGasBalanceFollowsAFeeInTheSameBlock() async throws {
        let devnet = DevnetServer(DevnetEngineTests.config(workers: 4, pools: 2, seed: 13))
        try await devnet.start()
        defer { Task { await devnet.stop() } }
        await devnet.node.produceBlocks(2)
        let workers = try await devnet.node.workerPublicKeys.map { try WorkerKey($0) }
        let alice = try AccountID(try #require(DevAccounts.publicKey("Alice")))
        let probe = EngineProbe()
        // No periodic reconcile: only the per-block reads can see the fee.
        let engine = ChainEngine(configuration: testConfiguration([devnet.url], pools: [0], workers: workers))
        let consumer = probe.consume(engine)
        await engine.start()
        #expect(await probe.wait { $0.loads == 1 && $0.fleet.gasBalances[alice] != nil })
        let before = try #require(probe.read { $0.fleet.gasBalances[alice] })
        var head = await devnet.node.produceBlocks(2)
        #expect(await probe.wait { $0.processed == head })
        #expect(probe.read { $0.fleet.gasBalances[alice] } == before, "nothing moved yet")

        let rpc = RPCClient()
        try await rpc.connect(url: devnet.url)
        let prepared = try await ExtrinsicClient(client: rpc, timeoutSeconds: 10)
            .prepare(try RuntimeUpgradeTests.refusedRegistration(), signer: try KeyPair(secretURI: "//Alice"))
        _ = try await rpc.call(SubstrateMethods.authorSubmitExtrinsic, params: [.hex(prepared.extrinsic.bytes)])
        await rpc.disconnect()
        head = await devnet.node.produceBlocks(1)
        #expect(await probe.wait { $0.processed == head })
        let fee = DevnetChain.partialFee(length: prepared.extrinsic.bytes.count)
        #expect(probe.read { $0.fleet.gasBalances[alice] } == before - fee)
        // Emitted while processing that block, before its `blockProcessed`.
        let order = probe.read { s in
            s.events.compactMap { e -> String? in
                switch e {
                case .observation(.gasBalanceChanged(let a, _)) where a == alice: return "gas"
                case .blockProcessed(let n) where n >= head - 1: return "block \(n)"
                default: return nil
                }
            }
        }
        #expect(order.suffix(3) == ["block \(head - 1)", "gas", "block \(head)"], "\(order)")
        await engine.stop()
        await consumer.value
    }
}
