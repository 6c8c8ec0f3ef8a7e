import MiningCore

/// Which workers an action key applies to and, when it does not apply, why
/// (issue 8: "keys that do not apply to the selected worker's state say why
/// in the footer instead of doing nothing"). The rules are PROTOCOL.md §2's:
/// who may call, which session state each call needs.
extension AppState {
    /// The rows an action acts on: the marked workers in table order, else the selected one.
    public var actionRows: [WorkerRow] {
        if marked.isEmpty { return selectedRow.map { [$0] } ?? [] }
        let inTable = visible.map { rows[$0] }.filter { marked.contains($0.key) }
        let shown = Set(inTable.map(\.key))
        // Marked workers hidden by a filter still count: they were marked on purpose.
        let hidden = rows.filter { marked.contains($0.key) && !shown.contains($0.key) }
        return inTable + hidden
    }

    /// The targets of `kind` on `actionRows`, or the reason it cannot be done.
    public func plan(_ kind: ActionKind) -> Result<[ActionTarget], ActionRefusal> {
        if let reason = signer.disabledReason { return .failure(ActionRefusal(reason)) }
        let rows = actionRows
        guard !rows.isEmpty else { return .failure(ActionRefusal("\(kind.verb): no worker selected")) }
        var targets: [ActionTarget] = []
        var refusals: [String] = []
        for row in rows {
            switch target(kind, row) {
            case .success(let t): targets.append(t)
            case .failure(let r): refusals.append("\(row.label): \(r.text)")
            }
        }
        guard refusals.isEmpty else {
            let head = rows.count == 1 ? "\(kind.verb): " : "\(kind.verb) \(refusals.count) of \(rows.count) marked: "
            let more = refusals.count > 1 ? " (+\(refusals.count - 1) more)" : ""
            return .failure(ActionRefusal(head + refusals[0] + more))
        }
        return .success(targets)
    }

    /// Whether `kind` applies to one worker, and in which pool.
    func target(_ kind: ActionKind, _ row: WorkerRow) -> Result<ActionTarget, ActionRefusal> {
        let s = row.status
        func no(_ text: String) -> Result<ActionTarget, ActionRefusal> { .failure(ActionRefusal(text)) }
        func inPool(_ pid: UInt64) -> Result<ActionTarget, ActionRefusal> {
            if kind.ownerOnly, let owner = fleet.pools[pid]?.owner, let me = signer.account, owner != me {
                return no("the signer \(signerLabel) is not pool \(pid)'s owner \(Format.shortAccount(owner))")
            }
            return .success(ActionTarget(pid: pid, worker: row.key))
        }
        let stateText = s.state == nil ? "no session" : Format.state(s.state)
        switch kind {
        case .register:
            guard let url = config.workers.first(where: { $0.key == row.key })?.pruntime else {
                return no("registration needs the worker's pRuntime endpoint: set pruntime = \"http://host:8000\" for it in config.toml")
            }
            // The operator must be the pool's owner for add_worker later (§2): the configured pool's, else the signer.
            let pid = s.pid ?? configuredPool(for: row.key)
            let op = pid.flatMap { fleet.pools[$0]?.owner } ?? signer.account
            return .success(ActionTarget(pid: pid ?? 0, worker: row.key, pruntime: url, operator_: op))
        case .add:
            guard case .registered(let reg) = s.registration else {
                return no(s.registration == .notLoaded ? "registration not read yet" : "not registered on chain: register it first")
            }
            guard case .scored = reg.benchmark else { return no("benchmark pending: add_worker needs an initial score") }
            if let pid = s.pid { return no("already in pool \(pid)") }
            guard let pid = configuredPool(for: row.key) else {
                return no("which pool? name it for this worker in config.toml (pool = PID)")
            }
            if let owner = fleet.pools[pid]?.owner, let op = reg.operator_, op != owner {
                return no("its operator \(Format.shortAccount(op)) is not pool \(pid)'s owner \(Format.shortAccount(owner))")
            }
            return inPool(pid)
        case .start:
            guard let pid = s.pid else { return no("not in a pool: add it first (a)") }
            guard let state = s.state else { return no("session not read yet") }
            switch state {
            case .ready: break
            case .workerCoolingDown:
                let left = s.coolDown?.remainingSec ?? 0
                return no(left == 0 ? "cooling down and reclaimable: reclaim it first (c)"
                                    : "cooling down, \(Durations.text(seconds: left)) until it can be reclaimed")
            default: return no("already computing (\(stateText)); R restarts with more stake")
            }
            let blocking = s.notReadyReasons.filter {
                if case .insufficientFreeStake = $0 { return false }  // shown in the stake dialog instead
                return true
            }
            if let reason = blocking.first { return no("\(reason)") }
            return inPool(pid)
        case .stop:
            guard let pid = s.pid, let state = s.state, state.isComputing else { return no("not computing (\(stateText))") }
            return inPool(pid)
        case .reclaim:
            guard let pid = s.pid, s.state == .workerCoolingDown else { return no("not cooling down (\(stateText))") }
            let left = s.coolDown?.remainingSec ?? 0
            guard left == 0 else { return no("cool-down not over: \(Durations.text(seconds: left)) left") }
            return inPool(pid)
        case .restart:
            guard let pid = s.pid, let state = s.state, state.isComputing else {
                return no("not computing (\(stateText)); restart stops and starts a computing worker")
            }
            if let queue = fleet.pools[pid]?.basepool.withdrawQueue, !queue.isEmpty {
                return no("pool \(pid) has \(queue.count) queued withdrawal(s): the chain refuses restart_computing")
            }
            return inPool(pid)
        }
    }

