import MiningCore

extension DashboardConfig {
    /// Workers whose config entry names a pRuntime (`pruntime = "http://..."`), by
    /// key: what ChainEngine's `PRuntimePoller` polls for the detail view's sync
    /// heights (issue 8). The embedded devnet fills it with its simulated pRuntimes.
    public var pruntimeEndpoints: [WorkerKey: String] {
        var out: [WorkerKey: String] = [:]
        for worker in workers {
            if let url = worker.pruntime, !url.isEmpty { out[worker.key] = url }
        }
        return out
    }
}
