import MiningCore
import Scale

/// Heartbeat challenges from `PhalaMq.OutboundMessages` and heartbeats from
/// the block's `PhalaMq.sync_offchain_message` extrinsics (PROTOCOL.md §1.4, §3, §4).
public struct BlockMessages: Sendable {
    public var challenges: [HeartbeatChallenge] = []
    public var heartbeats: [HeartbeatReport] = []
    public var issues: [DecodeIssue] = []
    public init() {}
}

extension ChainDecoder {
    /// `PhalaMq.OutboundMessages` at `block`: every `SystemEvent::HeartbeatChallenge`.
    public func challenges(_ bytes: [UInt8]?, block: UInt32, into out: inout BlockMessages) {
        let item = StorageItem.outboundMessages.rawValue
        let value: ScaleValue?
        do { value = try decodeValue(.outboundMessages, bytes) } catch {
            out.issues.append(DecodeIssue(item: item, block: block, reason: "\(error)"))
            return
        }
        guard let value else { return }
        do {
            for (i, message) in try value.list(item).enumerated() {
                let path = "\(item)[\(i)]"
                let topic = try message.field("destination", path).bytes("\(path).destination")
                guard topic == OffchainTypes.systemEventTopic else { continue }
                let payload = try message.field("payload", path).bytes("\(path).payload")
                do {
                    let event = try offchain.codec.decode(type: offchain.systemEvent, from: payload)
                    let (name, _, _) = try event.variantParts("\(path).payload")
                    guard name == "HeartbeatChallenge" else { continue }
                    let seed = try event.field("seed", "HeartbeatChallenge").bytes("HeartbeatChallenge.seed")
                    let target = try event.field("online_target", "HeartbeatChallenge").bytes("HeartbeatChallenge.online_target")
                    out.challenges.append(HeartbeatChallenge(block: block, seed: try UInt256(littleEndianBytes: seed),
                                                             onlineTarget: try UInt256(littleEndianBytes: target)))
                } catch {
                    out.issues.append(DecodeIssue(item: "\(path) SystemEvent", block: block, reason: "\(error)"))
                }
            }
        } catch {
            out.issues.append(DecodeIssue(item: item, block: block, reason: "\(error)"))
        }
    }

    /// The heartbeats of watched workers in one block's extrinsics (hex
    /// strings of `chain_getBlock`, each a length-prefixed `UncheckedExtrinsic`).
    public func heartbeats(_ extrinsics: [[UInt8]], block: UInt32, watch: Set<WorkerKey>?, into out: inout BlockMessages) {
        guard let types = extrinsicTypes else {
            if !extrinsics.isEmpty {
                out.issues.append(DecodeIssue(item: "extrinsics", block: block, reason: "the metadata names no extrinsic types"))
            }
            return
        }
        let typed = fastMessages
        for (i, raw) in extrinsics.enumerated() {
            if let typed {
                switch fastHeartbeat(raw, types, typed, block: block, watch: watch) {
                case .none: continue
                case .heartbeat(let hb): out.heartbeats.append(hb); continue
                case .fallback: break
                }
            }
            do {
                guard let call = try extrinsicCall(raw, types) else { continue }
                try collectHeartbeats(call, block: block, watch: watch, into: &out, depth: 0)
            } catch {
                out.issues.append(DecodeIssue(item: "extrinsic \(i)", block: block, reason: "\(error)"))
            }
        }
    }

