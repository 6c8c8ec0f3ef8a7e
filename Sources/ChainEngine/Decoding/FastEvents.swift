import MiningCore
import Scale

/// How one runtime's `System.Events` records may skip dynamic decoding
/// (issue 6: CPU per followed block), checked once against its metadata.
///
/// `EventRecord` must be `{ phase, event, topics }` with `event` an enum of
/// one-field variants (one per pallet, each an enum of that pallet's events).
/// Then each record's (pallet, event) index pair says what to do:
/// - `skip`: records `interpret` ignores without a trace (pallets khalatop
///   does not follow; `System` events other than `CodeUpdated` and
///   `ExtrinsicFailed`) are stepped over with `DynamicCodec.skip`, which
///   validates exactly as decoding does but builds no value tree;
/// - a typed kind: the most frequent watched events (`SessionSettled`,
///   `BenchmarkUpdated`, `RewardReceived`), only when their fields have the
///   1251 names and layout (PROTOCOL.md §3), read with `FastReader`;
/// - `dynamic`: everything else, and any record the two above cannot read,
///   decodes through the metadata exactly as before (same observations,
///   same issues).
struct FastEvents: Sendable {
    enum Kind: UInt8, Sendable {
        case dynamic, skip, sessionSettled, benchmarkUpdated, rewardReceived
    }

    let phaseType: UInt32
    let eventType: UInt32
    let topicsType: UInt32
    /// Indexed by `pallet index << 8 | event index`.
    private(set) var kinds: [Kind]

    func kind(pallet: UInt8, event: UInt8) -> Kind { kinds[Int(pallet) << 8 | Int(event)] }

    init?(registry: PortableRegistry, recordType: UInt32) {
        guard case .composite(let fs)? = registry[recordType]?.def, fs.count == 3, fs[0].name == "phase",
              fs[1].name == "event", fs[2].name == "topics",
              case .variant(let pallets)? = registry[fs[1].type]?.def else { return nil }
        phaseType = fs[0].type
        eventType = fs[1].type
        topicsType = fs[2].type
        kinds = Array(repeating: .dynamic, count: 1 << 16)
        for pallet in pallets {
            guard pallet.fields.count == 1, case .variant(let events)? = registry[pallet.fields[0].type]?.def else { continue }
            let watched = ChainDecoder.watchedEventPallets.contains(pallet.name)
            for e in events {
                let slot = Int(pallet.index) << 8 | Int(e.index)
                if !watched {
                    kinds[slot] = .skip
                } else if pallet.name == "System" {
                    kinds[slot] = ["CodeUpdated", "ExtrinsicFailed"].contains(e.name) ? .dynamic : .skip
                } else if let typed = Self.typedKind(pallet.name, e, registry) {
                    kinds[slot] = typed
                }
            }
        }
    }

    /// A typed kind for `event` of `pallet` when its fields are exactly the 1251 ones.
    static func typedKind(_ pallet: String, _ event: TypeVariant, _ registry: PortableRegistry) -> Kind? {
        let candidates: [(String, String, Kind, [(String, TypeShape)])] = [
            ("PhalaComputation", "SessionSettled", .sessionSettled, [("session", .key32), ("v_bits", .u128), ("payout_bits", .u128)]),
            ("PhalaComputation", "BenchmarkUpdated", .benchmarkUpdated, [("session", .key32), ("p_instant", .u32)]),
            ("PhalaStakePoolv2", "RewardReceived", .rewardReceived, [("pid", .u64), ("to_owner", .u128), ("to_stakers", .u128)]),
        ]
        guard let c = candidates.first(where: { $0.0 == pallet && $0.1 == event.name }), event.fields.count == c.3.count else {
            return nil
        }
        var facts = ShapeFacts()
        for (f, (name, shape)) in zip(event.fields, c.3) {
            guard f.name == name, registry.matches(f.type, shape, &facts) else { return nil }
        }
        return c.2
    }
}

/// The fields of a typed event, read before they are applied.
enum TypedEvent {
    case settled(AccountID, UInt128, UInt128)
    case benchmark(AccountID, UInt32)
    case reward(UInt64)
}

extension ChainDecoder {
    /// One record at `d` through `FastEvents`: true when handled (`d` past
    /// it, `out` updated exactly as `interpret` would); false with `d` back
    /// at the record's start when it must be decoded dynamically.
    func fastRecord(_ f: FastEvents, _ d: inout ScaleDecoder, block: UInt32, watch: WatchFilter, into out: inout BlockEvents) -> Bool {
        let start = d.offset
        do {
            try codec.skip(type: f.phaseType, from: &d)
            guard d.remaining >= 2 else { d.offset = start; return false }
            let kind = f.kind(pallet: d.bytes[d.offset], event: d.bytes[d.offset + 1])
            switch kind {
            case .dynamic:
                d.offset = start
                return false
            case .skip:
                try codec.skip(type: f.eventType, from: &d)
            case .sessionSettled, .benchmarkUpdated, .rewardReceived:
                let at = d.offset + 2
                let read = d.bytes.withUnsafeBytes { buf -> (end: Int, value: TypedEvent)? in
                    var r = FastReader(buf)
                    r.offset = at
                    let value: TypedEvent
                    switch kind {
                    case .sessionSettled:
                        guard let key = r.key32(), let v = r.u128(), let payout = r.u128() else { return nil }
                        value = .settled(AccountID(raw: key), v, payout)
                    case .benchmarkUpdated:
                        guard let key = r.key32(), let p = r.u32() else { return nil }
                        value = .benchmark(AccountID(raw: key), p)
                    default:
                        guard let pid = r.u64(), r.u128() != nil, r.u128() != nil else { return nil }
                        value = .reward(pid)
                    }
                    return (r.offset, value)
                }
                guard let read else { d.offset = start; return false }
                d.offset = read.end
                try codec.skip(type: f.topicsType, from: &d)
                // What `computationEvent` / `poolEvent` do with these events.
                switch read.value {
                case .settled(let session, let v, let payout):
                    guard watch.sessions.contains(session) else { break }
                    out.refresh.sessionValues.insert(session)
                    out.observations.append(.sessionSettled(session: session, v: U64F64(bits: v), payout: U64F64(bits: payout), block: block))
                case .benchmark(let session, let p):
                    guard watch.sessions.contains(session) else { break }
                    out.refresh.sessionValues.insert(session)
                    out.observations.append(.benchmarkUpdated(session: session, pInstant: p, block: block))
                case .reward(let pid):
                    if watch.pools.contains(pid) { out.refresh.pools.insert(pid) }
                }
                return true
            }
            try codec.skip(type: f.topicsType, from: &d)
            return true
        } catch {
            d.offset = start
            return false
        }
    }
}
