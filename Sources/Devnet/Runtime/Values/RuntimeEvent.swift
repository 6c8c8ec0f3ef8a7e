import Scale

/// The events the devnet deposits in `System.Events`, encoded as Khala's
/// `RuntimeEvent` (pallet index byte, variant index byte, fields; PROTOCOL.md §3).
///
/// Indices are Khala 1251's; `DevnetEventTests` decodes each case through the
/// real metadata and checks the name.
public enum RuntimeEvent: Sendable, Hashable {
    // System (0)
    case extrinsicSuccess(DispatchInfo)
    case extrinsicFailed(DispatchError, DispatchInfo)
    case newAccount(account: [UInt8])
    case remarked(sender: [UInt8], hash: [UInt8])
    /// `System.CodeUpdated`: a block set new runtime code.
    case codeUpdated
    // Utility (3)
    case batchInterrupted(index: UInt32, error: DispatchError)
    case batchCompleted
    // Balances (40)
    case transfer(from: [UInt8], to: [UInt8], amount: UInt128)
    case withdraw(who: [UInt8], amount: UInt128)
    // TransactionPayment (41)
    case transactionFeePaid(who: [UInt8], actualFee: UInt128, tip: UInt128)
    // PhalaRegistry (86)
    case workerAdded(pubkey: [UInt8], attestationProvider: UInt8?, confidenceLevel: UInt8)
    case workerUpdated(pubkey: [UInt8], attestationProvider: UInt8?, confidenceLevel: UInt8)
    case initialScoreSet(pubkey: [UInt8], initScore: UInt32)
    // PhalaComputation (87)
    case workerStarted(session: [UInt8], initV: UInt128, initP: UInt32)
    case workerStopped(session: [UInt8])
    case workerReclaimed(session: [UInt8], originalStake: UInt128, slashed: UInt128)
    case sessionBound(session: [UInt8], worker: [UInt8])
    case sessionUnbound(session: [UInt8], worker: [UInt8])
    case workerEnterUnresponsive(session: [UInt8])
    case workerExitUnresponsive(session: [UInt8])
    case sessionSettled(session: [UInt8], vBits: UInt128, payoutBits: UInt128)
    case benchmarkUpdated(session: [UInt8], pInstant: UInt32)
    // Assets (89)
    case assetTransferred(assetId: UInt32, from: [UInt8], to: [UInt8], amount: UInt128)
    // PhalaStakePoolv2 (93)
    case poolCreated(owner: [UInt8], pid: UInt64, cid: UInt32, poolAccount: [UInt8])
    case poolWorkerAdded(pid: UInt64, worker: [UInt8], session: [UInt8])
    case contribution(pid: UInt64, user: [UInt8], amount: UInt128, shares: UInt128)
    case poolWorkerRemoved(pid: UInt64, worker: [UInt8])
    case poolWorkerReclaimed(pid: UInt64, worker: [UInt8])
    case rewardReceived(pid: UInt64, toOwner: UInt128, toStakers: UInt128)
    case workingStarted(pid: UInt64, worker: [UInt8], amount: UInt128)

    /// (pallet index, event index) in Khala 1251.
    public var index: (pallet: UInt8, event: UInt8) {
        switch self {
        case .extrinsicSuccess: return (0, 0)
        case .extrinsicFailed: return (0, 1)
        case .codeUpdated: return (0, 2)
        case .newAccount: return (0, 3)
        case .remarked: return (0, 5)
        case .batchInterrupted: return (3, 0)
        case .batchCompleted: return (3, 1)
        case .transfer: return (40, 2)
        case .withdraw: return (40, 8)
        case .transactionFeePaid: return (41, 0)
        case .workerAdded: return (86, 2)
        case .workerUpdated: return (86, 3)
        case .initialScoreSet: return (86, 6)
        case .workerStarted: return (87, 1)
        case .workerStopped: return (87, 2)
        case .workerReclaimed: return (87, 3)
        case .sessionBound: return (87, 4)
        case .sessionUnbound: return (87, 5)
        case .workerEnterUnresponsive: return (87, 6)
        case .workerExitUnresponsive: return (87, 7)
        case .sessionSettled: return (87, 8)
        case .benchmarkUpdated: return (87, 14)
        case .assetTransferred: return (89, 2)
        case .poolCreated: return (93, 0)
        case .poolWorkerAdded: return (93, 3)
        case .contribution: return (93, 4)
        case .poolWorkerRemoved: return (93, 11)
        case .poolWorkerReclaimed: return (93, 12)
        case .rewardReceived: return (93, 13)
        case .workingStarted: return (93, 14)
        }
    }

