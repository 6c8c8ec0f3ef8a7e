import ChainCrypto
import Foundation
import MiningCore
import SubstrateRPC

/// One printable picture of the fleet for `khalatop status` (issue 6): a
/// table for people, JSON with stable field names for scripts (documented in
/// README.md "khalatop status --json"), and the exit code.
///
/// Exact chain numbers (planck, U64F64 bits) are decimal strings in JSON so
/// no consumer rounds them through a double.
public struct FleetSnapshot: Sendable {
    public let fleet: Fleet
    public let endpoint: String
    public let workers: [WorkerStatus]
    public let pools: [PoolStatus]

    public init(fleet: Fleet, endpoint: String) {
        self.fleet = fleet
        self.endpoint = endpoint
        workers = fleet.statuses().sorted { $0.key < $1.key }
        pools = fleet.poolStatuses().sorted { $0.pid < $1.pid }
    }

    /// The chain's name of a session state (`WorkerState` variant, §1.2).
    public static func chainName(_ s: WorkerState) -> String {
        switch s {
        case .ready: return "Ready"
        case .workerIdle: return "WorkerIdle"
        case .unused: return "_Unused"
        case .workerUnresponsive: return "WorkerUnresponsive"
        case .workerCoolingDown: return "WorkerCoolingDown"
        }
    }

    /// A worker needs attention: at risk or worse while computing, or unresponsive.
    public static func needsAttention(_ w: WorkerStatus) -> Bool {
        w.state == .workerUnresponsive || (w.risk.level >= .atRisk && w.risk.level < .stopped)
    }

    /// 0 all healthy, 1 some worker at risk or unresponsive (2, unreachable, is the caller's).
    public var exitCode: Int32 { workers.contains(where: Self.needsAttention) ? 1 : 0 }

    static func ss58(_ a: AccountID?) -> JSONValue { a.map { .string(SS58.encode($0.bytes)) } ?? .null }
    static func dec(_ v: UInt128?) -> JSONValue { v.map { .string(String($0)) } ?? .null }
    static func num<T: BinaryInteger>(_ v: T?) -> JSONValue { v.map { .uint(UInt64($0)) } ?? .null }

    public var json: JSONValue {
        var root = JSONObject()
        root["endpoint"] = .string(endpoint)
        root["block"] = Self.num(fleet.currentBlock)
        root["blockHash"] = fleet.currentBlockHash.map { .string($0.hex) } ?? .null
        root["timestampMs"] = Self.num(fleet.currentTimestampMs)
        root["heartbeatWindowBlocks"] = .uint(UInt64(fleet.heartbeatWindowBlocks))
        root["onlineWorkers"] = Self.num(fleet.onlineWorkers)
        root["heartbeatPaused"] = fleet.heartbeatPaused.map { .bool($0) } ?? .null
        root["workers"] = .array(workers.map(workerJSON))
        root["pools"] = .array(pools.map(poolJSON))
        var summary = JSONObject()
        summary["workers"] = .uint(UInt64(workers.count))
        summary["needAttention"] = .uint(UInt64(workers.filter(Self.needsAttention).count))
        summary["unresponsive"] = .uint(UInt64(workers.filter { $0.state == .workerUnresponsive }.count))
        summary["computing"] = .uint(UInt64(workers.filter { $0.state?.isComputing == true }.count))
        summary["exitCode"] = .uint(UInt64(exitCode))
        root["summary"] = .object(summary)
        return .object(root)
    }

