import MiningCore
import Scale

/// What one block's `System.Events` mean for the watched fleet (PROTOCOL.md §3).
public struct BlockEvents: Sendable {
    public var observations: [Observation] = []
    public var refresh = RefreshHints()
    public var failures: [ExtrinsicFailure] = []
    public var issues: [DecodeIssue] = []
    /// Number of event records in the block.
    public var eventCount = 0
    /// `System.CodeUpdated`: the block set new runtime code, which runs from the next block.
    public var codeUpdated = false
    public init() {}
}

extension ChainDecoder {
    /// Decodes `System.Events` record by record through the metadata's
    /// `EventRecord` type (records `FastEvents` reads or skips excepted,
    /// with the same outcome); a record that does not decode is reported and ends
    /// the walk (records carry no length, so nothing after it can be found).
    public func blockEvents(_ bytes: [UInt8]?, block: UInt32, watch: WatchFilter) -> BlockEvents {
        var out = BlockEvents()
        guard let bytes, !bytes.isEmpty else { return out }
        guard let plan = plans[.events], case .sequence(let recordType)? = metadata.registry[plan.valueType]?.def else {
            out.issues.append(DecodeIssue(item: StorageItem.events.rawValue, block: block, reason: "no Vec<EventRecord> type in the metadata"))
            return out
        }
        var d = ScaleDecoder(bytes)
        let count: Int
        do { count = try d.decodeCompactLength(minimumElementSize: 1) } catch {
            out.issues.append(DecodeIssue(item: StorageItem.events.rawValue, block: block, reason: "\(error)"))
            return out
        }
        out.eventCount = count
        let typed = fastEvents
        for i in 0..<count {
            // Records the typed reader knows (or can skip) need no value tree; it leaves the rest to the metadata.
            if let typed, fastRecord(typed, &d, block: block, watch: watch, into: &out) { continue }
            let record: ScaleValue
            do { record = try codec.decode(type: recordType, from: &d) } catch {
                out.issues.append(DecodeIssue(item: "System.Events[\(i)]", block: block, reason: "\(error)"))
                return out
            }
            do { try interpret(record, block: block, watch: watch, into: &out) } catch {
                out.issues.append(DecodeIssue(item: "System.Events[\(i)]", block: block, reason: "\(error)"))
            }
        }
        if !d.isAtEnd {
            out.issues.append(DecodeIssue(item: StorageItem.events.rawValue, block: block, reason: "\(d.remaining) trailing bytes"))
        }
        return out
    }

    func interpret(_ record: ScaleValue, block: UInt32, watch: WatchFilter, into out: inout BlockEvents) throws(ValueShapeError) {
        let outer = try record.field("event", "EventRecord").variantParts("EventRecord.event")
        guard Self.watchedEventPallets.contains(outer.name), let inner = outer.fields.first?.value else { return }
        let (name, _, _) = try inner.variantParts("\(outer.name) event")
        let path = "\(outer.name).\(name)"
        switch outer.name {
        case "PhalaComputation": try computationEvent(name, inner, path, block, watch, &out)
        case "PhalaRegistry": try registryEvent(name, inner, path, watch, &out)
        case "PhalaStakePoolv2", "PhalaBasePool": try poolEvent(name, inner, path, block, watch, &out)
        case "System":
            if name == "CodeUpdated" { out.codeUpdated = true }
            guard name == "ExtrinsicFailed" else { return }
            let phase = try record.field("phase", "EventRecord").variantParts("EventRecord.phase")
            let index = phase.name == "ApplyExtrinsic" ? try phase.fields.first?.value.u32("EventRecord.phase") : nil
            let error = try inner.field("dispatch_error", path)
            out.failures.append(ExtrinsicFailure(block: block, extrinsicIndex: index, error: describeDispatchError(error)))
        default: return
        }
    }

