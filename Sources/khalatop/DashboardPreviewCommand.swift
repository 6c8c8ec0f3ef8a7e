import ArgumentParser
import Dashboard
import Foundation
import MiningCore
import TermUI
import TermUINCurses

/// `khalatop dashboard-preview`: the real dashboard (Dashboard panes, reduce,
/// the ncurses run loop) on a scripted fleet, for driving by hand or in tmux
/// until the engine and devnet are wired in. Hidden; the screen says plainly
/// that the data is scripted.
struct DashboardPreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard-preview",
        abstract: "Run the dashboard on a scripted fleet (no chain; a preview of the panes and keys).",
        shouldDisplay: false)

    @Option(name: .long, help: "Workers in the scripted fleet.")
    var workers = 40

    @Option(name: .customLong("block-ms"), help: "Milliseconds between scripted blocks.")
    var blockMs = 3_000

    @OptionGroup var display: DashboardDisplayOptions

    func validate() throws {
        guard (0...100_000).contains(workers) else { throw ValidationError("--workers must be 0...100000") }
        guard (100...600_000).contains(blockMs) else { throw ValidationError("--block-ms must be 100...600000") }
    }

    static func nowMs() -> UInt64 { UInt64(Date().timeIntervalSince1970 * 1000) }

    func run() throws {
        let paths = DashboardPaths()
        // The scripted history, built before curses takes the screen.
        let scenario = ScriptedScenario(workers: workers)
        let history = 300
        let lastBlock = scenario.startBlock + UInt32(history)
        let mailbox = try Mailbox<Msg>()

        // A feeder thread: a clock tick every second, a scripted block every `blockMs`.
        let interval = blockMs
        let feeder = Thread { [mailbox] in
            var block = lastBlock
            var sinceBlock = 0
            while !Thread.current.isCancelled {
                Thread.sleep(forTimeInterval: 1)
                sinceBlock += 1_000
                if sinceBlock >= interval {
                    sinceBlock = 0
                    block += 1
                    mailbox.post(.observationsArrived(scenario.block(block), atMs: Self.nowMs()))
                    mailbox.post(.finalizedBlockObserved(block - 2))
                }
                mailbox.post(.tick(nowMs: Self.nowMs()))
            }
        }
        feeder.start()
        defer { feeder.cancel() }

        let runner = DashboardRunner(paths: paths, options: display, logPath: paths.logPath("dashboard-preview.log"))
        let result = try runner.run(mailbox: mailbox) { themeName, themeNames in
            var config = scenario.config
            config.theme = themeName
            var state = AppState(config: config, source: .simulated("scripted preview, not a chain"),
                                 themeNames: themeNames)
            _ = reduce(&state, .observationsArrived(scenario.history(blocks: history).flatMap { $0 }, atMs: Self.nowMs()))
            _ = reduce(&state, .chainIdentified(name: "Khala (scripted)", specVersion: 1251))
            _ = reduce(&state, .finalizedBlockObserved(lastBlock - 2))
            return state
        }
        print("dashboard-preview: \(result.exit); \(result.framesDrawn) frames, \(result.cellsWritten) cells written")
        if case .signal(let sig) = result.exit { throw ExitCode(128 + sig) }
    }
}