    func workerJSON(_ w: WorkerStatus) -> JSONValue {
        var o = JSONObject()
        o["pubkey"] = .string(w.key.hex)
        switch w.registration {
        case .registered(let r):
            o["registered"] = true
            o["operator"] = Self.ss58(r.operator_)
            o["confidenceLevel"] = .uint(UInt64(r.confidenceLevel))
            if case .scored(let score) = r.benchmark { o["initialScore"] = .uint(UInt64(score)) } else { o["initialScore"] = .null }
            o["attestationProvider"] = r.provider.map { .string($0.description) } ?? .null
        case .unknownToChain, .notLoaded:
            o["registered"] = false
            o["operator"] = .null
            o["confidenceLevel"] = .null
            o["initialScore"] = .null
            o["attestationProvider"] = .null
        }
        o["pid"] = Self.num(w.pid)
        o["session"] = Self.ss58(w.session)
        o["state"] = w.state.map { .string(Self.chainName($0)) } ?? .null
        o["vBits"] = Self.dec(w.v?.bits)
        o["veBits"] = Self.dec(w.ve?.bits)
        o["v"] = w.v.map { .double($0.doubleValue) } ?? .null
        o["stakePlanck"] = Self.dec(w.stakePlanck)
        o["pInit"] = Self.num(w.pInit)
        o["pInstant"] = Self.num(w.pInstant)
        o["lastHeartbeatBlock"] = Self.num(w.heartbeat.lastHeartbeatBlock)
        o["pendingChallenges"] = .array(w.heartbeat.pendingChallenges.map { .uint(UInt64($0)) })
        o["risk"] = .string(w.risk.level.description)
        o["riskReason"] = .string(w.risk.reason)
        return .object(o)
    }

    func poolJSON(_ p: PoolStatus) -> JSONValue {
        var o = JSONObject()
        o["pid"] = .uint(p.pid)
        o["owner"] = Self.ss58(p.owner)
        o["workers"] = .uint(UInt64(p.workerCount))
        o["coolingDown"] = .uint(UInt64(p.coolingDownCount))
        o["totalStakePlanck"] = Self.dec(p.totalStakePlanck)
        o["freeStakePlanck"] = Self.dec(p.freeStakePlanck)
        o["lockedStakePlanck"] = Self.dec(p.lockedStakePlanck)
        o["ownerRewardsPlanck"] = Self.dec(p.ownerRewardsPlanck)
        o["ownerGasPlanck"] = Self.dec(p.ownerGasPlanck)
        o["withdrawals"] = .uint(UInt64(p.withdrawals.count))
        o["risk"] = .string(p.risk.level.description)
        o["riskReason"] = .string(p.risk.reason)
        return .object(o)
    }

    /// The table for people.
    public var table: String {
        var lines: [String] = []
        let block = fleet.currentBlock.map { "block \($0)" } ?? "no block"
        lines.append("\(endpoint)  \(block)  \(workers.count) workers, \(workers.filter(Self.needsAttention).count) need attention")
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        lines.append(pad("WORKER", 14) + pad("POOL", 7) + pad("STATE", 14) + pad("V", 12) + pad("STAKE", 16) + pad("LAST HB", 9) + "RISK")
        for w in workers {
            let hex = w.key.hex
            let short = String(hex.prefix(8)) + "…" + String(hex.suffix(4))
            let state = w.state.map(\.description) ?? (w.registration.isRegistered ? "unbound" : "unregistered")
            let v = w.v.map { String(format: "%.2f", $0.doubleValue) } ?? "-"
            let stake = w.stakePlanck.map { PHA.format($0) } ?? "-"
            let hb = w.heartbeat.lastHeartbeatBlock.map(String.init) ?? "-"
            lines.append(pad(short, 14) + pad(w.pid.map(String.init) ?? "-", 7) + pad(state, 14) + pad(v, 12) + pad(stake, 16)
                         + pad(hb, 9) + "\(w.risk.level): \(w.risk.reason)")
        }
        for p in pools {
            lines.append("pool \(p.pid): \(p.workerCount) workers, free \(PHA.format(p.freeStakePlanck)), "
                         + "total \(PHA.format(p.totalStakePlanck)), risk \(p.risk.level): \(p.risk.reason)")
        }
        return lines.joined(separator: "\n")
    }
}
