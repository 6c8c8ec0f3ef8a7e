import Foundation
import MiningCore
import Scale
import SubstrateRPC

/// The chain subscription engine (issue 6; ARCHITECTURE.md "Data flow").
///
/// Connects to one of `configuration.endpoints` (fail-over in order,
/// exponential back-off with jitter between attempts), loads the watched
/// fleet with `state_getKeysPaged` + batched `state_queryStorageAt`, then
/// follows finalized (or best) heads block by block: header, events,
/// `PhalaMq.OutboundMessages`, heartbeat extrinsics, the watched pools'
/// balances (which change without an event it follows: fees, transfers) and
/// the storage the events say changed. After a reconnect it replays the
/// missed blocks (up to `backfillDepth`) before going live again; a runtime
/// upgrade switches metadata at the first block the new runtime executes
/// (the block after `System.CodeUpdated`) and re-reads the watched storage there. Everything comes out of `events`
/// in block order; a slow consumer gets coalesced snapshots, then
/// back-pressure, never unbounded memory.
public actor ChainEngine {
    public let configuration: EngineConfiguration
    let environment: EngineEnvironment
    let queue: EventQueue
    /// The output stream (single consumer).
    public nonisolated let events: AsyncStream<EngineEvent>

    var runTask: Task<Void, Never>?
    var decoder: ChainDecoder?
    /// Decoders per spec version (metadata decoded and plans resolved once).
    var decoders: [UInt32: ChainDecoder] = [:]
    /// A spec version announced by `state_subscribeRuntimeVersion` not yet reached by block processing.
    var pendingSpec: UInt32?
    /// The last block with `System.CodeUpdated`: the block after it is checked for a new
    /// runtime even if the version subscription has not said so (yet).
    var codeUpdatedAt: UInt32?
    var storage = FleetStorage()
    /// Last block whose observations were all emitted.
    public internal(set) var processedBlock: UInt32?
    /// The node's newest head (finalized or best).
    var targetBlock: UInt32?
    var lastHeadAt = ContinuousClock.now
    var wake: AsyncStream<Void>.Continuation?
    var connection: EngineConnectionState?
    var fleetConnection: ConnectionState?
    var sessionWentLive = false
    /// Set when the node's chain went backwards (e.g. a restarted devnet): reload from scratch.
    var needsReload = false
    /// Pools whose balances/values changed (rewards...) waiting for the next periodic pool refresh.
    var deferredPools: Set<UInt64> = []
    /// Watched sessions with value-only changes waiting for the next periodic session refresh.
    var deferredSessions: Set<AccountID> = []
    /// First block replayed after a reconnect (reported once caught up).
    var backfillStart: UInt32?
    public internal(set) var stats = EngineStats()
    /// Block hashes learned from head notifications.
    var headHashes = HeadHashes()
    /// True while a block is being processed (see `processBlock`).
    var holdingBlock = false
    /// Events gathered for the next `flush` (see `emit`).
    var outbox: [EngineEvent] = []

    public init(configuration: EngineConfiguration, environment: EngineEnvironment = EngineEnvironment()) {
        self.configuration = configuration
        self.environment = environment
        let q = EventQueue(capacity: configuration.queueCapacity)
        queue = q
        let cursor = EventCursor(batchSize: max(1, min(128, configuration.queueCapacity / 8)))
        events = AsyncStream(unfolding: { await cursor.next(from: q) })
        storage.explicitWorkers = Set(configuration.workers)
        storage.poolIds = Set(configuration.pools)
    }

    /// Starts connecting and streaming (idempotent).
    public func start() {
        guard runTask == nil else { return }
        runTask = Task(executorPreference: EngineExecutor.shared) { await self.run() }
    }

    /// Stops the engine and ends `events`.
    public func stop() async {
        runTask?.cancel()
        // Finish first: a producer waiting for queue space (consumer gone) must not hold up the stop.
        await queue.finish()
        await runTask?.value
        runTask = nil
    }

    /// Emits `e`. Observations and block ends are gathered and handed to the
    /// queue in batches (one actor hop per batch instead of per event: the
    /// per-block CPU target); anything else goes out at once with what is
    /// gathered before it, so order is kept. Bounded by `outboxLimit`.
    func emit(_ e: EngineEvent) async {
        outbox.append(e)
        if holdingBlock { return }  // a block's events go out when it is complete
        switch e {
        case .observation, .blockProcessed:
            if outbox.count < Self.outboxLimit { return }
        default:
            break
        }
        await flush()
    }

    func emit(_ o: Observation) async { await emit(.observation(o)) }

    /// Hands the gathered events to the queue (called at the end of each block and load).
    func flush() async {
        guard !outbox.isEmpty else { return }
        let batch = outbox
        outbox = []
        await queue.push(contentsOf: batch)
    }

    static let outboxLimit = 256

    func setConnection(_ s: EngineConnectionState) async {
        guard s != connection else { return }
        connection = s
        await emit(.connection(s))
        let f = s.fleetState
        if f != fleetConnection {
            fleetConnection = f
            await emit(.connectionChanged(f))
        }
    }

    func run() async {
        let endpoints = configuration.endpoints
        guard !endpoints.isEmpty else {
            await setConnection(.failed(reason: NodeResponseError.noEndpoints.description))
            await queue.finish()
            return
        }
        var failures = 0
        var index = 0
        while !Task.isCancelled {
            let endpoint = endpoints[index % endpoints.count]
            await setConnection(.connecting(endpoint: endpoint))
            sessionWentLive = false
            var reason = "the node ended the session"
            do {
                try await session(endpoint)
            } catch {
                if Task.isCancelled { break }
                reason = Self.describe(error)
            }
            if Task.isCancelled { break }
            stats.connectionsLost += 1
            await emit(.diagnostic(.connectionLost(endpoint: endpoint, reason: reason)))
            if sessionWentLive { failures = 0 }
            failures += 1
            index += 1
            if let limit = configuration.maxConnectAttempts, failures >= limit {
                await setConnection(.failed(reason: reason))
                break
            }
            // A full round over the endpoints counts as one back-off step.
            let delay = configuration.backoff.delaySeconds(attempt: (failures - 1) / endpoints.count, unit: environment.random())
            await setConnection(.reconnecting(inSeconds: delay, attempt: failures, reason: reason))
            do { try await environment.sleep(delay) } catch { break }
        }
        await flush()
        await queue.finish()
    }

    static func describe(_ error: any Error) -> String {
        String(describing: error)
    }
}

/// Counters for tests, the bench and the status line.
public struct EngineStats: Sendable, Hashable {
    public var blocksProcessed = 0
    public var blocksBackfilled = 0
    public var blocksSkipped = 0
    public var connectionsLost = 0
    public var fullLoads = 0
    public var runtimeUpgrades = 0
    public var decodeIssues = 0
    /// Wall time of the last full storage load (after connect and metadata), ms.
    public var lastFullLoadMs: Double = 0
    public init() {}
}
