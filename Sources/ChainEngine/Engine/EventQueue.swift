import Foundation
import MiningCore

/// The bounded buffer between the engine and its consumer (issue 6: back-
/// pressure that never grows memory without bound).
///
/// Up to `capacity` events queue freely. When full, storage snapshots that a
/// later snapshot of the same item supersedes are merged away (the fleet
/// only needs the newest); if that frees nothing, the producer waits, which
/// pauses block processing — blocks are then caught up from the node later,
/// exactly like a backfill, so nothing on chain is lost.
actor EventQueue {
    private var buffer: [EngineEvent] = []
    private var head = 0
    private let capacity: Int
    private var consumer: CheckedContinuation<EngineEvent?, Never>?
    /// A consumer waiting in `nextBatch` on an empty queue, with its limit.
    private var batchConsumer: (continuation: CheckedContinuation<[EngineEvent]?, Never>, limit: Int)?
    private var producers: [CheckedContinuation<Void, Never>] = []
    private var finished = false
    private(set) var coalescedTotal = 0

    init(capacity: Int) { self.capacity = capacity }

    var count: Int { buffer.count - head }

    /// Adds events in order, each as `push` would (one actor hop for the batch).
    func push(contentsOf events: [EngineEvent]) async {
        // A consumer waiting on an empty queue takes the batch's head in one go.
        if let waiting = batchConsumer, count == 0, !finished, !events.isEmpty {
            batchConsumer = nil
            let n = min(waiting.limit, events.count)
            waiting.continuation.resume(returning: Array(events[0..<n]))
            for e in events[n...] { await push(e) }
            return
        }
        for e in events { await push(e) }
    }

    /// Up to `limit` events at once (at least one; nil once finished and drained),
    /// for `EventCursor`: one hop per batch on the consumer side.
    func nextBatch(limit: Int) async -> [EngineEvent]? {
        if count == 0 {
            if finished { return nil }
            return await withCheckedContinuation { batchConsumer = ($0, max(1, limit)) }
        }
        let n = min(limit, count)
        let batch = Array(buffer[head..<(head + n)])
        head += n
        if head > 1024 && head * 2 > buffer.count {
            buffer.removeFirst(head)
            head = 0
        }
        while !producers.isEmpty, count < capacity { producers.removeFirst().resume() }
        return batch
    }

    /// Adds an event, waiting while the buffer is full.
    func push(_ event: EngineEvent) async {
        guard !finished else { return }
        if let c = consumer {
            consumer = nil
            c.resume(returning: event)
            return
        }
        if let waiting = batchConsumer {
            batchConsumer = nil
            waiting.continuation.resume(returning: [event])
            return
        }
        if count >= capacity {
            let dropped = coalesce()
            if dropped > 0 {
                coalescedTotal += dropped
                append(.diagnostic(.coalesced(dropped: dropped)))
            }
        }
        while count >= capacity && !finished {
            await withCheckedContinuation { producers.append($0) }
        }
        guard !finished else { return }
        append(event)
    }

    private func append(_ e: EngineEvent) {
        if let c = consumer {
            consumer = nil
            c.resume(returning: e)
        } else if let waiting = batchConsumer {
            batchConsumer = nil
            waiting.continuation.resume(returning: [e])
        } else {
            buffer.append(e)
        }
    }

    /// The next event; nil once finished and drained.
    func next() async -> EngineEvent? {
        if count > 0 {
            let e = buffer[head]
            head += 1
            if head > 1024 && head * 2 > buffer.count {
                buffer.removeFirst(head)
                head = 0
            }
            if !producers.isEmpty, count < capacity { producers.removeFirst().resume() }
            return e
        }
        if finished { return nil }
        return await withCheckedContinuation { consumer = $0 }
    }

    func finish() {
        finished = true
        consumer?.resume(returning: nil)
        consumer = nil
        batchConsumer?.continuation.resume(returning: nil)
        batchConsumer = nil
        for p in producers { p.resume() }
        producers = []
    }

    /// Removes storage snapshots superseded by a later one of the same item; returns how many.
    private func coalesce() -> Int {
        var seen = Set<SnapshotKey>()
        var keep: [EngineEvent] = []
        keep.reserveCapacity(count)
        var dropped = 0
        for e in buffer[head...].reversed() {
            if case .observation(let o) = e, let k = SnapshotKey(o) {
                if !seen.insert(k).inserted { dropped += 1; continue }
            }
            keep.append(e)
        }
        guard dropped > 0 else { return 0 }
        buffer = keep.reversed()
        head = 0
        return dropped
    }
}

/// The item a storage-snapshot observation describes; a later snapshot of
/// the same item makes an earlier one redundant.
enum SnapshotKey: Hashable {
    case info(WorkerKey), binding(WorkerKey), assignment(WorkerKey), session(AccountID), stake(AccountID)
    case pool(UInt64), gas(AccountID), tokenomics, coolDown, online, expected, paused, connection

    init?(_ o: Observation) {
        switch o {
        case .workerInfoChanged(let w, _, _): self = .info(w)
        case .bindingChanged(let w, _, _): self = .binding(w)
        case .assignmentChanged(let w, _, _): self = .assignment(w)
        case .sessionChanged(let s, _, _): self = .session(s)
        case .stakeChanged(let s, _, _): self = .stake(s)
        case .poolChanged(let p, _, _): self = .pool(p)
        case .gasBalanceChanged(let a, _): self = .gas(a)
        case .tokenomicsChanged: self = .tokenomics
        case .coolDownPeriodChanged: self = .coolDown
        case .onlineWorkersChanged: self = .online
        case .expectedHeartbeatCountChanged: self = .expected
        case .heartbeatPausedChanged: self = .paused
        case .connectionChanged: self = .connection
        default: return nil
        }
    }
}

/// The consumer's side of `EventQueue`: takes events in small batches and
/// hands them out one by one, so the single consumer of `ChainEngine.events`
/// does not hop to the queue's actor per event.
final class EventCursor: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [EngineEvent] = []
    private var index = 0
    private let batchSize: Int

    init(batchSize: Int) { self.batchSize = batchSize }

    func next(from queue: EventQueue) async -> EngineEvent? {
        if let e = take() { return e }
        guard let batch = await queue.nextBatch(limit: batchSize), let first = batch.first else { return nil }
        store(batch)
        return first
    }

    private func store(_ batch: [EngineEvent]) {
        lock.lock()
        pending = batch
        index = 1
        lock.unlock()
    }

    private func take() -> EngineEvent? {
        lock.lock()
        defer { lock.unlock() }
        guard index < pending.count else { return nil }
        defer { index += 1 }
        return pending[index]
    }
}
