import MiningCore
import Scale
import Testing
import TestSupport
@testable import ChainEngine

/// The typed paths for a block's event records and heartbeat extrinsics
/// (`FastEvents`, `FastMessages`, `DynamicCodec.skip`) give exactly what the
/// metadata-driven path gives on the real Khala 1251 metadata (observations,
/// refresh hints, failures, issues), are actually taken there, and step aside
/// (dynamic decoding) when the metadata's types differ or a value is malformed
/// (issue 6: CPU per followed block).
@Suite(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
struct FastEventsMessagesTests {
    let s: ChainSamples
    let dynamic: ChainDecoder

    init() throws {
        s = try ChainSamples.khala()
        dynamic = ChainDecoder(metadata: s.metadata, specVersion: 1251, fastPaths: false)
    }

    func kind(_ d: ChainDecoder, _ pallet: String, _ event: String) throws -> FastEvents.Kind {
        let fe = try #require(d.fastEvents)
        let p = try #require(s.metadata.pallet(named: pallet))
        guard case .variant(let vs)? = s.metadata.registry[try #require(p.eventType)]?.def,
              let v = vs.first(where: { $0.name == event }) else { throw ValueShapeError.missingMetadata("\(pallet).\(event)") }
        return fe.kind(pallet: p.index, event: v.index)
    }

    @Test func the1251MetadataHasTheTypedPaths() throws {
        #expect(s.decoder.fastMessages != nil && s.decoder.fastEvents != nil)
        #expect(dynamic.fastMessages == nil && dynamic.fastEvents == nil)
        #expect(try kind(s.decoder, "PhalaComputation", "SessionSettled") == .sessionSettled)
        #expect(try kind(s.decoder, "PhalaComputation", "BenchmarkUpdated") == .benchmarkUpdated)
        #expect(try kind(s.decoder, "PhalaStakePoolv2", "RewardReceived") == .rewardReceived)
        #expect(try kind(s.decoder, "System", "ExtrinsicSuccess") == .skip)
        #expect(try kind(s.decoder, "Balances", "Transfer") == .skip)
        #expect(try kind(s.decoder, "System", "ExtrinsicFailed") == .dynamic)
        #expect(try kind(s.decoder, "System", "CodeUpdated") == .dynamic)
        #expect(try kind(s.decoder, "PhalaComputation", "WorkerStarted") == .dynamic)
    }

    func sampleEvents(watched: AccountID, other: AccountID, worker: WorkerKey) throws -> [UInt8] {
        return try s.events([
            ("System", "ExtrinsicSuccess", [:]),
            ("PhalaComputation", "SessionSettled", ["session": ChainSamples.key(watched.raw), "v_bits": ChainSamples.u(UInt128(77) << 60 | 5), "payout_bits": ChainSamples.u(UInt128(3) << 62)]),
            ("PhalaComputation", "SessionSettled", ["session": ChainSamples.key(other.raw), "v_bits": ChainSamples.u(1 as UInt128), "payout_bits": ChainSamples.u(2 as UInt128)]),
            ("PhalaComputation", "BenchmarkUpdated", ["session": ChainSamples.key(watched.raw), "p_instant": ChainSamples.u(2999 as UInt32)]),
            ("PhalaComputation", "BenchmarkUpdated", ["session": ChainSamples.key(other.raw), "p_instant": ChainSamples.u(1 as UInt32)]),
            ("PhalaStakePoolv2", "RewardReceived", ["pid": ChainSamples.u(3 as UInt64), "to_owner": ChainSamples.u(5 as UInt128), "to_stakers": ChainSamples.u(6 as UInt128)]),
            ("PhalaStakePoolv2", "RewardReceived", ["pid": ChainSamples.u(4 as UInt64), "to_owner": ChainSamples.u(5 as UInt128), "to_stakers": ChainSamples.u(6 as UInt128)]),
            ("PhalaComputation", "WorkerStarted", ["session": ChainSamples.key(watched.raw), "init_v": ChainSamples.u(UInt128(9) << 64), "init_p": ChainSamples.u(3000 as UInt32)]),
            ("PhalaComputation", "WorkerEnterUnresponsive", ["session": ChainSamples.key(watched.raw)]),
            ("PhalaComputation", "SessionBound", ["session": ChainSamples.key(watched.raw), "worker": ChainSamples.key(worker.raw)]),
            ("Balances", "Endowed", [:]),
            ("System", "ExtrinsicFailed", ["dispatch_error": s.variant(25, "Module", positional: [
                s.build(26, ["index": ChainSamples.u(93 as UInt8), "error": .bytes([0, 0, 0, 0])])])]),
            ("System", "CodeUpdated", [:]),
            ("System", "ExtrinsicSuccess", [:]),
        ])
    }

    func same(_ a: BlockEvents, _ b: BlockEvents) {
        #expect(a.observations == b.observations)
        #expect(a.refresh == b.refresh)
        #expect(a.failures == b.failures)
        #expect(a.issues == b.issues)
        #expect(a.eventCount == b.eventCount && a.codeUpdated == b.codeUpdated)
    }

    @Test func eventsFastEqualsDynamic() throws {
        let session = TestKeys.account(50), other = TestKeys.account(51), w = TestKeys.worker(1)
        let bytes = try sampleEvents(watched: session, other: other, worker: w)
        let watch = WatchFilter(workers: [w], sessions: [session], pools: [3])
        let fast = s.decoder.blockEvents(bytes, block: 90, watch: watch)
        let slow = dynamic.blockEvents(bytes, block: 90, watch: watch)
        same(fast, slow)
        #expect(fast.issues.isEmpty, "\(fast.issues)")
        #expect(fast.observations.contains(.sessionSettled(session: session, v: U64F64(bits: UInt128(77) << 60 | 5),
                                                            payout: U64F64(bits: UInt128(3) << 62), block: 90)))
        #expect(fast.refresh.pools == [3] && fast.refresh.sessionValues.contains(session) && fast.codeUpdated)
        #expect(fast.failures.count == 1)
        // The typed reader handles the records it knows, without falling back.
        let fe = try #require(s.decoder.fastEvents)
        var d = ScaleDecoder(bytes)
        let count = try d.decodeCompactLength()
        var handled = 0
        var scratch = BlockEvents()
        for _ in 0..<count {
            if s.decoder.fastRecord(fe, &d, block: 90, watch: watch, into: &scratch) {
                handled += 1
            } else {
                _ = try s.codec.decode(type: fe.phaseType, from: &d)
                try s.codec.skip(type: fe.eventType, from: &d)
                try s.codec.skip(type: fe.topicsType, from: &d)
            }
        }
        #expect(d.isAtEnd)
        #expect(handled == 9, "2 ExtrinsicSuccess, 4 settled/benchmark, 2 rewards, Endowed")
        // Nothing watched: the same again.
        same(s.decoder.blockEvents(bytes, block: 90, watch: WatchFilter(workers: [], sessions: [], pools: [])),
             dynamic.blockEvents(bytes, block: 90, watch: WatchFilter(workers: [], sessions: [], pools: [])))
    }

    /// Truncated or corrupted records: the walk stops with the dynamic path's own issue.
    @Test func malformedEventsReportTheDynamicIssue() throws {
        let session = TestKeys.account(50)
        let bytes = try sampleEvents(watched: session, other: TestKeys.account(51), worker: TestKeys.worker(1))
        let watch = WatchFilter(workers: [], sessions: [session], pools: [3])
        var cuts = [1, 2, 5, 20, 40, 60, 100, 150, bytes.count - 1]
        cuts += stride(from: 3, to: bytes.count, by: 7)
        for n in cuts where n < bytes.count {
            let cut = Array(bytes.prefix(n))
            same(s.decoder.blockEvents(cut, block: 1, watch: watch), dynamic.blockEvents(cut, block: 1, watch: watch))
        }
        var corrupt = bytes
        for i in stride(from: 1, to: corrupt.count, by: 11) {
            corrupt = bytes
            corrupt[i] = corrupt[i] &+ 0x5b
            let a = s.decoder.blockEvents(corrupt, block: 2, watch: watch), b = dynamic.blockEvents(corrupt, block: 2, watch: watch)
            same(a, b)
        }
        let trailing = bytes + [7, 7]
        same(s.decoder.blockEvents(trailing, block: 3, watch: watch), dynamic.blockEvents(trailing, block: 3, watch: watch))
        #expect(!s.decoder.blockEvents(trailing, block: 3, watch: watch).issues.isEmpty)
    }

    /// `skip` accepts exactly what `decode` accepts and ends where it ends.
    @Test func skipMatchesDecode() throws {
        let bytes = try sampleEvents(watched: TestKeys.account(1), other: TestKeys.account(2), worker: TestKeys.worker(1))
        let vec = s.valueType(.events)
        for n in [0, 1, 10, 57, bytes.count / 2, bytes.count] {
            var a = ScaleDecoder(Array(bytes.prefix(n))), b = a
            let decoded = (try? s.codec.decode(type: vec, from: &a)) != nil
            let skipped = (try? s.codec.skip(type: vec, from: &b)) != nil
            #expect(decoded == skipped)
            if decoded { #expect(a.offset == b.offset) }
        }
    }

    /// A `SessionSettled` with another field, and a `SignedMessage` with a renamed field: dynamic paths, same results.
    @Test func shapeMismatchFallsBackToDynamic() throws {
        var md = s.metadata
        var types = md.registry.types
        let pc = try #require(s.metadata.pallet(named: "PhalaComputation")?.eventType)
        let ei = try #require(types.firstIndex(where: { $0.id == pc }))
        guard case .variant(var vs) = types[ei].def, let si = vs.firstIndex(where: { $0.name == "SessionSettled" }) else {
            throw ValueShapeError.missingMetadata("SessionSettled")
        }
        vs[si].fields.append(TypeField(name: "extra", type: vs[si].fields[1].type, typeName: nil, docs: []))
        types[ei].def = .variant(vs)
        let sm = try #require(types.firstIndex(where: { $0.path == ["phala_mq", "types", "SignedMessage"] }))
        guard case .composite(var fs) = types[sm].def else { throw ValueShapeError.missingMetadata("SignedMessage") }
        fs[1].name = "seq"
        types[sm].def = .composite(fs)
        md.registry = PortableRegistry(types: types)
        let changed = ChainSamples(metadata: md, specVersion: 1300)
        let changedDynamic = ChainDecoder(metadata: md, specVersion: 1300, fastPaths: false)
        #expect(changed.decoder.fastMessages == nil, "SignedMessage differs")
        #expect(changed.decoder.fastEvents != nil)
        let p = try #require(s.metadata.pallet(named: "PhalaComputation"))
        guard case .variant(let newVs)? = md.registry[pc]?.def, let settled = newVs.first(where: { $0.name == "SessionSettled" }) else {
            throw ValueShapeError.missingMetadata("SessionSettled")
        }
        #expect(changed.decoder.fastEvents?.kind(pallet: p.index, event: settled.index) == .dynamic)
        #expect(try kind(changed.decoder, "PhalaComputation", "BenchmarkUpdated") == .benchmarkUpdated)
        let session = TestKeys.account(50)
        let bytes = try changed.events([
            ("PhalaComputation", "SessionSettled", ["session": ChainSamples.key(session.raw), "v_bits": ChainSamples.u(5 as UInt128),
                                                    "payout_bits": ChainSamples.u(6 as UInt128), "extra": ChainSamples.u(7 as UInt128)]),
            ("System", "ExtrinsicSuccess", [:]),
        ])
        let watch = WatchFilter(workers: [], sessions: [session], pools: [])
        let fast = changed.decoder.blockEvents(bytes, block: 4, watch: watch)
        same(fast, changedDynamic.blockEvents(bytes, block: 4, watch: watch))
        #expect(fast.issues.isEmpty && fast.observations == [.sessionSettled(session: session, v: U64F64(bits: 5), payout: U64F64(bits: 6), block: 4)])
    }

    func heartbeatSamples() throws -> (watched: WorkerKey, extrinsics: [[UInt8]]) {
        let w = TestKeys.worker(8), unwatched = TestKeys.worker(9)
        let v2 = ChainSamples.heartbeatPayload(session: 4, challengeBlock: 480, challengeTimeMs: 1_700_000_000_123, iterations: 99)
        var v1 = ScaleEncoder()
        v1.appendByte(0)
        v1.encode(UInt32(5)); v1.encode(UInt32(481)); v1.encode(UInt64(1_700_000_000_456)); v1.encode(UInt64(7))
        return (w, [try s.otherExtrinsic(), try s.heartbeatExtrinsic(worker: w, payload: v2),
                    try s.heartbeatExtrinsic(worker: w, payload: v2, signed: false),
                    try s.heartbeatExtrinsic(worker: w, payload: v1.bytes),
                    try s.heartbeatExtrinsic(worker: unwatched, payload: v2)])
    }

    @Test func heartbeatsFastEqualsDynamic() throws {
        let (w, extrinsics) = try heartbeatSamples()
        for watch: Set<WorkerKey>? in [[w], nil, []] {
            var fast = BlockMessages(), slow = BlockMessages()
            s.decoder.heartbeats(extrinsics, block: 501, watch: watch, into: &fast)
            dynamic.heartbeats(extrinsics, block: 501, watch: watch, into: &slow)
            #expect(fast.heartbeats == slow.heartbeats && fast.issues == slow.issues)
            #expect(fast.issues.isEmpty)
        }
        var out = BlockMessages()
        s.decoder.heartbeats(extrinsics, block: 501, watch: [w], into: &out)
        #expect(out.heartbeats.count == 3)
        #expect(out.heartbeats.last == HeartbeatReport(worker: w, sessionId: 5, challengeBlock: 481, challengeTimeMs: 1_700_000_000_456,
                                                       iterations: 7, block: 501))
        // The typed reader answers for each of them (no fallback).
        let m = try #require(s.decoder.fastMessages), t = try #require(s.decoder.extrinsicTypes)
        for x in extrinsics {
            if case .fallback = s.decoder.fastHeartbeat(x, t, m, block: 501, watch: [w]) { Issue.record("fell back on a plain extrinsic") }
        }
    }

    /// Truncated, corrupted, padded extrinsics and odd payloads: the same heartbeats and issues as the dynamic path.
    @Test func malformedExtrinsicsGiveTheDynamicResult() throws {
        let (w, extrinsics) = try heartbeatSamples()
        var variants: [[UInt8]] = []
        for x in extrinsics {
            for n in [1, 2, 3, 10, 40, 100, x.count - 1] where n < x.count { variants.append(Array(x.prefix(n))) }
            for i in stride(from: 0, to: x.count, by: 5) {
                var y = x
                y[i] ^= 0x41
                variants.append(y)
            }
        }
        let badPayload = try s.heartbeatExtrinsic(worker: w, payload: [1, 2, 3])
        let otherVariant = try s.heartbeatExtrinsic(worker: w, payload: [9] + [UInt8](repeating: 0, count: 24))
        variants += [badPayload, otherVariant]
        for x in variants {
            var fast = BlockMessages(), slow = BlockMessages()
            s.decoder.heartbeats([x], block: 7, watch: [w], into: &fast)
            dynamic.heartbeats([x], block: 7, watch: [w], into: &slow)
            #expect(fast.heartbeats == slow.heartbeats && fast.issues == slow.issues, "\(Hex.encode(x))")
        }
        var out = BlockMessages()
        s.decoder.heartbeats([badPayload], block: 7, watch: [w], into: &out)
        #expect(out.issues.count == 1 && out.heartbeats.isEmpty)
    }
}
