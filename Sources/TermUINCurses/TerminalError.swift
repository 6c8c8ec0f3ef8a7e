/// Why the terminal could not be taken over or driven.
public enum TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// stdin or stdout is not a terminal (piped, redirected, or under cron).
    case notATerminal
    /// ncurses could not set up `TERM` (unknown terminal type, no terminfo entry).
    case initFailed(term: String)
    /// A `Terminal` already owns the screen in this process (signal handling
    /// and curses state are per process).
    case alreadyActive
    /// A system call failed (`pipe`, `poll`), with errno.
    case system(call: String, errno: Int32)

    public var description: String {
        switch self {
        case .notATerminal:
            return "not a terminal: the dashboard needs stdin and stdout on a terminal (use a headless subcommand for scripts)"
        case .initFailed(let term):
            return "cannot start the terminal UI for TERM=\(term.isEmpty ? "(unset)" : term); set TERM to a known type such as xterm-256color"
        case .alreadyActive:
            return "the terminal is already in use by another Terminal in this process"
        case .system(let call, let errno):
            return "\(call) failed (errno \(errno))"
        }
    }
}
