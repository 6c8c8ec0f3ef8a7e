import MiningCore

/// What the engine connects to and watches, and its limits (issue 6).
public struct EngineConfiguration: Sendable {
    /// WebSocket endpoints, tried in order with fail-over.
    public var endpoints: [String]
    /// Pools to watch; their workers and cool-down workers are watched too.
    public var pools: [UInt64]
    /// Watch every stake pool this account owns (and their workers).
    public var operatorAccount: AccountID?
    /// Workers watched whether or not they are in a watched pool.
    public var workers: [WorkerKey]
    /// Follow finalized blocks (default) or best blocks.
    public var followFinalized: Bool
    /// Blocks replayed after a reconnect; older missed blocks are skipped (reported) and storage reloaded.
    public var backfillDepth: UInt32
    /// Keys per `state_queryStorageAt` call.
    public var storageBatchSize: Int
    /// Keys per `state_getKeysPaged` page.
    public var keysPageSize: Int
    /// Re-read all watched storage every this many blocks (diffed; only changes are observed). 0 = never.
    public var reconcileEveryBlocks: UInt32
    /// No new head for this long: the node is treated as stalled and the engine reconnects.
    public var headTimeoutSeconds: Double
    /// Timeout of each RPC call.
    public var callTimeoutSeconds: Double
    /// Behind the node's head by more than this many blocks: `lagging`.
    public var laggingThresholdBlocks: UInt32
    public var backoff: Backoff
    /// Give up (state `failed`) after this many consecutive failed connection attempts; nil retries forever.
    public var maxConnectAttempts: Int?
    /// Events buffered for a slow consumer before coalescing, then back-pressure.
    public var queueCapacity: Int
    public var rpc: RPCClientConfiguration
    /// On the first load, load the fleet this many blocks back and replay up to the head
    /// (heartbeat history for a one-shot status). 0 = load at the head.
    public var initialReplayBlocks: UInt32 = 0
    /// Pool records and balances changed by rewards or contributions are re-read at most this often
    /// (member changes are read at once). 1 = every block.
    public var poolRefreshEveryBlocks: UInt32 = 10
    /// Sessions whose `BenchmarkUpdated`/`SessionSettled` events already carried the new p_instant / V are
    /// re-read (iterations, totals...) at most this often; state changes are read at once. 1 = every block.
    public var sessionValueRefreshEveryBlocks: UInt32 = 10
    /// The watched pools' balances (owner gas, W-PHA of pool and owner-reward accounts) are read in any
    /// block whose events name one of those accounts, and at least this often. 1 = every block.
    public var balanceCheckEveryBlocks: UInt32 = 10

    public init(endpoints: [String], pools: [UInt64] = [], operatorAccount: AccountID? = nil, workers: [WorkerKey] = [],
                followFinalized: Bool = true, backfillDepth: UInt32 = 1_200, storageBatchSize: Int = 512,
                keysPageSize: Int = 1_000, reconcileEveryBlocks: UInt32 = 300, headTimeoutSeconds: Double = 90,
                callTimeoutSeconds: Double = 30, laggingThresholdBlocks: UInt32 = 3, backoff: Backoff = Backoff(),
                maxConnectAttempts: Int? = nil, queueCapacity: Int = 4_096,
                rpc: RPCClientConfiguration = RPCClientConfiguration()) {
        self.endpoints = endpoints
        self.pools = pools
        self.operatorAccount = operatorAccount
        self.workers = workers
        self.followFinalized = followFinalized
        self.backfillDepth = backfillDepth
        self.storageBatchSize = max(1, storageBatchSize)
        self.keysPageSize = max(1, keysPageSize)
        self.reconcileEveryBlocks = reconcileEveryBlocks
        self.headTimeoutSeconds = headTimeoutSeconds
        self.callTimeoutSeconds = callTimeoutSeconds
        self.laggingThresholdBlocks = laggingThresholdBlocks
        self.backoff = backoff
        self.maxConnectAttempts = maxConnectAttempts
        self.queueCapacity = max(16, queueCapacity)
        self.rpc = rpc
    }
}

/// Randomness and sleeping, injectable so back-off is deterministic in tests.
public struct EngineEnvironment: Sendable {
    /// A uniform draw in 0..<1 (jitter).
    public var random: @Sendable () -> Double
    /// Sleeps for the given seconds (throws when cancelled).
    public var sleep: @Sendable (Double) async throws -> Void

    public init(random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
                sleep: @escaping @Sendable (Double) async throws -> Void = { try await Task.sleep(for: .seconds($0)) }) {
        self.random = random
        self.sleep = sleep
    }
}
