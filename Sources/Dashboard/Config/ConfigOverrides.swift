import MiningCore

/// The command-line flags that override `config.toml` (issue 7 "Config":
/// flags override the file), and the rule that merges them.
///
/// Precedence, key by key (README "Configuration" says the same):
/// - `--rpc` (once or more) replaces `endpoints`.
/// - `--pool`, `--worker` or `--operator` (any of them) replace the file's
///   watch set: its `[[pool]]` and `[[worker]]` tables are no longer
///   watched, the flags' pools and workers are. A flagged pid or key the file
///   lists keeps its name (and `pool`, `pruntime`); the file's other worker
///   names still label rows (a named worker found through `--pool`).
/// - `--theme` replaces `theme`, `--refresh-ms` replaces `refresh_ms`.
/// - Anything else comes from the file, else the built-in default.
///
/// Why pure and here: the executable reads the file and parses the flags;
/// the merge is a function of two values, tested without a process.
public struct ConfigOverrides: Hashable, Sendable {
    public var endpoints: [String]
    public var pools: [UInt64]
    public var workers: [WorkerKey]
    /// `--operator` was given (its SS58 account is resolved by the executable).
    public var operatorGiven: Bool
    public var theme: String?
    public var refreshMs: Int?

    public init(endpoints: [String] = [], pools: [UInt64] = [], workers: [WorkerKey] = [], operatorGiven: Bool = false,
                theme: String? = nil, refreshMs: Int? = nil) {
        self.endpoints = endpoints
        self.pools = pools
        self.workers = workers
        self.operatorGiven = operatorGiven
        self.theme = theme
        self.refreshMs = refreshMs
    }

    /// True when the flags name something to watch, replacing the file's watch set.
    public var replacesWatchSet: Bool { !pools.isEmpty || !workers.isEmpty || operatorGiven }
}

extension DashboardConfig {
    /// This config (read from the file) with `flags` on top; see `ConfigOverrides`.
    public func overridden(by flags: ConfigOverrides) -> DashboardConfig {
        var out = self
        if !flags.endpoints.isEmpty { out.endpoints = flags.endpoints.uniqued() }
        if flags.replacesWatchSet {
            out.pools = flags.pools.uniqued().map { pid in pools.first { $0.pid == pid } ?? Pool(pid: pid) }
            out.workers = flags.workers.uniqued().map { key in workers.first { $0.key == key } ?? Worker(name: "", key: key) }
            let watched = Set(out.workers.map(\.key))
            for w in workers where !w.name.isEmpty && !watched.contains(w.key) { out.otherNames[w.key] = w.name }
        }
        if let theme = flags.theme { out.theme = theme }
        if let refreshMs = flags.refreshMs { out.refreshMs = refreshMs }
        return out
    }

    /// True when the config names no pool and no worker to watch.
    public var watchesNothing: Bool { pools.isEmpty && workers.isEmpty }

    /// What the dashboard watches with this (merged) config: the embedded
    /// devnet when no endpoint is set, else the endpoints, which then need
    /// something to watch. `operatorGiven`: `--operator` names the pools.
    public func dashboardTarget(operatorGiven: Bool) throws(ConfigResolutionError) -> DashboardTarget {
        let nothing = watchesNothing && !operatorGiven
        if endpoints.isEmpty {
            guard nothing else { throw .watchSetWithoutEndpoint }
            return .embeddedDevnet
        }
        guard !nothing else { throw .nothingToWatch(endpoint: endpoints[0]) }
        return .node(endpoints: endpoints)
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each kept once.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}

/// What `khalatop` (the dashboard) connects to.
public enum DashboardTarget: Hashable, Sendable {
    /// No endpoint configured: the in-process devnet, shown as simulated.
    case embeddedDevnet
    case node(endpoints: [String])
}

/// A merged config the dashboard cannot run with; says which knob to turn.
public enum ConfigResolutionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Pools or workers are named but no endpoint (the devnet has its own fleet).
    case watchSetWithoutEndpoint
    /// An endpoint is set but no pool, worker or operator.
    case nothingToWatch(endpoint: String)

    public var description: String {
        switch self {
        case .watchSetWithoutEndpoint:
            return "pools or workers to watch but no endpoint: set endpoints = [\"wss://...\"] in the config or give --rpc "
                + "(with neither, the embedded devnet runs and watches its own workers)"
        case .nothingToWatch(let endpoint):
            return "nothing to watch on \(endpoint): add [[pool]] or [[worker]] tables to the config, "
                + "or give --pool, --operator or --worker"
        }
    }
}