    /// The pool the config names for a worker, else the only watched pool.
    func configuredPool(for key: WorkerKey) -> UInt64? {
        if let pid = config.workers.first(where: { $0.key == key })?.pid { return pid }
        let pids = Set(config.pools.map(\.pid)).union(fleet.pools.keys)
        return pids.count == 1 ? pids.first : nil
    }

    /// The signer's address shortened for messages.
    var signerLabel: String {
        if case .account(_, let address, _) = signer {
            return address.count > 12 ? "\(address.prefix(6))..\(address.suffix(4))" : address
        }
        return "-"
    }

    /// The stake dialog for `targets`: free stake per pool, the tightest
    /// minimum and maximum over the workers (§2), restart's current stake.
    func stakeInput(_ kind: ActionKind, targets: [ActionTarget]) -> StakeInput {
        var free: [UInt64: UInt128] = [:]
        var minimum: UInt128?
        var maximum: UInt128?
        var current: UInt128?
        var minimumKnown = true
        var maximumKnown = true
        for t in targets {
            if let pool = fleet.pools[t.pid] { free[t.pid] = pool.freeStakePlanck }
            let info = fleet.workers[t.worker]?.info
            if let score = info?.initialScore, let m = fleet.minimumStakePlanck(initialScore: score) {
                minimum = Swift.max(minimum ?? 0, m)
            } else {
                minimumKnown = false
            }
            if let score = info?.initialScore,
               let m = fleet.maximumStakePlanck(initialScore: score, confidenceLevel: info?.confidenceLevel ?? 1) {
                maximum = Swift.min(maximum ?? .max, m)
            } else {
                maximumKnown = false
            }
            if kind == .restart, let stake = rows.first(where: { $0.key == t.worker })?.status.stakePlanck {
                current = Swift.max(current ?? 0, stake)
            }
        }
        return StakeInput(kind: kind, targets: targets, freeStakePlanck: free, minimumPlanck: minimumKnown ? minimum : nil,
                          maximumPlanck: maximumKnown ? maximum : nil, currentStakePlanck: current)
    }
}

/// Why an action key did nothing, in words for the footer.
public struct ActionRefusal: Error, Hashable, Sendable {
    public var text: String
    public init(_ text: String) { self.text = text }
}
