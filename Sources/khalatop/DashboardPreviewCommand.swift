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

    @Flag(name: .long, help: "Replace box drawing and block glyphs with ASCII.")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "No colour at all (as with NO_COLOR).")
    var noColor = false

    @Option(name: .long, help: "Theme name (built-in or in $XDG_CONFIG_HOME/khalatop/themes).")
    var theme = "default"

    func validate() throws {
        guard (0...100_000).contains(workers) else { throw ValidationError("--workers must be 0...100000") }
        guard (100...600_000).contains(blockMs) else { throw ValidationError("--block-ms must be 100...600000") }
    }

    static func nowMs() -> UInt64 { UInt64(Date().timeIntervalSince1970 * 1000) }

    func run() throws {
        let env = ProcessInfo.processInfo.environment
        let home = env["HOME"] ?? "/tmp"
        let configHome = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.config"
        let stateHome = env["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.local/state"
        let themeDirs = [configHome + "/khalatop/themes"]
        let logDir = stateHome + "/khalatop"
        try? FileManager.default.createDirectory(atPath: logDir, withIntermediateDirectories: true)
        func load(_ name: String) -> ThemeLoader.Result {
            ThemeLoader.load(name: name, directories: themeDirs, readFile: PosixFiles.readText)
        }
        let names = ThemeLoader.availableNames(directories: themeDirs, listDirectory: PosixFiles.list)
        let first = load(theme)

        // The scripted history, built before curses takes the screen.
        let scenario = ScriptedScenario(workers: workers)
        var config = scenario.config
        config.theme = first.theme.name
        var state = AppState(config: config, source: .simulated("scripted preview, not a chain"), themeNames: names)
        let history = 300
        _ = reduce(&state, .observationsArrived(scenario.history(blocks: history).flatMap { $0 }, atMs: Self.nowMs()))
        _ = reduce(&state, .chainIdentified(name: "Khala (scripted)", specVersion: 1251))
        _ = reduce(&state, .themeLoaded(name: first.theme.name, problems: first.errors.map(\.description)))
        let lastBlock = scenario.startBlock + UInt32(history)
        _ = reduce(&state, .finalizedBlockObserved(lastBlock - 2))

        let terminal = try Terminal(options: .init(stderrLogPath: logDir + "/dashboard-preview.log"))
        let depth = ColorDepth.detect(terminalColors: terminal.terminalColors, environment: env, noColorFlag: noColor)
        let backend = NcursesBackend(terminal: terminal, theme: first.theme, depth: depth)
        let mailbox = try Mailbox<Msg>()
        let loop = TerminalLoop(terminal: terminal, backend: backend, mailbox: mailbox)
        _ = reduce(&state, .terminalResized(terminal.size))
        let useASCII = ascii || !terminal.isUTF8

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

        let exit = try loop.run(update: { event in
            let msg: Msg
            switch event {
            case .key(let key): msg = .keyPressed(key)
            case .message(let m): msg = m
            case .resized(let size): msg = .terminalResized(size)
            case .resumed: return .continue
            }
            for effect in reduce(&state, msg) {
                switch effect {
                case .quit:
                    return .quit
                case .loadTheme(let name):
                    let result = load(name)
                    backend.setTheme(result.theme)
                    loop.invalidate()
                    _ = reduce(&state, .themeLoaded(name: name, problems: result.errors.map(\.description)))
                case .saveConfig, .submit:
                    break  // the preview writes nothing and signs nothing
                }
            }
            return .continue
        }, view: { buffer in
            if useASCII { buffer.glyphs = .ascii }
            return Screen.render(state, into: &buffer)
        })
        let frames = loop.framesDrawn
        let cells = backend.cellsWritten
        terminal.restore()
        print("dashboard-preview: \(exit); \(frames) frames, \(cells) cells written")
        if case .signal(let sig) = exit { throw ExitCode(128 + sig) }
    }
}
