import ArgumentParser
import Foundation
import TermUI
import TermUINCurses

/// `khalatop ui-demo`: draws a table, widgets and a dialog through the real
/// ncurses backend, for checking the terminal layer by hand or in tmux.
/// Hidden from help; it shows no chain data.
struct UIDemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui-demo",
        abstract: "Draw the TermUI widgets through ncurses (a check of the terminal layer).",
        shouldDisplay: false)

    @Flag(name: .long, help: "Replace box drawing and block glyphs with ASCII.")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "No colour at all (as with NO_COLOR).")
    var noColor = false

    @Option(name: .long, help: "Theme name (built-in or in $XDG_CONFIG_HOME/khalatop/themes).")
    var theme = "default"

    /// Verification only: the `!` key then crashes the process this way, to
    /// check that the terminal is restored on a real fault.
    @Option(name: .customLong("crash-key"), help: .hidden)
    var crashKey: CrashKind?

    enum CrashKind: String, ExpressibleByArgument { case segv, trap, abort }

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

        let terminal = try Terminal(options: .init(stderrLogPath: logDir + "/ui-demo.log"))
        let depth = ColorDepth.detect(terminalColors: terminal.terminalColors, environment: env, noColorFlag: noColor)
        let backend = NcursesBackend(terminal: terminal, theme: first.theme, depth: depth)
        let mailbox = try Mailbox<UIDemoState.Message>()
        let loop = TerminalLoop(terminal: terminal, backend: backend, mailbox: mailbox)

        var state = UIDemoState(themeNames: names, themeIndex: names.firstIndex(of: first.theme.name) ?? 0,
                                theme: first.theme, themeErrors: first.errors.map(\.description),
                                depth: backend.depth, ascii: ascii || !terminal.isUTF8)
        state.size = terminal.size

        // A ticker thread posts one message a second: the mailbox wake path.
        let ticker = Thread { [mailbox] in
            var n = 0
            while !Thread.current.isCancelled {
                Thread.sleep(forTimeInterval: 1)
                n += 1
                mailbox.post(.tick(n))
            }
        }
        ticker.start()
        defer { ticker.cancel() }

        let crashKind = crashKey
        let exit = try loop.run(update: { event in
            if case .key(.char("!")) = event, let crashKind { UIDemoCommand.crash(crashKind) }
            let keepGoing = state.update(event)
            if state.themeChanged {
                state.themeChanged = false
                let result = load(state.themeNames[state.themeIndex])
                state.theme = result.theme
                state.themeErrors = result.errors.map(\.description)
                backend.setTheme(result.theme)
                loop.invalidate()
            }
            return keepGoing ? .continue : .quit
        }, view: { buffer in
            UIDemoView.draw(&state, into: &buffer)
        })
        let frames = loop.framesDrawn
        let cells = backend.cellsWritten
        terminal.restore()
        print("ui-demo: \(exit); \(frames) frames, \(cells) cells written")
        if case .signal(let sig) = exit { throw ExitCode(128 + sig) }
    }

    /// A real fault of the requested kind (never returns).
    static func crash(_ kind: CrashKind) -> Never {
        switch kind {
        case .segv:
            let p = UnsafeMutablePointer<Int>(bitPattern: 0x10)
            p?.pointee = 1
            fatalError("unreachable: write to 0x10 did not fault")
        case .trap: fatalError("ui-demo --crash-key trap")
        case .abort: abort()
        }
    }
}
