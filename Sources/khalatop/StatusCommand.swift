import ArgumentParser
import ChainCrypto
import ChainEngine
import Dashboard
import Foundation
import MiningCore
import SubstrateRPC

/// `khalatop status`: connect, load the watched fleet, print one snapshot and
/// exit 0 (all healthy), 1 (some worker at risk or unresponsive) or 2 (no
/// node reachable). Issue 6 "Headless use"; JSON fields in README.md.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Print the watched workers' state once and exit (0 healthy, 1 needs attention, 2 unreachable).",
        discussion: """
            Watches the given pools (and their workers), the pools an operator owns, and/or \
            explicit worker public keys. Several --rpc endpoints are tried in order. With \
            --history N the last N blocks are replayed so recent heartbeats and challenges count.
            """
    )

    @OptionGroup var watch: WatchOptions

    @Option(help: ArgumentHelp("Seconds to wait for the fleet before giving up (exit 2).", valueName: "seconds"))
    var timeout: Double = 30

    @Option(help: ArgumentHelp("Replay this many recent blocks for heartbeat history.", valueName: "blocks"))
    var history: UInt32 = 0

    @Flag(help: "Print JSON (stable field names, see README.md).")
    var json = false

    @OptionGroup var configFile: ConfigOptions

    func validate() throws {
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be positive") }
    }

    func run() async throws {
        let (_, operatorAccount) = try watch.resolved()
        // The same watch set as the dashboard: config.toml with the flags on top.
        let loaded: (config: DashboardConfig, location: ConfigFileLocation, found: Bool)
        do { loaded = try configFile.load() } catch { throw error.exit(command: "khalatop status") }
        let effective = loaded.config.overridden(by: try watch.overrides())
        if configFile.printConfig {
            print(ConfigOptions.printed(effective, location: loaded.location, found: loaded.found,
                                        operatorAddress: watch.operatorAddress), terminator: "")
            return
        }
        if effective.watchesNothing && operatorAccount == nil {
            throw ValidationError("nothing to watch: give --pool, --operator or --worker, or list [[pool]]/[[worker]] in "
                + loaded.location.path)
        }
        let workers = effective.workers.map(\.key)
        let urls = effective.endpoints.isEmpty ? ["ws://127.0.0.1:9944"] : effective.endpoints
        var config = EngineConfiguration(endpoints: urls, pools: effective.pools.map(\.pid), operatorAccount: operatorAccount, workers: workers,
                                         followFinalized: !watch.best, reconcileEveryBlocks: 0, headTimeoutSeconds: timeout,
                                         callTimeoutSeconds: min(30, timeout), maxConnectAttempts: urls.count * 2)
        config.initialReplayBlocks = history
        config.rpc = watch.rpc
        config.rpc.connectTimeoutSeconds = min(10, timeout)
        switch await FleetLoader.load(config, timeoutSeconds: timeout) {
        case .unreachable(let reason):
            if json {
                print(JSONValue.object(["error": "unreachable", "reason": .string(reason),
                                        "endpoints": .array(urls.map { .string($0) })]).serialized())
            } else {
                FileHandle.standardError.write(Data("khalatop status: no node reachable (\(urls.joined(separator: ", "))): \(reason)\n".utf8))
            }
            throw ExitCode(2)
        case .loaded(let fleet, let endpoint, let diagnostics):
            let snapshot = FleetSnapshot(fleet: fleet, endpoint: endpoint)
            if json {
                print(snapshot.json.serialized())
            } else {
                print(snapshot.table)
                for d in diagnostics { FileHandle.standardError.write(Data("note: \(d)\n".utf8)) }
            }
            if snapshot.exitCode != 0 { throw ExitCode(snapshot.exitCode) }
        }
    }
}
