import Glibc
import TermUI

/// Something the loop hands to the update function.
public enum LoopEvent<Message: Sendable> {
    case key(Key)
    case message(Message)
    /// The terminal changed size (SIGWINCH / KEY_RESIZE).
    case resized(Size)
    /// The process was continued after a suspend (Ctrl-Z, `fg`).
    case resumed
}

/// What the update function wants next.
public enum LoopDecision: Sendable {
    case `continue`
    case quit
}

/// Why the loop ended.
public enum LoopExit: Equatable, Sendable {
    /// The update function asked to quit.
    case quit
    /// SIGINT, SIGTERM or SIGHUP; exit with 128 + signal.
    case signal(Int32)
    /// stdin closed (the terminal went away).
    case inputClosed
}

/// The terminal thread's run loop (ARCHITECTURE.md, runtime loop): sleep in
/// `poll` on stdin, the mailbox's wake pipe and the signal pipe; on wake,
/// handle signals, drain keys and messages through `update`, then render once,
/// diff against the last frame and write only the changed cells.
///
/// Why no frame timer: an idle dashboard must use no CPU. Redraws are
/// coalesced by a `RedrawScheduler`: at most one per `minFrameIntervalNanos`
/// (33 ms, ~30 a second); a burst of events inside that interval becomes one
/// frame, drawn when the interval ends.
public final class TerminalLoop<Message: Sendable> {
    public let terminal: Terminal
    public let backend: NcursesBackend
    public let mailbox: Mailbox<Message>
    private var scheduler: RedrawScheduler
    private var renderer = FrameRenderer()

    /// Frames drawn so far.
    public var framesDrawn: Int { scheduler.framesDrawn }

    public init(terminal: Terminal, backend: NcursesBackend, mailbox: Mailbox<Message>,
                minFrameIntervalNanos: UInt64 = 33_000_000) {
        self.terminal = terminal
        self.backend = backend
        self.mailbox = mailbox
        self.scheduler = RedrawScheduler(minIntervalNanos: minFrameIntervalNanos)
    }

    /// Forces the next frame to be drawn in full (after a theme change).
    public func invalidate() {
        renderer.invalidate()
    }

    /// Runs until `update` says `.quit`, a terminating signal arrives or stdin
    /// closes. `view` draws the whole screen into a fresh buffer and returns
    /// where the cursor goes (nil hides it); it is called at most once per wake.
    public func run(update: (LoopEvent<Message>) -> LoopDecision,
                    view: (inout Buffer) -> Position?) throws -> LoopExit {
        var fds = [
            pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
            pollfd(fd: mailbox.wakeReadFd, events: Int16(POLLIN), revents: 0),
            pollfd(fd: terminal.signalReadFd, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            if scheduler.shouldDraw(nowNanos: TerminalLoop.monotonicNanos()) {
                var target = backend
                try renderer.render(size: backend.size, to: &target, view)
                scheduler.didDraw(nowNanos: TerminalLoop.monotonicNanos())
            }
            let timeoutMs = scheduler.pollTimeoutMs(nowNanos: TerminalLoop.monotonicNanos())
            for i in fds.indices { fds[i].revents = 0 }
            let ready = poll(&fds, nfds_t(fds.count), timeoutMs)
            if ready < 0 && errno != EINTR { throw TerminalError.system(call: "poll", errno: errno) }

            // Signals first: they can change the size or end the loop.
            if fds[2].revents != 0 { WakePipe.drain(terminal.signalReadFd) }
            let pending = TerminalSignals.takePending()
            if pending != 0 {
                for sig in [SIGINT, SIGTERM, SIGHUP] where pending & TerminalSignals.bit(sig) != 0 {
                    return .signal(sig)
                }
                if pending & TerminalSignals.bit(SIGTSTP) != 0 {
                    terminal.suspend()
                    renderer.invalidate()
                    if update(.resumed) == .quit { return .quit }
                    scheduler.markDirty()
                } else if pending & TerminalSignals.bit(SIGCONT) != 0 {
                    terminal.resumeScreen()
                    renderer.invalidate()
                    if update(.resumed) == .quit { return .quit }
                    scheduler.markDirty()
                }
                if pending & TerminalSignals.bit(SIGWINCH) != 0 {
                    let size = terminal.resizeToTerminal()
                    renderer.invalidate()
                    if update(.resized(size)) == .quit { return .quit }
                    scheduler.markDirty()
                }
            }

            if fds[0].revents & Int16(POLLIN) != 0 {
                while let key = terminal.readKey() {
                    if key == .resize {
                        // ncurses noticed a size change itself; treat it like SIGWINCH.
                        renderer.invalidate()
                        if update(.resized(terminal.size)) == .quit { return .quit }
                    } else if update(.key(key)) == .quit {
                        return .quit
                    }
                    scheduler.markDirty()
                }
            } else if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                return .inputClosed
            }

            if fds[1].revents != 0 {
                for message in mailbox.drain() {
                    if update(.message(message)) == .quit { return .quit }
                    scheduler.markDirty()
                }
            }
        }
    }

    static func monotonicNanos() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}
