import ArgumentParser
import Dashboard
import Foundation
import TermUI
import TermUINCurses

/// Display flags shared by every command that shows the dashboard.
struct DashboardDisplayOptions: ParsableArguments {
    @Flag(name: .long, help: "Replace box drawing and block glyphs with ASCII.")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "No colour at all (as with NO_COLOR).")
    var noColor = false

    @Option(name: .long, help: "Theme name (built-in or in $XDG_CONFIG_HOME/khalatop/themes); overrides the config's theme.")
    var theme: String?

    @Option(name: .customLong("refresh-ms"),
            help: ArgumentHelp("Milliseconds between clock refreshes (100-3600000); overrides the config's refresh_ms.",
                               valueName: "ms"))
    var refreshMs: Int?

    func validate() throws {
        if let theme, !DashboardConfig.isValidThemeName(theme) { throw ValidationError("--theme: a name of 1-64 characters") }
        if let refreshMs, !DashboardConfig.refreshMsRange.contains(refreshMs) {
            throw ValidationError("--refresh-ms must be 100...3600000")
        }
    }
}

/// Where the dashboard reads themes and writes its log (XDG base directories).
struct DashboardPaths: Sendable {
    let environment: [String: String]
    let themeDirs: [String]
    let logDir: String

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
        let home = environment["HOME"] ?? "/tmp"
        let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.config"
        let stateHome = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.local/state"
        themeDirs = [configHome + "/khalatop/themes"]
        logDir = stateHome + "/khalatop"
    }

    /// Creates the log directory (best effort) and returns the path of `name` in it.
    func logPath(_ name: String) -> String {
        try? FileManager.default.createDirectory(atPath: logDir, withIntermediateDirectories: true)
        return logDir + "/" + name
    }

    func loadTheme(_ name: String) -> ThemeLoader.Result {
        ThemeLoader.load(name: name, directories: themeDirs, readFile: PosixFiles.readText)
    }

    var themeNames: [String] {
        ThemeLoader.availableNames(directories: themeDirs, listDirectory: PosixFiles.list)
    }
}

/// How a dashboard session ended, with its drawing totals.
struct DashboardRunResult: Sendable {
    var exit: LoopExit
    var framesDrawn: Int
    var cellsWritten: Int
}

/// The one place that runs the Dashboard in the real ncurses `TerminalLoop`
/// (ARCHITECTURE.md, runtime loop): takes the screen, feeds keys, resizes and
/// mailbox messages through `reduce`, performs the effects, renders, and
/// gives the terminal back. Used by the live dashboard (`khalatop`) and by
/// `dashboard-preview`; the data comes only through `mailbox`.
struct DashboardRunner: Sendable {
    var paths: DashboardPaths
    var ascii: Bool
    var noColor: Bool
    var theme: String
    /// While curses owns the screen, stderr goes to this file.
    var logPath: String

    init(paths: DashboardPaths, options: DashboardDisplayOptions, logPath: String) {
        self.paths = paths
        ascii = options.ascii
        noColor = options.noColor
        theme = options.theme ?? "default"
        self.logPath = logPath
    }

    /// Runs until the user quits, a signal arrives or stdin closes. Blocks the
    /// calling thread. `makeState` gets the loaded theme's name and the theme names.
    func run(mailbox: Mailbox<Msg>, makeState: (_ themeName: String, _ themeNames: [String]) -> AppState) throws
        -> DashboardRunResult
    {
        let first = paths.loadTheme(theme)
        var state = makeState(first.theme.name, paths.themeNames)
        _ = reduce(&state, .themeLoaded(name: first.theme.name, problems: first.errors.map(\.description)))

        let terminal = try Terminal(options: .init(stderrLogPath: logPath))
        let depth = ColorDepth.detect(terminalColors: terminal.terminalColors, environment: paths.environment,
                                      noColorFlag: noColor)
        let backend = NcursesBackend(terminal: terminal, theme: first.theme, depth: depth)
        let loop = TerminalLoop(terminal: terminal, backend: backend, mailbox: mailbox)
        _ = reduce(&state, .terminalResized(terminal.size))
        let useASCII = ascii || !terminal.isUTF8

        let exit: LoopExit
        do {
            exit = try loop.run(update: { event in
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
                        let result = paths.loadTheme(name)
                        backend.setTheme(result.theme)
                        loop.invalidate()
                        _ = reduce(&state, .themeLoaded(name: name, problems: result.errors.map(\.description)))
                    case .saveConfig, .submit:
                        break  // nothing is written or signed from here yet
                    }
                }
                return .continue
            }, view: { buffer in
                if useASCII { buffer.glyphs = .ascii }
                return Screen.render(state, into: &buffer)
            })
        } catch {
            terminal.restore()
            throw error
        }
        let result = DashboardRunResult(exit: exit, framesDrawn: loop.framesDrawn, cellsWritten: backend.cellsWritten)
        terminal.restore()
        return result
    }
}

extension DashboardRunner {
    /// Runs the dashboard on a thread of its own (the loop blocks in `poll`;
    /// it must not hold a thread of the concurrency pool the engine and the
    /// devnet run on) and returns when it ends.
    func runOnThread(mailbox: Mailbox<Msg>, makeState: @escaping @Sendable (String, [String]) -> AppState) async throws
        -> DashboardRunResult
    {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<DashboardRunResult, any Error>) in
            let thread = Thread {
                done.resume(with: Result { try self.run(mailbox: mailbox, makeState: makeState) })
            }
            thread.stackSize = 8 << 20
            thread.name = "khalatop-terminal"
            thread.start()
        }
    }
}
