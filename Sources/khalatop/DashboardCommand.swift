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

    @Option(name: .customLong("rpc"), help: ArgumentHelp("Node WebSocket endpoint to watch (repeatable); without it the embedded devnet runs.", valueName: "url"))
    var endpoints: [String] = []

    @Option(name: .customLong("pool"), help: ArgumentHelp("Stake pool id to watch (repeatable).", valueName: "pid"))
    var pools: [UInt64] = []

    @Option(name: .customLong("operator"), help: ArgumentHelp("Watch every pool this account owns.", valueName: "ss58"))
    var operatorAddress: String?

    @Option(name: .customLong("worker"), help: ArgumentHelp("Worker public key to watch (repeatable).", valueName: "hex"))
    var workerKeys: [String] = []

    @Flag(help: "Follow best blocks instead of finalized ones.")
    var best = false

    @OptionGroup var display: DashboardDisplayOptions

    func validate() throws {
        if !endpoints.isEmpty && pools.isEmpty && operatorAddress == nil && workerKeys.isEmpty {
            throw ValidationError("nothing to watch on --rpc: give --pool, --operator or --worker")
        }
        if endpoints.isEmpty && !(pools.isEmpty && operatorAddress == nil && workerKeys.isEmpty) {
            throw ValidationError("--pool, --operator and --worker need --rpc (without it the embedded devnet runs)")
        }
    }

    func run() async throws {
        let workers: [WorkerKey]
        let operatorAccount: AccountID?
        do {
            workers = try workerKeys.map { try WorkerKey(hex: $0) }
            operatorAccount = try operatorAddress.map { try AccountID(SS58.decode($0).publicKey) }
        } catch {
            throw ValidationError("\(error)")
        }
        let paths = DashboardPaths()
        let logPath = paths.logPath("khalatop.log")
        // Every logger of the process (NIO, WebSocket, devnet, engine) writes to the log file only.
        let logFile = LogFile(path: logPath)
        LoggingSystem.bootstrap { label in FileLogHandler(label: label, file: logFile) }
        let logger = Logger(label: "khalatop")
        let live = LiveDashboard(endpoints: endpoints, pools: pools, operatorAccount: operatorAccount, workers: workers,
                                 followFinalized: !best,
                                 runner: DashboardRunner(paths: paths, options: display, logPath: logPath),
                                 logger: logger)
        let result = try await live.run()
        print("khalatop: \(result.exit); \(result.framesDrawn) frames, \(result.cellsWritten) cells written")
        if case .signal(let sig) = result.exit { throw ExitCode(128 + sig) }
    }
}