    private func computationEvent(_ name: String, _ e: ScaleValue, _ path: String, _ block: UInt32,
                                  _ watch: WatchFilter, _ out: inout BlockEvents) throws(ValueShapeError) {
        switch name {
        case "CoolDownExpirationChanged":
            out.observations.append(.coolDownPeriodChanged(seconds: try e.field("period", path).u64("\(path).period")))
            return
        case "TokenomicParametersChanged":
            out.refresh.tokenomics = true
            return
        case "SessionBound", "MinerBound", "SessionUnbound", "MinerUnbound":
            let session = try e.field(anyOf: ["session", "miner"], path).accountID("\(path).session")
            let worker = try e.field(anyOf: ["worker", "pubkey"], path).workerKey("\(path).worker")
            guard watch.workers.contains(worker) else { return }
            let bound = name.hasSuffix("Bound") && !name.hasSuffix("Unbound")
            out.observations.append(.bindingChanged(worker: worker, session: bound ? session : nil, block: block))
            out.refresh.sessions.insert(session)
            return
        default: break
        }
        guard let sessionValue = e[field: "session"] ?? e[field: "miner"] else { return }
        let session = try sessionValue.accountID("\(path).session")
        guard watch.sessions.contains(session) else { return }
        switch name {
        case "BenchmarkUpdated", "SessionSettled", "MinerSettled": out.refresh.sessionValues.insert(session)
        default: out.refresh.sessions.insert(session)
        }
        switch name {
        case "WorkerStarted", "MinerStarted":
            out.observations.append(.workerStarted(session: session, initV: try e.field("init_v", path).u64f64("\(path).init_v"),
                                                   initP: try e.field("init_p", path).u32("\(path).init_p"), block: block))
        case "WorkerStopped", "MinerStopped":
            out.observations.append(.workerStopped(session: session, block: block))
        case "WorkerReclaimed", "MinerReclaimed":
            out.observations.append(.workerReclaimed(
                session: session, originalStakePlanck: try e.field("original_stake", path).u128("\(path).original_stake"), block: block))
        case "WorkerEnterUnresponsive", "MinerEnterUnresponsive":
            out.observations.append(.workerEnteredUnresponsive(session: session, block: block))
        case "WorkerExitUnresponsive", "MinerExitUnresponsive":
            out.observations.append(.workerExitedUnresponsive(session: session, block: block))
        case "SessionSettled", "MinerSettled":
            out.observations.append(.sessionSettled(session: session, v: try e.field("v_bits", path).u64f64("\(path).v_bits"),
                                                    payout: try e.field("payout_bits", path).u64f64("\(path).payout_bits"), block: block))
        case "BenchmarkUpdated":
            out.observations.append(.benchmarkUpdated(session: session, pInstant: try e.field("p_instant", path).u32("\(path).p_instant"),
                                                      block: block))
        default:
            break
        }
    }

    private func registryEvent(_ name: String, _ e: ScaleValue, _ path: String, _ watch: WatchFilter,
                               _ out: inout BlockEvents) throws(ValueShapeError) {
        switch name {
        case "WorkerAdded", "WorkerUpdated", "InitialScoreSet":
            let worker = try e.field("pubkey", path).workerKey("\(path).pubkey")
            if watch.workers.contains(worker) { out.refresh.workers.insert(worker) }
        default:
            break
        }
    }

    private func poolEvent(_ name: String, _ e: ScaleValue, _ path: String, _ block: UInt32,
                           _ watch: WatchFilter, _ out: inout BlockEvents) throws(ValueShapeError) {
        guard let pidValue = e[field: "pid"] else { return }
        let pid = try pidValue.u64("\(path).pid")
        let worker = try e[field: "worker"].map { (w) throws(ValueShapeError) in try w.workerKey("\(path).worker") }
        let watched = watch.pools.contains(pid) || worker.map(watch.workers.contains) == true
        guard watched else { return }
        out.refresh.pools.insert(pid)
        if ["PoolWorkerAdded", "PoolWorkerRemoved", "WorkerReclaimed", "WorkingStarted"].contains(name) {
            out.refresh.poolMembership.insert(pid)
        }
        switch name {
        case "PoolWorkerAdded":
            guard let worker else { return }
            out.observations.append(.assignmentChanged(worker: worker, pid: pid, block: block))
            if let s = e[field: "session"] {
                out.observations.append(.bindingChanged(worker: worker, session: try s.accountID("\(path).session"), block: block))
            }
            out.refresh.workers.insert(worker)
        case "PoolWorkerRemoved":
            guard let worker else { return }
            out.observations.append(.assignmentChanged(worker: worker, pid: nil, block: block))
            out.refresh.workers.insert(worker)
        default:
            if let worker { out.refresh.workers.insert(worker) }
        }
    }

    /// A `DispatchError` in words, naming module errors through the metadata.
    func describeDispatchError(_ v: ScaleValue) -> String {
        guard case .variant(let name, _, let fields) = v else { return v.kind }
        if name == "Module", let m = fields.first?.value,
           let index = try? m.field("index", "ModuleError").u8("ModuleError.index") {
            let errorByte: UInt8?
            if let raw = m[field: "error"] {
                errorByte = raw.byteArray?.first ?? (try? raw.u8("ModuleError.error"))
            } else {
                errorByte = nil
            }
            if let errorByte, let found = metadata.error(palletIndex: index, errorIndex: errorByte) {
                return "\(found.pallet).\(found.error.name)"
            }
            return "Module(index: \(index), error: \(errorByte.map(String.init) ?? "?"))"
        }
        if let inner = fields.first?.value, case .variant(let innerName, _, _) = inner { return "\(name).\(innerName)" }
        return name
    }
}
