import MiningCore

/// Turns the chain engine's event stream into dashboard messages
/// (ARCHITECTURE.md "Data flow" and "Runtime loop"): observations are
/// batched per block into one `observationsArrived` (one wake of the
/// terminal thread per block, not per fact), a full load is split into
/// chunks of `maxBatch`, the finalized block follows its block when the
/// engine follows finalized heads, and a connection state is posted only
/// when it differs from the last one posted.
///
/// Why here and pure: the executable's `EnginePump` only maps ChainEngine's
/// events to `Event` and posts what comes back, so the batching rules are
/// tested without an engine, a mailbox or a clock (the arrival time is
/// passed in).
public struct EngineBatcher: Sendable {
    /// What the engine reported, as far as the dashboard cares.
    public enum Event: Sendable {
        case observation(Observation)
        /// The engine finished applying a block.
        case blockProcessed(UInt32)
        /// The connection state, as the header shows it.
        case connection(ConnectionState)
        /// Something that ends the current batch without a message of its
        /// own (the fleet finished loading).
        case flush
    }

    /// Observations posted at once at most.
    public static let defaultMaxBatch = 2_048

    public let maxBatch: Int
    public let followsFinalized: Bool
    private var batch: [Observation] = []
    private var lastConnection: ConnectionState?

    public init(followsFinalized: Bool, maxBatch: Int = EngineBatcher.defaultMaxBatch) {
        self.followsFinalized = followsFinalized
        self.maxBatch = Swift.max(1, maxBatch)
    }

    /// Observations held for the next message.
    public var pendingCount: Int { batch.count }

    /// The messages to post for `event`, arriving at `nowMs`, in order.
    public mutating func handle(_ event: Event, nowMs: UInt64) -> [Msg] {
        switch event {
        case .observation(let o):
            batch.append(o)
            return batch.count >= maxBatch ? flush(nowMs: nowMs) : []
        case .blockProcessed(let number):
            var out = flush(nowMs: nowMs)
            if followsFinalized { out.append(.finalizedBlockObserved(number)) }
            return out
        case .connection(let state):
            var out = flush(nowMs: nowMs)
            if state != lastConnection {
                lastConnection = state
                out.append(.connectionChanged(state))
            }
            return out
        case .flush:
            return flush(nowMs: nowMs)
        }
    }

    /// The held observations as one message (none if nothing is held); call
    /// when the stream ends.
    public mutating func flush(nowMs: UInt64) -> [Msg] {
        guard !batch.isEmpty else { return [] }
        let msg = Msg.observationsArrived(batch, atMs: nowMs)
        batch.removeAll(keepingCapacity: true)
        return [msg]
    }
}