    public func encode(to e: inout ScaleEncoder) {
        let (p, i) = index
        e.appendByte(p); e.appendByte(i)
        switch self {
        case .extrinsicSuccess(let info): info.encode(to: &e)
        case .extrinsicFailed(let err, let info): err.encode(to: &e); info.encode(to: &e)
        case .newAccount(let a): e.append(a)
        case .remarked(let s, let h): e.append(s); e.append(h)
        case .batchInterrupted(let index, let err): e.encode(index); err.encode(to: &e)
        case .batchCompleted, .codeUpdated: break
        case .transfer(let from, let to, let amount): e.append(from); e.append(to); e.encode(amount)
        case .withdraw(let who, let amount): e.append(who); e.encode(amount)
        case .transactionFeePaid(let who, let fee, let tip): e.append(who); e.encode(fee); e.encode(tip)
        case .workerAdded(let pubkey, let provider, let level), .workerUpdated(let pubkey, let provider, let level):
            e.append(pubkey)
            if let provider { e.appendByte(1); e.appendByte(provider) } else { e.appendByte(0) }
            e.appendByte(level)
        case .initialScoreSet(let pubkey, let score): e.append(pubkey); e.encode(score)
        case .workerStarted(let s, let v, let p): e.append(s); e.encode(v); e.encode(p)
        case .workerStopped(let s), .workerEnterUnresponsive(let s), .workerExitUnresponsive(let s): e.append(s)
        case .workerReclaimed(let s, let stake, let slashed): e.append(s); e.encode(stake); e.encode(slashed)
        case .sessionBound(let s, let w), .sessionUnbound(let s, let w): e.append(s); e.append(w)
        case .sessionSettled(let s, let v, let payout): e.append(s); e.encode(v); e.encode(payout)
        case .benchmarkUpdated(let s, let p): e.append(s); e.encode(p)
        case .assetTransferred(let id, let from, let to, let amount): e.encode(id); e.append(from); e.append(to); e.encode(amount)
        case .poolCreated(let owner, let pid, let cid, let account): e.append(owner); e.encode(pid); e.encode(cid); e.append(account)
        case .poolWorkerAdded(let pid, let w, let s): e.encode(pid); e.append(w); e.append(s)
        case .contribution(let pid, let user, let amount, let shares):
            e.encode(pid); e.append(user); e.encode(amount); e.encode(shares); e.appendByte(0)
        case .poolWorkerRemoved(let pid, let w), .poolWorkerReclaimed(let pid, let w): e.encode(pid); e.append(w)
        case .rewardReceived(let pid, let owner, let stakers): e.encode(pid); e.encode(owner); e.encode(stakers)
        case .workingStarted(let pid, let w, let amount): e.encode(pid); e.append(w); e.encode(amount)
        }
    }
}

/// `frame_system::Phase`: during which part of the block an event was deposited.
public enum EventPhase: Sendable, Hashable {
    case applyExtrinsic(UInt32)
    case finalization
    case initialization
}

/// One `EventRecord {phase, event, topics}` of `System.Events`.
public struct EventRecord: Sendable, Hashable, ScaleEncodable {
    public var phase: EventPhase
    public var event: RuntimeEvent

    public init(phase: EventPhase, event: RuntimeEvent) { self.phase = phase; self.event = event }

    public func encode(to e: inout ScaleEncoder) {
        switch phase {
        case .applyExtrinsic(let i): e.appendByte(0); e.encode(i)
        case .finalization: e.appendByte(1)
        case .initialization: e.appendByte(2)
        }
        event.encode(to: &e)
        e.encodeCompact(0 as UInt64)  // topics: none
    }
}

/// `DispatchInfo {weight, class, pays_fee}` reported with every extrinsic's outcome.
public struct DispatchInfo: Sendable, Hashable, ScaleEncodable {
    public var refTime: UInt64
    public var proofSize: UInt64
    /// 0 Normal, 1 Operational, 2 Mandatory.
    public var dispatchClass: UInt8
    /// 0 Yes, 1 No.
    public var paysFee: UInt8

    public static let normal = DispatchInfo(refTime: 200_000_000, proofSize: 3_593, dispatchClass: 0, paysFee: 0)
    public static let mandatory = DispatchInfo(refTime: 10_000_000, proofSize: 1_493, dispatchClass: 2, paysFee: 0)

    public func encode(to e: inout ScaleEncoder) {
        e.encodeCompact(refTime); e.encodeCompact(proofSize); e.appendByte(dispatchClass); e.appendByte(paysFee)
    }
}

/// `sp_runtime::DispatchError`, the cases the devnet returns; module errors
/// carry the pallet index and the error variant index (PROTOCOL.md §1.6:
/// decode them only through metadata).
public enum DispatchError: Error, Sendable, Hashable {
    case other
    case badOrigin
    case module(pallet: UInt8, error: UInt8)
    case token(UInt8)
    case arithmetic(UInt8)

    public func encode(to e: inout ScaleEncoder) {
        switch self {
        case .other: e.appendByte(0)
        case .badOrigin: e.appendByte(2)
        case .module(let p, let err): e.appendByte(3); e.appendByte(p); e.append([err, 0, 0, 0])
        case .token(let t): e.appendByte(7); e.appendByte(t)
        case .arithmetic(let a): e.appendByte(8); e.appendByte(a)
        }
    }
}
