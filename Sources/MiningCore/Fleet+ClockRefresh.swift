/// The parts of a worker's status that move with the clock alone, for
/// `FleetStatusCache`: which statuses they are, and how to refresh them
/// without a full derivation (same formulas as `status(of:)`).
extension Fleet {
    /// True when, as blocks pass and nothing about the worker changes, only
    /// the fields `refreshClockFields` sets can change: no owed challenge
    /// (its age drives health and risk), no unresponsive spell (spell length,
    /// risk text), not cooling down (countdown), not recently recovered
    /// (the risk drops back after `recentRecoveryBlocks`).
    func isClockStable(_ s: WorkerStatus, unresponsiveSinceBlock: UInt32?) -> Bool {
        guard s.heartbeat.pendingChallenges.isEmpty, unresponsiveSinceBlock == nil else { return false }
        switch s.state {
        case .workerCoolingDown?, .workerUnresponsive?:
            return false
        case .workerIdle?:
            if let recovered = s.lastRecoveredBlock,
               Int(currentBlock ?? 0) - Int(recovered) < Int(config.risk.recentRecoveryBlocks) {
                return false
            }
            return true
        default:
            return true
        }
    }

    /// Refreshes the clock-dependent fields of a clock-stable worker's
    /// status to the current block and time: the registration's age, blocks
    /// since the last heartbeat, the expected challenge interval (online
    /// workers) and the rewards estimate (fleet mean share, `share` = the
    /// worker's own, nil when not computing).
    func refreshClockFields(_ s: inout WorkerStatus, share: Double?, meanShare: Double?) {
        if case .registered(var r) = s.registration {
            r.lastUpdatedAgeSec = Registration.ageSec(lastUpdatedSec: r.lastUpdatedSec, nowSec: nowSec)
            s.registration = .registered(r)
        }
        s.heartbeat.blocksSinceLastHeartbeat = Self.blocksSince(s.heartbeat.lastHeartbeatBlock, at: currentBlock ?? 0)
        s.heartbeat.expectedIntervalBlocks = expectedChallengeIntervalBlocks
        if s.penalty != nil, let share {
            s.penalty?.rewardsForgonePerHourPlanck = rewardsForgonePerHour(share: share, meanShare: meanShare)
        }
    }
}
