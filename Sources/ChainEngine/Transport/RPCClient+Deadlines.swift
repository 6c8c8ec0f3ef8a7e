import SubstrateRPC

/// Per-request timeouts with one task per client instead of one per call:
/// each pending call carries its deadline, and a single sweeper sleeps until
/// the earliest one, fails whatever is overdue and sleeps again, ending when
/// nothing with a deadline is left. A followed block costs no timer task
/// (the per-block CPU target of issue 6); timeouts fire at their deadline
/// as before.
extension RPCClient {
    /// Makes sure the sweeper wakes by `deadline`.
    func armSweeper(for deadline: ContinuousClock.Instant) {
        if sweeper != nil, let at = sweeperWakesAt, at <= deadline { return }
        sweeper?.cancel()
        sweeperToken &+= 1
        let token = sweeperToken
        sweeperWakesAt = deadline
        sweeper = Task { [weak self] in
            var wake = deadline
            while true {
                try? await Task.sleep(until: wake, clock: .continuous)
                guard !Task.isCancelled, let next = await self?.expireOverdue(token: token) else { return }
                wake = next
            }
        }
    }

    /// Fails the calls whose deadline has passed; returns the next deadline,
    /// or nil when none is left (or `token` is not the current sweeper's).
    func expireOverdue(token: UInt64) -> ContinuousClock.Instant? {
        guard token == sweeperToken else { return nil }
        let now = ContinuousClock.now
        var next: ContinuousClock.Instant? = nil
        var overdue: [RPCID] = []
        for (id, call) in pending {
            guard let d = call.deadline else { continue }
            if d <= now {
                overdue.append(id)
            } else if next.map({ d < $0 }) ?? true {
                next = d
            }
        }
        for id in overdue {
            guard let call = pending.removeValue(forKey: id) else { continue }
            stats.timeouts += 1
            call.resume(.failure(.timeout(method: call.method, seconds: call.timeoutSeconds)))
        }
        sweeperWakesAt = next
        if next == nil { sweeper = nil }
        return next
    }

    /// Nothing is pending any more (the connection ended).
    func stopSweeper() {
        sweeper?.cancel()
        sweeper = nil
        sweeperWakesAt = nil
        sweeperToken &+= 1
    }
}
