/// A fact observed on chain (or about the watch list), in the past tense.
/// The only way a `Fleet` changes (`Fleet.apply`), so any recorded sequence
/// replays deterministically in a test. ChainEngine builds these from
/// storage reads, events and `PhalaMq` messages (§1-§4); block numbers and
/// times come from the chain, never from a clock.
public enum Observation: Hashable, Sendable {
    /// The operator's set of watched workers changed (replaces the set).
    case watchListChanged([WorkerKey])
    case connectionChanged(ConnectionState)
    /// A new block (best or finalized, as the engine chooses); its `Timestamp.Now`.
    case blockObserved(number: UInt32, hash: Key32?, timestampMs: UInt64)

    // Heartbeats (§4.1-§4.3).
    /// `SystemEvent::HeartbeatChallenge` in `PhalaMq.OutboundMessages` of `challenge.block`.
    case challengeIssued(HeartbeatChallenge)
    /// A worker's `HeartbeatV2` included via `sync_offchain_message` in `block`.
    case heartbeatLanded(HeartbeatReport)
    /// `PhalaComputation.BenchmarkUpdated{session, p_instant}` in `block` (one per heartbeat).
    case benchmarkUpdated(session: AccountID, pInstant: UInt32, block: UInt32)

    // Storage snapshots (nil = the entry is absent).
    /// `PhalaRegistry.Workers[pubkey]` at `block`.
    case workerInfoChanged(worker: WorkerKey, info: WorkerInfo?, block: UInt32)
    /// `PhalaComputation.WorkerBindings[pubkey]` (or `SessionBound`/`SessionUnbound`).
    case bindingChanged(worker: WorkerKey, session: AccountID?, block: UInt32)
    /// `PhalaComputation.Sessions[session]`.
    case sessionChanged(session: AccountID, info: SessionInfo?, block: UInt32)
    /// `PhalaComputation.Stakes[session]`, planck.
    case stakeChanged(session: AccountID, stakePlanck: UInt128?, block: UInt32)
    /// `PhalaStakePoolv2.WorkerAssignments[pubkey]` (or `PoolWorkerAdded`/`Removed`).
    case assignmentChanged(worker: WorkerKey, pid: UInt64?, block: UInt32)
    /// `PhalaBasePool.Pools[pid]` (stake pools only) with its balances.
    case poolChanged(pid: UInt64, pool: StakePool?, block: UInt32)

    // PhalaComputation events (§3).
    case workerStarted(session: AccountID, initV: U64F64, initP: UInt32, block: UInt32)
    case workerStopped(session: AccountID, block: UInt32)
    case workerReclaimed(session: AccountID, originalStakePlanck: UInt128, block: UInt32)
    case workerEnteredUnresponsive(session: AccountID, block: UInt32)
    case workerExitedUnresponsive(session: AccountID, block: UInt32)
    case sessionSettled(session: AccountID, v: U64F64, payout: U64F64, block: UInt32)

    // Chain parameters.
    case tokenomicsChanged(TokenomicParameters)
    case coolDownPeriodChanged(seconds: UInt64)
    case onlineWorkersChanged(UInt32)
    /// `ExpectedHeartbeatCount` (nil = absent ⇒ 20, §1.2).
    case expectedHeartbeatCountChanged(UInt32?)
    case heartbeatPausedChanged(Bool)
    /// Free balance of an operator's gas account, planck.
    case gasBalanceChanged(account: AccountID, freePlanck: UInt128)
}
