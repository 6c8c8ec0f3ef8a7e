import Dashboard
import MiningCore
import Testing

/// The rules the live dashboard's `EnginePump` follows (through
/// `EngineBatcher`): one message per block, chunks of `maxBatch` during a
/// full load, the finalized block after its observations, repeated
/// connection states dropped, nothing lost when the stream ends.
@Suite struct EngineBatcherTests {
    static func block(_ n: UInt32) -> Observation { .blockObserved(number: n, hash: nil, timestampMs: UInt64(n) * 12_000) }

    /// A compact text form of messages, for readable expectations.
    static func describe(_ msgs: [Msg]) -> [String] {
        msgs.map { msg in
            switch msg {
            case .observationsArrived(let os, let atMs):
                let blocks = os.compactMap { o -> UInt32? in
                    if case .blockObserved(let n, _, _) = o { return n }
                    return nil
                }
                return "obs\(os.count)@\(atMs)" + (blocks.isEmpty ? "" : " blocks \(blocks.map(String.init).joined(separator: ","))")
            case .finalizedBlockObserved(let n): return "final \(n)"
            case .connectionChanged(let c): return "conn \(c)"
            default: return "other"
            }
        }
    }

    @Test func oneMessagePerBlockThenTheFinalizedBlock() {
        var b = EngineBatcher(followsFinalized: true)
        var out: [Msg] = []
        out += b.handle(.observation(Self.block(5)), nowMs: 1)
        out += b.handle(.observation(.onlineWorkersChanged(10)), nowMs: 2)
        #expect(out.isEmpty && b.pendingCount == 2)
        out += b.handle(.blockProcessed(5), nowMs: 3)
        out += b.handle(.observation(Self.block(6)), nowMs: 4)
        out += b.handle(.blockProcessed(6), nowMs: 5)
        #expect(Self.describe(out) == ["obs2@3 blocks 5", "final 5", "obs1@5 blocks 6", "final 6"])
        #expect(b.pendingCount == 0)
    }

    @Test func followingBestBlocksPostsNoFinalizedBlock() {
        var b = EngineBatcher(followsFinalized: false)
        let out = b.handle(.observation(Self.block(9)), nowMs: 1) + b.handle(.blockProcessed(9), nowMs: 2)
            + b.handle(.blockProcessed(10), nowMs: 3)
        // An empty block posts nothing at all.
        #expect(Self.describe(out) == ["obs1@2 blocks 9"])
    }

    @Test func aFullLoadIsSplitIntoChunks() {
        var b = EngineBatcher(followsFinalized: true, maxBatch: 4)
        var out: [Msg] = []
        for i in 0..<10 { out += b.handle(.observation(.onlineWorkersChanged(UInt32(i))), nowMs: UInt64(i)) }
        out += b.handle(.flush, nowMs: 100)
        #expect(Self.describe(out) == ["obs4@3", "obs4@7", "obs2@100"])
        // Every observation arrives once, in order.
        var seen: [UInt32] = []
        for case .observationsArrived(let os, _) in out {
            for case .onlineWorkersChanged(let n) in os { seen.append(n) }
        }
        #expect(seen == Array(0..<10))
        #expect(EngineBatcher(followsFinalized: true, maxBatch: 0).maxBatch == 1)
    }

    @Test func connectionChangesFlushFirstAndRepeatsAreDropped() {
        var b = EngineBatcher(followsFinalized: true)
        var out: [Msg] = []
        out += b.handle(.connection(.connecting(endpoint: "ws://a")), nowMs: 1)
        out += b.handle(.observation(Self.block(1)), nowMs: 2)
        out += b.handle(.connection(.connected(endpoint: "ws://a")), nowMs: 3)
        out += b.handle(.connection(.connected(endpoint: "ws://a")), nowMs: 4)
        out += b.handle(.connection(.connected(endpoint: "ws://b")), nowMs: 5)
        #expect(Self.describe(out) == ["conn connecting(endpoint: \"ws://a\")", "obs1@3 blocks 1", "conn connected(endpoint: \"ws://a\")",
                                       "conn connected(endpoint: \"ws://b\")"])
    }

    @Test func theEndOfTheStreamLosesNothing() {
        var b = EngineBatcher(followsFinalized: true)
        _ = b.handle(.observation(Self.block(3)), nowMs: 1)
        #expect(Self.describe(b.flush(nowMs: 9)) == ["obs1@9 blocks 3"])
        #expect(b.flush(nowMs: 10).isEmpty)
        #expect(b.handle(.flush, nowMs: 11).isEmpty)
    }
}
