import CNCurses
import Glibc
import Synchronization

/// Signals the terminal thread must hear about, as bits of `pendingSignals`.
///
/// Why a pipe and bits: a signal handler may only do async-signal-safe work, so
/// it records the signal and writes one byte to a pipe the run loop polls; the
/// loop then resizes, suspends or quits on its own thread (htop, bottom and
/// every careful curses program do the same).
enum TerminalSignals {
    static let handled: [Int32] = [SIGWINCH, SIGTSTP, SIGCONT, SIGINT, SIGTERM, SIGHUP]
    /// Crash signals: restore the terminal, then let the previous handler (the
    /// Swift runtime's backtracer, or the default action) run.
    static let crashes: [Int32] = [SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE, SIGTRAP]

    /// Takes the signals seen since the last call.
    static func takePending() -> UInt64 { pendingSignals.exchange(0, ordering: .acquiringAndReleasing) }

    static func bit(_ signal: Int32) -> UInt64 { 1 << UInt64(signal & 63) }

    /// Installs the handlers; must run before `newterm` so ncurses keeps ours.
    static func install(wakeFd: Int32) {
        signalWakeFd.store(wakeFd, ordering: .releasing)
        for signal in handled {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = recordSignal
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(signal, &action, savedActions + Int(signal))
        }
        for signal in crashes {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = crashSignal
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(bitPattern: UInt32(SA_NODEFER) | UInt32(SA_RESETHAND))
            sigaction(signal, &action, savedActions + Int(signal))
        }
    }

    /// Puts back the handlers that were there before `install`.
    static func uninstall() {
        for signal in handled + crashes {
            sigaction(signal, savedActions + Int(signal), nil)
        }
        signalWakeFd.store(-1, ordering: .releasing)
    }

    /// Sleeps until SIGCONT has been recorded (and clears it), or `timeoutMs`
    /// of polling passed.
    static func waitForContinue(signalReadFd: Int32, timeoutMs: Int32) {
        var waitedMs: Int32 = 0
        let contBit = bit(SIGCONT)
        while pendingSignals.load(ordering: .acquiring) & contBit == 0 && waitedMs < timeoutMs {
            var fd = pollfd(fd: signalReadFd, events: Int16(POLLIN), revents: 0)
            _ = poll(&fd, 1, 50)
            waitedMs += 50
        }
        pendingSignals.bitwiseAnd(~contBit, ordering: .acquiringAndReleasing)
    }

    /// Re-installs our SIGTSTP handler after a suspend (it is set to the default
    /// action to stop the process).
    static func reinstallStop() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = recordSignal
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGTSTP, &action, nil)
    }
}

/// Signals seen but not yet handled by the loop.
let pendingSignals = Atomic<UInt64>(0)
/// Write end of the terminal's signal pipe (-1 when none).
let signalWakeFd = Atomic<Int32>(-1)
/// True while curses owns the screen (read by crash and exit handlers).
let cursesActive = Atomic<Bool>(false)
/// The stderr saved while it is redirected to a log file (-1 when not).
let savedStderrFd = Atomic<Int32>(-1)
/// Signal actions in place before ours, indexed by signal number.
nonisolated(unsafe) let savedActions: UnsafeMutablePointer<sigaction> = {
    let p = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    p.initialize(repeating: sigaction(), count: 65)
    return p
}()

/// Records a signal and wakes the loop. A second SIGINT while the first is
/// still pending means the loop is stuck: restore the terminal and die.
private func recordSignal(_ signal: Int32) {
    let bit = TerminalSignals.bit(signal)
    let before = pendingSignals.bitwiseOr(bit, ordering: .acquiringAndReleasing).oldValue
    if signal == SIGINT, before & bit != 0 {
        restoreTerminalFromSignal()
        Glibc.signal(SIGINT, SIG_DFL)
        kill(getpid(), SIGINT)
        return
    }
    let fd = signalWakeFd.load(ordering: .acquiring)
    if fd >= 0 {
        var byte: UInt8 = UInt8(truncatingIfNeeded: signal)
        _ = write(fd, &byte, 1)
    }
}

/// Crash path: leave curses mode so the shell is usable, then hand the signal
/// to whoever had it before (with SA_RESETHAND our handler is already gone).
private func crashSignal(_ signal: Int32) {
    restoreTerminalFromSignal()
    sigaction(signal, savedActions + Int(signal), nil)
    raise(signal)
    // Still alive: the previous handler returned (a crash signal sent with
    // `kill`, not a real fault). Do not carry on with a half-torn-down screen.
    _exit(128 + signal)
}

/// Best-effort terminal restore from a signal handler or `atexit`: `endwin`
/// resets the tty modes and leaves the alternate screen; stderr is put back so
/// a crash report reaches the user.
func restoreTerminalFromSignal() {
    if cursesActive.exchange(false, ordering: .acquiringAndReleasing) {
        endwin()
    }
    let saved = savedStderrFd.exchange(-1, ordering: .acquiringAndReleasing)
    if saved >= 0 {
        dup2(saved, 2)
        close(saved)
    }
}
