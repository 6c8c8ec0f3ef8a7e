import Scale

/// Everything the devnet runtime mutates while building a block: the typed
/// model (accounts, workers, sessions, pools) and the storage it is mirrored
/// into under the real keys. A value type, so a failing extrinsic is undone
/// by restoring the copy taken before it (dispatch is transactional, as in FRAME).
struct RuntimeState: Sendable {
    var storage: StateStore
    var accounts: [[UInt8]: AccountInfo] = [:]
    /// W-PHA (Assets 10000) balances, where pool stake lives (§1.3).
    var wpha: [[UInt8]: UInt128] = [:]
    var workerInfos: [[UInt8]: WorkerInfoV2] = [:]
    var sessions: [[UInt8]: SessionInfo] = [:]
    var stakes: [[UInt8]: UInt128] = [:]
    var pools: [UInt64: StakePool] = [:]
    var sims: [SimWorker] = []
    var simIndexByPubkey: [[UInt8]: Int] = [:]
    var simIndexBySession: [[UInt8]: Int] = [:]
    var onlineWorkers: UInt32 = 0
    var nextSessionId: UInt32 = 0
    var heartbeatPaused = false
    var tokenomic: TokenomicParameters
    var ingress: [MessageOrigin: UInt64] = [:]
    var outbound: [MqMessage] = []
    var events: [EventRecord] = []
    var phase: EventPhase = .initialization
    /// `PhalaRegistry.PRuntimeAllowList` and `RelaychainGenesisBlockHashAllowList` (§1.1).
    var pruntimeAllowList: [[UInt8]] = []
    var relayGenesisAllowList: [[UInt8]] = []
    var nowMs: UInt64 = 0
    /// Simulated workers (by index) whose pRuntime relays its benchmark report in a block (§2 BenchStart).
    var benchReports: [UInt32: [Int]] = [:]

    static let wphaAssetId: UInt32 = 10_000

    var nowSeconds: UInt64 { nowMs / 1000 }

    mutating func deposit(_ event: RuntimeEvent) { events.append(EventRecord(phase: phase, event: event)) }

    // MARK: mirrored writes

    mutating func putAccount(_ id: [UInt8], _ info: AccountInfo) {
        accounts[id] = info
        storage.set(DevnetKeys.account(id), scaleEncoded(info))
    }

    mutating func putWPHA(_ id: [UInt8], _ balance: UInt128) {
        wpha[id] = balance
        storage.set(DevnetKeys.assetAccount(asset: Self.wphaAssetId, id), scaleEncoded(AssetAccount(balancePlanck: balance)))
    }

    mutating func putWorkerInfo(_ info: WorkerInfoV2) {
        workerInfos[info.pubkey] = info
        storage.set(DevnetKeys.worker(info.pubkey), scaleEncoded(info))
    }

    mutating func putSession(_ account: [UInt8], _ info: SessionInfo?) {
        sessions[account] = info
        storage.set(DevnetKeys.session(account), info.map { scaleEncoded($0) })
    }

    mutating func putStake(_ account: [UInt8], _ planck: UInt128?) {
        stakes[account] = planck
        storage.set(DevnetKeys.stake(account), planck.map { scaleEncoded($0) })
    }

    mutating func putPool(_ pool: StakePool) {
        pools[pool.pid] = pool
        storage.set(DevnetKeys.pool(pool.pid), scaleEncoded(pool))
    }

    mutating func putOnlineWorkers(_ n: UInt32) {
        onlineWorkers = n
        storage.set(DevnetKeys.onlineWorkers, scaleEncoded(n))
    }

    mutating func bind(worker: [UInt8], session: [UInt8], pid: UInt64) {
        storage.set(DevnetKeys.workerBinding(worker), session)
        storage.set(DevnetKeys.sessionBinding(session), worker)
        storage.set(DevnetKeys.workerAssignment(worker), scaleEncoded(pid))
        storage.set(DevnetKeys.subAccountPreimage(session), scaleEncoded(pid) + worker)
    }

