import MiningCore
import Scale

/// Whether one runtime's heartbeat extrinsics may skip dynamic decoding
/// (issue 6: CPU per followed block): the metadata's `RuntimeCall` must hold
/// `PhalaMq.sync_offchain_message(SignedMessage)` with exactly the 1251
/// layout of PROTOCOL.md §3-§4 (`Message { sender: MessageOrigin, destination:
/// Topic, payload: Vec<u8> }`, `sequence: u64`, `signature: Vec<u8>`), checked
/// once with `TypeShape`. Any other layout leaves `FastMessages` nil and every
/// extrinsic decodes through the metadata as before; an extrinsic the typed
/// reader does not fully understand (a wrapper call, another sender, a
/// non-canonical length...) also goes the dynamic way, which reports the
/// precise error.
struct FastMessages: Sendable {
    /// `RuntimeCall` index of `PhalaMq` and `PhalaMq`'s index of `sync_offchain_message`.
    let palletIndex: UInt8
    let callIndex: UInt8
    /// `MessageOrigin::Worker`'s index.
    let workerSenderIndex: UInt8

    init?(registry: PortableRegistry, callType: UInt32, syncOffchainCall: (pallet: UInt8, call: UInt8)?) {
        var facts = ShapeFacts()
        guard registry.matches(callType, Self.callShape, &facts), let p = facts.variantIndices["pallet"],
              let c = facts.variantIndices["sync"], let w = facts.variantIndices["sender"],
              let named = syncOffchainCall, named.pallet == p, named.call == c else { return nil }
        palletIndex = p
        callIndex = c
        workerSenderIndex = w
    }

    /// `SignedMessage` (phala_mq::types).
    static let signedMessageShape = TypeShape.fields([
        ("message", .fields([("sender", .variantWith(name: "Worker", inner: .key32, tag: "sender")),
                             ("destination", .bytes), ("payload", .bytes)])),
        ("sequence", .u64), ("signature", .bytes),
    ])

    /// `RuntimeCall::PhalaMq(sync_offchain_message { signed_message })`.
    static let callShape = TypeShape.variantWith(
        name: "PhalaMq", inner: .variantWith(name: "sync_offchain_message", inner: signedMessageShape, tag: "sync"), tag: "pallet")
}

/// What the typed reader made of one extrinsic.
enum FastExtrinsicOutcome {
    /// Nothing for the watched fleet (the dynamic path also finds nothing, without error).
    case none
    case heartbeat(HeartbeatReport)
    /// Not fully understood: decode this extrinsic dynamically.
    case fallback
}

extension ChainDecoder {
    /// The typed counterpart of `extrinsicCall` + `collectHeartbeats` for
    /// one extrinsic: the same result whenever it answers other than `.fallback`.
    func fastHeartbeat(_ raw: [UInt8], _ t: (address: UInt32, signature: UInt32, extra: UInt32, call: UInt32),
                       _ m: FastMessages, block: UInt32, watch: Set<WorkerKey>?) -> FastExtrinsicOutcome {
        var d = ScaleDecoder(raw)
        guard let length = try? d.decodeCompactLength(), length == d.remaining, let version = try? d.readByte(),
              version & 0x7f == 4 else { return .fallback }
        if version & 0x80 != 0 {
            do {
                try codec.skip(type: t.address, from: &d)
                try codec.skip(type: t.signature, from: &d)
                try codec.skip(type: t.extra, from: &d)
            } catch {
                return .fallback
            }
        }
        guard d.remaining >= 2 else { return .none }
        let start = d.offset
        let palletIndex = raw[start]
        if palletIndex != m.palletIndex {
            return metadata.pallet(index: palletIndex).map({ Self.wrapperPallets.contains($0.name) }) == true ? .fallback : .none
        }
        return raw.withUnsafeBytes { buf -> FastExtrinsicOutcome in
            var r = FastReader(buf)
            r.offset = start + 1
            guard r.u8() == m.callIndex, r.u8() == m.workerSenderIndex, let key = r.key32(), let destination = r.byteRange(),
                  let payload = r.byteRange(), r.u64() != nil, r.byteRange() != nil, r.isAtEnd else { return .fallback }
            guard buf[destination].elementsEqual(OffchainTypes.miningReportTopic) else { return .none }
            let worker = WorkerKey(raw: key)
            if let watch, !watch.contains(worker) { return .none }
            var p = FastReader(UnsafeRawBufferPointer(rebasing: buf[payload]))
            // `WorkingReportEvent` (OffchainTypes): Heartbeat = 0, HeartbeatV2 = 1 (+ n_clusters, n_contracts).
            guard let tag = p.u8(), tag <= 1, let session = p.u32(), let challengeBlock = p.u32(), let challengeTime = p.u64(),
                  let iterations = p.u64() else { return .fallback }
            if tag == 1 { guard p.u32() != nil, p.u32() != nil else { return .fallback } }
            guard p.isAtEnd else { return .fallback }
            return .heartbeat(HeartbeatReport(worker: worker, sessionId: session, challengeBlock: challengeBlock,
                                              challengeTimeMs: challengeTime, iterations: iterations, block: block))
        }
    }
}
