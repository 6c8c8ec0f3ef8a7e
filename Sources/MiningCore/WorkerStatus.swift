/// Everything the dashboard shows for one worker at the current block,
/// derived from the fleet (issue 4): registration, binding and pool, the
/// chain state, heartbeat health, penalty numbers, cool-down, stake, and
/// one risk level with its reason.
public struct WorkerStatus: Hashable, Sendable {
    public var key: WorkerKey
    public var registration: RegistrationState
    /// Empty when the worker could start computing now (or already is).
    public var notReadyReasons: [NotReadyReason]
    public var session: AccountID?
    public var pid: UInt64?
    /// The chain's state of the bound session.
    public var state: WorkerState?
    public var stakePlanck: UInt128?
    public var v: U64F64?
    public var ve: U64F64?
    public var pInit: UInt32?
    public var pInstant: UInt32?
    public var heartbeat: HeartbeatHealth
    /// Present while computing (Idle or Unresponsive).
    public var penalty: PenaltyProjection?
    /// Present while cooling down.
    public var coolDown: CoolDownCountdown?
    public var unresponsiveSpells: Int
    public var lastRecoveredBlock: UInt32?
    public var lastEvent: WorkerEvent?
    public var risk: RiskAssessment

    /// Ready to `start_computing` (§2): registered, scored ≥ MinInitP, in a
    /// pool owned by its operator, session Ready.
    public var isReadyToCompute: Bool { notReadyReasons.isEmpty && state == .ready }
}
