import ArgumentParser
import ChainCrypto
import Dashboard
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

            Settings come from $XDG_CONFIG_HOME/khalatop/config.toml (or --config), with flags \
            on top: --rpc replaces endpoints; any of --pool/--worker/--operator replaces the \
            file's pools and workers (the file's names still label them); --theme and \
            --refresh-ms replace theme and refresh_ms. --print-config shows the result.
            """
    )

    @OptionGroup var watch: WatchOptions

    @OptionGroup var display: DashboardDisplayOptions

    @OptionGroup var configFile: ConfigOptions

    func run() async throws {
        let (_, operatorAccount) = try watch.resolved()
        var overrides = try watch.overrides()
        overrides.theme = display.theme
        overrides.refreshMs = display.refreshMs
        // The file is read and checked before anything else: a broken one exits 2 before curses starts.
        let loaded: (config: DashboardConfig, location: ConfigFileLocation, found: Bool)
        do { loaded = try configFile.load() } catch { throw error.exit(command: "khalatop") }
        let config = loaded.config.overridden(by: overrides)
        if configFile.printConfig {
            print(ConfigOptions.printed(config, location: loaded.location, found: loaded.found,
                                        operatorAddress: watch.operatorAddress), terminator: "")
            return
        }
        do {
            _ = try config.dashboardTarget(operatorGiven: operatorAccount != nil)
        } catch {
            throw ValidationError("\(error) (config file: \(loaded.found ? loaded.location.path : "none"))")
        }
        let paths = DashboardPaths()
        let logPath = paths.logPath("khalatop.log")
        // Every logger of the process (NIO, WebSocket, devnet, engine) writes to the log file only.
        let logFile = LogFile(path: logPath)
        LoggingSystem.bootstrap { label in FileLogHandler(label: label, file: logFile) }
        let logger = Logger(label: "khalatop")
        var runner = DashboardRunner(paths: paths, options: display, logPath: logPath)
        runner.theme = config.theme
        let live = LiveDashboard(config: config, operatorAccount: operatorAccount, followFinalized: !watch.best, rpc: watch.rpc,
                                 runner: runner, logger: logger)
        let result = try await live.run()
        print("khalatop: \(result.exit); \(result.framesDrawn) frames, \(result.cellsWritten) cells written")
        if case .signal(let sig) = result.exit { throw ExitCode(128 + sig) }
    }
}