    mutating func unbind(worker: [UInt8], session: [UInt8]) {
        storage.set(DevnetKeys.workerBinding(worker), nil)
        storage.set(DevnetKeys.sessionBinding(session), nil)
        storage.set(DevnetKeys.workerAssignment(worker), nil)
        storage.set(DevnetKeys.subAccountPreimage(session), nil)
    }

    mutating func pushOutbound(_ message: MqMessage) {
        outbound.append(message)
        storage.set(DevnetKeys.outboundMessages, scaleEncoded(outbound))
    }

    mutating func putIngress(_ origin: MessageOrigin, _ next: UInt64) {
        ingress[origin] = next
        storage.set(DevnetKeys.offchainIngress(origin), scaleEncoded(next))
    }

    /// Moves free PHA; throws Balances.InsufficientBalance.
    mutating func transferPHA(from: [UInt8], to: [UInt8], amount: UInt128) throws(DispatchError) {
        var a = accounts[from] ?? AccountInfo()
        guard a.freePlanck >= amount else { throw DevnetErrors.module("Balances", "InsufficientBalance") }
        a.freePlanck -= amount
        putAccount(from, a)
        var b = accounts[to] ?? AccountInfo()
        if accounts[to] == nil { b.providers = 1; deposit(.newAccount(account: to)) }
        b.freePlanck += amount
        putAccount(to, b)
        deposit(.transfer(from: from, to: to, amount: amount))
    }

    /// Moves W-PHA; throws Assets.BalanceLow.
    mutating func transferWPHA(from: [UInt8], to: [UInt8], amount: UInt128) throws(DispatchError) {
        let a = wpha[from] ?? 0
        guard a >= amount else { throw DevnetErrors.module("Assets", "BalanceLow") }
        putWPHA(from, a - amount)
        putWPHA(to, (wpha[to] ?? 0) + amount)
    }
}

/// Module errors by their real names, indexed through the devnet metadata
/// (which carries Khala 1251's error enums unchanged, PROTOCOL.md §1.6).
/// Errors only later runtimes have (`laterErrors`) get indices after the
/// 1251 enum's; `DevnetRuntime.reindex` maps every error by name to the
/// executing runtime's index before it reaches an event.
enum DevnetErrors {
    /// Registry errors added after 1251 (§1.6), in the order they are numbered here.
    static let laterErrors: [String: [String]] = ["PhalaRegistry": ["InvalidDCAPQuote", "UnsupportedAttestationType"]]

    static func module(_ pallet: String, _ name: String) -> DispatchError {
        let md = DevnetMetadata.metadata
        guard let p = md.pallet(named: pallet) else { return .other }
        if let e = md.error(pallet: pallet, name: name) { return .module(pallet: p.index, error: e.index) }
        guard let k = laterErrors[pallet]?.firstIndex(of: name), let next = nextBaseIndex(pallet) else { return .other }
        return .module(pallet: p.index, error: next + UInt8(k))
    }

    /// The (pallet, error) names of an index `module` produced.
    static func name(palletIndex: UInt8, errorIndex: UInt8) -> (pallet: String, error: String)? {
        let md = DevnetMetadata.metadata
        if let e = md.error(palletIndex: palletIndex, errorIndex: errorIndex) { return (e.pallet, e.error.name) }
        guard let p = md.pallet(index: palletIndex), let later = laterErrors[p.name], let next = nextBaseIndex(p.name),
              errorIndex >= next, Int(errorIndex - next) < later.count else { return nil }
        return (p.name, later[Int(errorIndex - next)])
    }

    /// One past the highest error index of the pallet in 1251.
    private static func nextBaseIndex(_ pallet: String) -> UInt8? {
        let md = DevnetMetadata.metadata
        guard let type = md.pallet(named: pallet)?.errorType, case .variant(let vs)? = md.registry[type]?.def,
              let last = vs.map(\.index).max(), last < 200 else { return nil }
        return last + 1
    }
}