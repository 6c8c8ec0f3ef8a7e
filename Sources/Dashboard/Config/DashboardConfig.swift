import MiningCore

/// What the operator configures: endpoints to watch, pools, workers with
/// their names, the theme and the refresh interval.
///
/// Why a value parsed from text: the executable reads
/// `$XDG_CONFIG_HOME/khalatop/config.toml` and applies flags on top; the
/// Dashboard module only parses and renders (no I/O, ARCHITECTURE.md).
/// Example:
///
///     theme = "default"
///     refresh_ms = 1000
///     endpoints = ["wss://khala-api.phala.network/ws"]
///
///     [[pool]]
///     pid = 3
///     name = "main"
///
///     [[worker]]
///     name = "rig-01"
///     key = "0x8a5c…"   # the worker's public key, 64 hex digits
///     pool = 3
///     pruntime = "http://10.0.0.5:8000"   # optional
public struct DashboardConfig: Hashable, Sendable {
    /// One watched worker.
    public struct Worker: Hashable, Sendable {
        public var name: String
        public var key: WorkerKey
        public var pid: UInt64?
        /// The worker's pRuntime HTTP endpoint (`http://host:8000`), for its
        /// status and registration material (issue 8).
        public var pruntime: String?
        public init(name: String, key: WorkerKey, pid: UInt64? = nil, pruntime: String? = nil) {
            self.name = name
            self.key = key
            self.pid = pid
            self.pruntime = pruntime
        }
    }

    /// One watched stake pool.
    public struct Pool: Hashable, Sendable {
        public var pid: UInt64
        public var name: String?
        public init(pid: UInt64, name: String? = nil) {
            self.pid = pid
            self.name = name
        }
    }

    public var endpoints: [String]
    public var pools: [Pool]
    public var workers: [Worker]
    public var theme: String
    /// How often the executable polls when it has to (subscriptions need no polling).
    public var refreshMs: Int

    public static let defaultRefreshMs = 1_000
    /// Accepted `refresh_ms` / `--refresh-ms` values.
    public static let refreshMsRange = 100...3_600_000

    /// A theme name the file and `--theme` accept (1-64 characters).
    public static func isValidThemeName(_ name: String) -> Bool { !name.isEmpty && name.count <= 64 }

    /// A node endpoint the file and `--rpc` accept (`ws://` or `wss://`).
    public static func isValidEndpoint(_ url: String) -> Bool { url.hasPrefix("ws://") || url.hasPrefix("wss://") }

    public init(endpoints: [String] = [], pools: [Pool] = [], workers: [Worker] = [],
                theme: String = "default", refreshMs: Int = DashboardConfig.defaultRefreshMs) {
        self.endpoints = endpoints
        self.pools = pools
        self.workers = workers
        self.theme = theme
        self.refreshMs = refreshMs
    }

    /// Names of workers the config file names but does not watch, because
    /// `--pool`/`--worker`/`--operator` replaced its watch set: they still
    /// label a worker found through a pool. Not part of `tomlText`.
    public var otherNames: [WorkerKey: String] = [:]

    /// Display names by worker key.
    public var workerNames: [WorkerKey: String] {
        var out = otherNames
        for w in workers where !w.name.isEmpty { out[w.key] = w.name }
        return out
    }
}
