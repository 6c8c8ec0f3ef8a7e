import NIOCore
import NIOPosix

/// The one thread the chain engine and its node connections run on: a
/// dedicated NIO event loop that is also the engine tasks' executor
/// (SE-0417 task executor preference). A frame read from the socket resumes
/// the task waiting for it on the same thread, and the engine's and the
/// client's actors (default actors) run there too, so a followed block
/// costs no handoffs between NIO's thread and Swift's global pool (about
/// 17 thread switches per block before: the per-block CPU target of
/// issue 6). The loop is the engine's own: other NIO users (the pRuntime
/// poller, an in-process devnet) keep the shared singleton group, and a
/// long decode here delays only the engine's sockets.
public final class EngineExecutor: TaskExecutor, @unchecked Sendable {
    public static let shared = EngineExecutor()

    private let group: MultiThreadedEventLoopGroup
    /// The loop sockets are opened on, for `WebSocketClient.connect`.
    let loop: any EventLoop

    private init() {
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        loop = group.next()
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
