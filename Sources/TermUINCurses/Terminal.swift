import CNCurses
import Glibc
import Synchronization
import TermUI

/// The terminal while curses owns it: set-up, size, key input, suspend and
/// resume, and restoring the terminal on every exit path.
///
/// Why a class: it is a lifecycle, not a value (STYLE.md, principle 7); exactly
/// one exists at a time and only the terminal thread uses it. Exit paths
/// covered: `restore()` (normal end, also called by `deinit`), an `atexit`
/// hook (someone calls `exit`), SIGINT/SIGTERM/SIGHUP (the loop ends and the
/// caller restores), and crash signals (SIGSEGV, SIGABRT, SIGBUS, SIGILL,
/// SIGFPE, SIGTRAP: `endwin`, then the previous handler runs).
public final class Terminal {
    /// How to set the terminal up.
    public struct Options: Sendable {
        /// While curses is active, stderr goes to this file (created 0600,
        /// appended) so nothing scribbles over the screen; nil leaves stderr alone.
        public var stderrLogPath: String?
        /// Milliseconds to wait after Esc for the rest of an escape sequence.
        public var escapeDelayMs: Int32

        public init(stderrLogPath: String? = nil, escapeDelayMs: Int32 = 25) {
            self.stderrLogPath = stderrLogPath
            self.escapeDelayMs = escapeDelayMs
        }
    }

    /// Colours the terminal reported (`COLORS`, 0 without colour support).
    public let terminalColors: Int
    /// True when the terminfo entry takes 24-bit colours directly (`TERM=*-direct`).
    public let directColor: Bool
    /// True when the locale encodes UTF-8 (after the C.UTF-8 fallback); when
    /// false, callers should draw with `GlyphSet.ascii`.
    public let isUTF8: Bool
    /// Read end of the signal pipe, polled by the run loop.
    let signalReadFd: Int32
    private let signalWriteFd: Int32
    private var screen: OpaquePointer?
    private var active = false

    /// Takes over the terminal. Throws when stdin/stdout are not a terminal or
    /// `TERM` is unknown; nothing is changed in that case.
    public init(options: Options = Options()) throws {
        guard isatty(0) == 1, isatty(1) == 1 else { throw TerminalError.notATerminal }
        guard !Terminal.instanceActive.exchange(true, ordering: .acquiringAndReleasing) else {
            throw TerminalError.alreadyActive
        }
        // Any failure below gives the slot back.
        var ready = false
        defer { if !ready { Terminal.instanceActive.store(false, ordering: .releasing) } }
        // Locale first: ncursesw needs a UTF-8 LC_CTYPE to draw wide characters.
        setlocale(LC_ALL, "")
        if kt_codeset_is_utf8() == 0 { setlocale(LC_CTYPE, "C.UTF-8") }
        isUTF8 = kt_codeset_is_utf8() != 0

        let fds = try WakePipe.make()
        signalReadFd = fds.read
        signalWriteFd = fds.write

        TerminalSignals.install(wakeFd: signalWriteFd)
        Terminal.registerAtExitOnce()
        guard let screen = kt_newterm() else {
            TerminalSignals.uninstall()
            close(fds.read); close(fds.write)
            throw TerminalError.initFailed(term: getenv("TERM").map { String(cString: $0) } ?? "")
        }
        self.screen = screen
        set_term(screen)
        cursesActive.store(true, ordering: .releasing)
        active = true

        if let path = options.stderrLogPath {
            let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
            if fd >= 0 {
                savedStderrFd.store(dup(2), ordering: .releasing)
                dup2(fd, 2)
                close(fd)
            }
        }

        cbreak()
        noecho()
        nonl()
        intrflush(kt_stdscr(), false)
        keypad(kt_stdscr(), true)
        nodelay(kt_stdscr(), true)
        set_escdelay(options.escapeDelayMs)
        curs_set(0)
        if has_colors() {
            start_color()
            use_default_colors()
            terminalColors = Int(kt_colors())
        } else {
            terminalColors = 0
        }
        directColor = terminalColors >= ColorDepth.trueColor.rawValue
        ready = true
    }

    deinit {
        restore()
        close(signalReadFd)
        close(signalWriteFd)
    }

    /// Gives the terminal back: leaves curses mode, restores stderr and the
    /// previous signal handlers. Safe to call more than once.
    public func restore() {
        guard active else { return }
        active = false
        curs_set(1)
        // Always end curses here, even if a signal path already did (the
        // screen may have been re-entered since).
        cursesActive.store(false, ordering: .releasing)
        endwin()
        restoreTerminalFromSignal()
        TerminalSignals.uninstall()
        if let screen { delscreen(screen) }
        screen = nil
        Terminal.instanceActive.store(false, ordering: .releasing)
    }

    /// The current screen size.
    public var size: Size {
        var rows: Int32 = 0, cols: Int32 = 0
        kt_getmaxyx(kt_stdscr(), &rows, &cols)
        return Size(width: Int(cols), height: Int(rows))
    }

    /// Re-reads the tty size (after SIGWINCH) and resizes curses' screens.
    @discardableResult
    public func resizeToTerminal() -> Size {
        var rows: Int32 = 0, cols: Int32 = 0
        if kt_tty_size(1, &rows, &cols) == 0, rows > 0, cols > 0 {
            resizeterm(rows, cols)
        }
        return size
    }

    /// Suspends on Ctrl-Z: gives the terminal back, stops the process, and
    /// takes the terminal again when continued (the caller redraws in full).
    public func suspend() {
        guard active else { return }
        endwin()
        cursesActive.store(false, ordering: .releasing)
        signal(SIGTSTP, SIG_DFL)
        // Process-directed, not raise(): the loop may run on a Swift concurrency
        // thread that blocks SIGTSTP, where a thread-directed signal would wait.
        kill(getpid(), SIGTSTP)
        // Another thread takes the stop; wait here until our SIGCONT handler
        // says we were continued (at most 1 s of running time, in case the stop
        // was discarded, as for an orphaned process group).
        TerminalSignals.waitForContinue(signalReadFd: signalReadFd, timeoutMs: 1000)
        TerminalSignals.reinstallStop()
        resumeScreen()
    }

    /// After SIGCONT (or a suspend): re-enter program mode and repaint everything.
    public func resumeScreen() {
        guard active else { return }
        reset_prog_mode()
        cursesActive.store(true, ordering: .releasing)
        resizeToTerminal()
        clearok(kt_curscr(), true)
        wrefresh(kt_stdscr())
    }

    /// The next key typed, nil when none is waiting (input is non-blocking).
    public func readKey() -> Key? {
        var value: wint_t = 0
        let status = kt_get_wch(&value)
        if status == ERR { return nil }
        if status == kt_key_code_yes() { return KeyDecoder.decode(keyCode: Int32(value)) }
        return KeyDecoder.decode(character: UInt32(value))
    }

    private static let atExitRegistered = Atomic<Bool>(false)
    /// One Terminal at a time per process.
    private static let instanceActive = Atomic<Bool>(false)

    /// `exit()` from anywhere still restores the terminal.
    private static func registerAtExitOnce() {
        if atExitRegistered.exchange(true, ordering: .acquiringAndReleasing) { return }
        atexit { restoreTerminalFromSignal() }
    }
}
