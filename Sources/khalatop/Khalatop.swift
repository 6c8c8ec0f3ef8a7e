import ArgumentParser
import ChainCrypto
import Foundation
import Logging
import MiningCore

/// The khalatop command line: the dashboard (default) and its tools.
@main
struct Khalatop: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "khalatop",
        abstract: "A terminal dashboard for Phala/Khala computation workers.",
        discussion: """
            With no subcommand, khalatop shows the dashboard: on the embedded devnet \
            (simulated data, said on screen) or, with --rpc and --pool/--operator/--worker, \
            on a real node. Logs go to $XDG_STATE_HOME/khalatop/khalatop.log. Subcommands \
            are the headless tools an operator scripts with.
            """,
        version: KhalatopVersion.string,
        subcommands: [
            DevnetCommand.self,
            AttestCommand.self,
            KeyCommand.self,
            StatusCommand.self,
            TxCommand.self,
            UIDemoCommand.self,
            DashboardPreviewCommand.self,
        ]
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

/// The version printed by `--version`.
enum KhalatopVersion {
    static let string = "0.1.0-dev"
}
