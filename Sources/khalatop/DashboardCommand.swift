import ArgumentParser
import ChainCrypto
import Foundation
import Logging
import MiningCore

/// `khalatop` / `khalatop dashboard` (the default subcommand): the live
/// dashboard, on the embedded devnet or, with `--rpc`, on a real node (issue 7).
struct DashboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "The live dashboard (the default): the embedded devnet, or a real node with --rpc.",
        discussion: """
            With no --rpc, an embedded devnet (simulated data, said on screen) runs in-process \
            on a loopback port and is watched through the real WebSocket client. With --rpc and \
            --pool/--operator/--worker, a real node is watched. Logs go to \
            $XDG_STATE_HOME/khalatop/khalatop.log.
            """
    )

    @OptionGroup var watch: WatchOptions

    @OptionGroup var display: DashboardDisplayOptions

    func validate() throws {
        if !watch.endpoints.isEmpty && watch.watchesNothing {
            throw ValidationError("nothing to watch on --rpc: give --pool, --operator or --worker")
        }
        if watch.endpoints.isEmpty && !watch.watchesNothing {
            throw ValidationError("--pool, --operator and --worker need --rpc (without it the embedded devnet runs)")
        }
    }

    func run() async throws {
        let (workers, operatorAccount) = try watch.resolved()
        let paths = DashboardPaths()
        let logPath = paths.logPath("khalatop.log")
        // Every logger of the process (NIO, WebSocket, devnet, engine) writes to the log file only.
        let logFile = LogFile(path: logPath)
        LoggingSystem.bootstrap { label in FileLogHandler(label: label, file: logFile) }
        let logger = Logger(label: "khalatop")
        let live = LiveDashboard(endpoints: watch.endpoints, pools: watch.pools, operatorAccount: operatorAccount, workers: workers,
                                 followFinalized: !watch.best, rpc: watch.rpc,
                                 runner: DashboardRunner(paths: paths, options: display, logPath: logPath),
                                 logger: logger)
        let result = try await live.run()
        print("khalatop: \(result.exit); \(result.framesDrawn) frames, \(result.cellsWritten) cells written")
        if case .signal(let sig) = result.exit { throw ExitCode(128 + sig) }
    }
}
