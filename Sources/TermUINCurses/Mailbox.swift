import Glibc
import Synchronization

/// Where engine tasks post messages for the terminal thread.
///
/// Why: the run loop sleeps in `poll`; `post` appends under a mutex and writes
/// one wake byte when the queue goes from empty to non-empty, so a burst of
/// observations costs one wake-up and one redraw (ARCHITECTURE.md, runtime
/// loop). No lock is ever held while drawing.
public final class Mailbox<Message: Sendable>: Sendable {
    private let queue = Mutex<[Message]>([])
    /// Read end, polled by the loop.
    public let wakeReadFd: Int32
    private let wakeWriteFd: Int32

    public init() throws {
        let fds = try WakePipe.make()
        wakeReadFd = fds.read
        wakeWriteFd = fds.write
    }

    deinit {
        close(wakeReadFd)
        close(wakeWriteFd)
    }

    /// Queues a message and wakes the loop; callable from any thread.
    public func post(_ message: Message) {
        let wasEmpty = queue.withLock { q in
            let empty = q.isEmpty
            q.append(message)
            return empty
        }
        if wasEmpty {
            var byte: UInt8 = 1
            _ = write(wakeWriteFd, &byte, 1)
        }
    }

    /// Takes every queued message, oldest first.
    public func drain() -> [Message] {
        WakePipe.drain(wakeReadFd)
        return queue.withLock { q in
            let out = q
            q.removeAll(keepingCapacity: true)
            return out
        }
    }
}
