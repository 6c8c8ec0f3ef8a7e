import ChainEngine
import Dashboard
import Logging
import MiningCore
import TermUINCurses

/// Carries the workers' pRuntime `/info` polls to the dashboard (issue 8,
/// "a pRuntime's sync heights from /info also show in the worker's detail
/// view"): one `PRuntimePoller` round every `intervalSeconds`, posted as
/// `.pruntimeStatusesPolled`. Runs on the concurrency pool, never on the
/// terminal thread; each round is bounded by the client's timeout, so
/// cancelling the task (on quit) ends it within one timeout.
enum PRuntimePump {
    /// Seconds between rounds: the dashboard's refresh, but at most once a Khala block (12 s): /info is one
    /// HTTP request per worker, a pRuntime falls behind over minutes, and the lag shown is measured against
    /// the chain head of the poll, so a slower poll does not read as lag.
    static func intervalSeconds(refreshMs: Int) -> Double { max(12, Double(refreshMs) / 1000) }

    /// The poller for `endpoints`, or nil when no watched worker names a pRuntime.
    static func poller(endpoints: [WorkerKey: String], refreshMs: Int) -> PRuntimePoller? {
        guard !endpoints.isEmpty else { return nil }
        return PRuntimePoller(endpoints: endpoints, intervalSeconds: intervalSeconds(refreshMs: refreshMs),
                              clientConfiguration: .init(timeoutSeconds: 3))
    }

    /// Polls until the task is cancelled; the in-flight round is awaited, not abandoned.
    static func run(poller: PRuntimePoller, mailbox: Mailbox<Msg>, logger: Logger) async {
        logger.info("polling \(poller.endpoints.count) pRuntime endpoint(s) every \(poller.intervalSeconds) s")
        var unreachable = Set<WorkerKey>()
        while !Task.isCancelled {
            let statuses = await poller.poll()
            // Logged when a pRuntime stops or starts answering, not every round.
            for (worker, status) in statuses {
                if case .unreachable(let why) = status.reachability {
                    if unreachable.insert(worker).inserted { logger.notice("pRuntime \(status.endpoint) unreachable: \(why)") }
                } else if unreachable.remove(worker) != nil {
                    logger.info("pRuntime \(status.endpoint) answers again")
                }
            }
            if Task.isCancelled { break }
            mailbox.post(.pruntimeStatusesPolled(statuses))
            try? await Task.sleep(for: .seconds(poller.intervalSeconds))
        }
    }
}