    /// The call of an extrinsic (v4 signed or unsigned), decoded through the
    /// metadata; nil when a quick look at the call index shows it cannot
    /// hold a `sync_offchain_message` (not `PhalaMq` and not a wrapper pallet).
    func extrinsicCall(_ raw: [UInt8], _ t: (address: UInt32, signature: UInt32, extra: UInt32, call: UInt32)) throws -> ScaleValue? {
        var d = ScaleDecoder(raw)
        let length = try d.decodeCompactLength()
        guard length == d.remaining else {
            throw ScaleError.invalidValue(offset: 0, expected: "an extrinsic of \(length) bytes, found \(d.remaining)")
        }
        let version = try d.readByte()
        guard version & 0x7f == 4 else { throw ScaleError.invalidValue(offset: d.offset - 1, expected: "extrinsic version 4") }
        if version & 0x80 != 0 {
            try codec.skip(type: t.address, from: &d)
            try codec.skip(type: t.signature, from: &d)
            try codec.skip(type: t.extra, from: &d)
        }
        guard d.remaining >= 2, let mq = syncOffchainCall else { return nil }
        let palletIndex = d.bytes[d.offset]
        if palletIndex != mq.pallet, metadata.pallet(index: palletIndex).map({ Self.wrapperPallets.contains($0.name) }) != true {
            return nil
        }
        let call = try codec.decode(type: t.call, from: &d)
        try d.requireAtEnd()
        return call
    }

    /// Pallets whose calls may wrap other calls (batches, proxies).
    static let wrapperPallets: Set<String> = ["Utility", "Proxy", "Multisig", "Sudo"]

    /// Finds `PhalaMq.sync_offchain_message` calls (directly or nested in a
    /// batch) and reads `WorkingReportEvent` heartbeats from watched workers.
    func collectHeartbeats(_ call: ScaleValue, block: UInt32, watch: Set<WorkerKey>?, into out: inout BlockMessages, depth: Int) throws {
        guard depth < 8 else { return }
        switch call {
        case .variant(let pallet, _, let fields):
            if pallet == "PhalaMq", case .variant(let name, _, let args)? = fields.first?.value {
                guard name == "sync_offchain_message" else { return }
                guard let signed = args.first?.value else { throw ValueShapeError.missingField(path: "sync_offchain_message.0") }
                if let hb = try heartbeat(signed, block: block, watch: watch) { out.heartbeats.append(hb) }
                return
            }
            for f in fields { try collectHeartbeats(f.value, block: block, watch: watch, into: &out, depth: depth + 1) }
        case .composite(let fs):
            for f in fs { try collectHeartbeats(f.value, block: block, watch: watch, into: &out, depth: depth + 1) }
        case .sequence(let vs), .array(let vs), .tuple(let vs):
            for v in vs { try collectHeartbeats(v, block: block, watch: watch, into: &out, depth: depth + 1) }
        default:
            return
        }
    }

    /// A `SignedMessage` from a worker on `phala/mining/report` → its heartbeat.
    func heartbeat(_ signed: ScaleValue, block: UInt32, watch: Set<WorkerKey>?) throws -> HeartbeatReport? {
        let p = "SignedMessage"
        let message = try signed.field("message", p)
        let topic = try message.field("destination", "\(p).message").bytes("\(p).message.destination")
        guard topic == OffchainTypes.miningReportTopic else { return nil }
        let sender = try message.field("sender", "\(p).message").variantParts("\(p).message.sender")
        guard sender.name == "Worker", let keyValue = sender.fields.first?.value else { return nil }
        let worker = try keyValue.workerKey("\(p).message.sender.Worker")
        if let watch, !watch.contains(worker) { return nil }
        let payload = try message.field("payload", "\(p).message").bytes("\(p).message.payload")
        let report = try offchain.codec.decode(type: offchain.workingReportEvent, from: payload)
        let (name, _, _) = try report.variantParts("WorkingReportEvent")
        guard name == "Heartbeat" || name == "HeartbeatV2" else { return nil }
        let hp = "WorkingReportEvent.\(name)"
        return HeartbeatReport(worker: worker,
                               sessionId: try report.field("session_id", hp).u32("\(hp).session_id"),
                               challengeBlock: try report.field("challenge_block", hp).u32("\(hp).challenge_block"),
                               challengeTimeMs: try report.field("challenge_time", hp).u64("\(hp).challenge_time"),
                               iterations: try report.field("iterations", hp).u64("\(hp).iterations"),
                               block: block)
    }
}
