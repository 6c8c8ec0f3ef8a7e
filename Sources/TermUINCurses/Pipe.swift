import Glibc

/// A non-blocking, close-on-exec pipe used to wake the run loop.
///
/// Why: the loop sleeps in `poll`; a signal handler or another thread writes
/// one byte here to wake it (the self-pipe trick).
enum WakePipe {
    /// Creates the pipe; returns (read, write) descriptors.
    static func make() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw TerminalError.system(call: "pipe", errno: errno) }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        return (fds[0], fds[1])
    }

    /// Reads and discards every byte waiting in `fd`.
    static func drain(_ fd: Int32) {
        var scratch = [UInt8](repeating: 0, count: 64)
        while scratch.withUnsafeMutableBytes({ read(fd, $0.baseAddress, 64) }) > 0 {}
    }
}
