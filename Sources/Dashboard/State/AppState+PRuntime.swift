import MiningCore
import TermUI

extension AppState {
    /// What the detail view and the registration pane say about a worker's
    /// pRuntime (issue 8, "a pRuntime's sync heights from /info"): its last
    /// `/info` against the chain head, or that the first poll is still out.
    /// Nil when the worker's config names no pRuntime and nothing was polled.
    public func pruntimeLine(for worker: WorkerKey) -> (text: String, role: StyleRole)? {
        guard let status = pruntimeStatuses[worker] else {
            guard config.pruntimeEndpoints[worker] != nil else { return nil }
            return ("pRuntime: waiting for the first /info", .textDim)
        }
        let head = pruntimePolledAtBlock ?? fleet.currentBlock
        let text = status.summary(chainHead: head)
        let role: StyleRole
        if case .unreachable = status.reachability {
            role = .textError
        } else if !status.initialized || head.map({ status.blocksBehind(chainHead: $0) > 1 }) == true {
            // One block behind is the normal lag of a poll between two blocks.
            role = .textWarning
        } else {
            role = status.registered ? .textOK : .text
        }
        return (text, role)
    }
}
