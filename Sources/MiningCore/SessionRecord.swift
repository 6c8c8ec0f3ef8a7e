/// What the fleet knows about one session account (§1.2): the chain's
/// `SessionInfo` and `Stakes` entries plus what the computation events
/// tell over time (start, stop, unresponsive spells, settlements).
///
/// Kept by session rather than by worker because events and storage are
/// keyed by session and may arrive before the worker binding is seen.
public struct SessionRecord: Hashable, Sendable {
    public internal(set) var info: SessionInfo?
    /// Block of the newest observation that set `info.state`; older ones are ignored.
    public internal(set) var stateAsOfBlock: UInt32 = 0
    public internal(set) var stakePlanck: UInt128?

    /// Block the current unresponsive spell began (chain event), if any.
    public internal(set) var unresponsiveSinceBlock: UInt32?
    /// Blocks spent unresponsive in completed spells.
    public internal(set) var pastUnresponsiveBlocks: Int = 0
    public internal(set) var unresponsiveSpells: Int = 0
    public internal(set) var lastRecoveredBlock: UInt32?
    public internal(set) var startedAtBlock: UInt32?
    public internal(set) var stoppedAtBlock: UInt32?
    public internal(set) var lastPayout: U64F64?
    public internal(set) var lastEvent: WorkerEvent?

    public init() {}

    public var state: WorkerState? { info?.state }

    /// Sets the state if `block` is not older than the last state update.
    mutating func setState(_ state: WorkerState, at block: UInt32, template: () -> SessionInfo) {
        guard block >= stateAsOfBlock else { return }
        stateAsOfBlock = block
        if info == nil { info = template() }
        info?.state = state
    }

    mutating func beginUnresponsive(at block: UInt32) {
        guard unresponsiveSinceBlock == nil else { return }
        unresponsiveSinceBlock = block
        unresponsiveSpells += 1
    }

    /// Closes the current spell; `recovered` marks a return to responsive
    /// (as opposed to a stop or a restart ending it).
    mutating func endUnresponsive(at block: UInt32, recovered: Bool) {
        if let since = unresponsiveSinceBlock {
            pastUnresponsiveBlocks += Swift.max(0, Int(block) - Int(since))
            unresponsiveSinceBlock = nil
        }
        if recovered { lastRecoveredBlock = Swift.max(lastRecoveredBlock ?? 0, block) }
    }

    /// Blocks spent unresponsive up to `currentBlock`, including the current spell.
    public func unresponsiveBlocks(at currentBlock: UInt32) -> Int {
        var total = pastUnresponsiveBlocks
        if let since = unresponsiveSinceBlock { total += Swift.max(0, Int(currentBlock) - Int(since)) }
        return total
    }

    /// Blocks in the current spell (0 when responsive).
    public func currentSpellBlocks(at currentBlock: UInt32) -> Int {
        guard let since = unresponsiveSinceBlock else { return 0 }
        return Swift.max(0, Int(currentBlock) - Int(since))
    }

    mutating func note(_ kind: WorkerEvent.Kind, at block: UInt32) {
        lastEvent = WorkerEvent.newer(lastEvent, WorkerEvent(kind: kind, block: block))
    }
}
