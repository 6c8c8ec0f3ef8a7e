import ArgumentParser
import ChainCrypto
import ChainEngine
import Dashboard
import Foundation
import MiningCore

/// What to watch on a node: endpoints, pools, an operator's pools, explicit
/// workers, and finalized vs best blocks. Shared by `khalatop` (the dashboard)
/// and `khalatop status`, so both read the same flags the same way.
struct WatchOptions: ParsableArguments {
    @Option(name: .customLong("rpc"), help: ArgumentHelp("Node WebSocket endpoint (repeatable; tried in order).", valueName: "url"))
    var endpoints: [String] = []

    @Option(name: .customLong("pool"), help: ArgumentHelp("Stake pool id to watch (repeatable).", valueName: "pid"))
    var pools: [UInt64] = []

    @Option(name: .customLong("operator"), help: ArgumentHelp("Watch every pool this account owns.", valueName: "ss58"))
    var operatorAddress: String?

    @Option(name: .customLong("worker"), help: ArgumentHelp("Worker public key to watch (repeatable).", valueName: "hex"))
    var workerKeys: [String] = []

    @Flag(help: "Follow best blocks instead of finalized ones.")
    var best = false

    @Option(name: .customLong("tls-ca"),
            help: ArgumentHelp("PEM file of a CA trusted for wss:// besides the system store.", valueName: "file"))
    var tlsCAFile: String?

    /// The client settings these flags imply (the extra CA for wss://).
    var rpc: RPCClientConfiguration {
        var c = RPCClientConfiguration()
        c.extraCAFile = tlsCAFile
        return c
    }

    /// The flags as overrides of the config file (`ConfigOverrides` has the
    /// precedence); a bad worker key or endpoint is a usage error.
    func overrides() throws -> ConfigOverrides {
        for url in endpoints where !DashboardConfig.isValidEndpoint(url) {
            throw ValidationError("--rpc \(url): expected a ws:// or wss:// URL")
        }
        return ConfigOverrides(endpoints: endpoints, pools: pools, workers: try resolved().workers,
                               operatorGiven: operatorAddress != nil)
    }

    /// The worker keys and operator account, parsed; a bad value is a usage error.
    func resolved() throws -> (workers: [WorkerKey], operatorAccount: AccountID?) {
        if let path = tlsCAFile, !FileManager.default.isReadableFile(atPath: path) {
            throw ValidationError("--tls-ca: \(path) is not a readable file")
        }
        do {
            return (try workerKeys.map { try WorkerKey(hex: $0) },
                    try operatorAddress.map { try AccountID(SS58.decode($0).publicKey) })
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
