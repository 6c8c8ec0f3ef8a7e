import MiningCore
import TermUI

/// Stake of the selected worker and its pool: total, free and locked stake,
/// the withdrawal queue against the 7-day grace period, gas (PROTOCOL.md
/// §1.3, §4.6; OPERATORS.md needs 9 and 11).
public enum StakingPane {
    public static func render(_ state: AppState, in area: Rect, focused: Bool, buffer: inout Buffer) {
        let inner = Screen.frame(PaneID.staking.title, in: area, focused: focused, buffer: &buffer)
        guard !inner.isEmpty else { return }
        guard let row = state.selectedRow else {
            buffer.setText("no worker selected", in: inner, role: .textDim)
            return
        }
        lines(row, pool: state.pool(row.status.pid), glyphs: buffer.glyphs).render(in: inner, buffer: &buffer)
    }

    static func lines(_ row: WorkerRow, pool: PoolStatus?, glyphs: GlyphSet) -> Lines {
        var l = Lines()
        l.add("worker", row.status.stakePlanck.map { Format.pha($0) } ?? "no stake", row.status.stakePlanck == nil ? .textDim : .text)
        guard let pid = row.status.pid else {
            l.add("pool", "not in a pool", .textDim)
            return l
        }
        guard let p = pool else {
            l.add("pool", "\(pid) (not read yet)", .textDim)
            return l
        }
        l.add("pool", "\(pid): \(p.workerCount) workers, \(p.coolingDownCount) cooling down")
        l.add("total", Format.pha(p.totalStakePlanck))
        l.add("free", Format.pha(p.freeStakePlanck))
        l.add("locked", Format.pha(p.lockedStakePlanck) + " (watched workers)")
        if let first = p.withdrawals.first {
            let left = first.remainingSec.map { $0 == 0 ? "grace over" : "grace ends in " + Format.duration(seconds: $0) } ?? "chain time unknown"
            let role: StyleRole
            switch p.coverage {
            case .uncovered: role = first.remainingSec == 0 ? .riskLosing : .riskAtRisk
            default: role = .textWarning
            }
            let amount = first.valuePlanck.map { ", oldest " + Format.pha($0) } ?? ""
            l.add("withdraw", "\(p.withdrawals.count) queued\(amount); \(left)", role)
            switch p.coverage {
            case .covered: l.add("", "covered by free + releasing stake", .textOK)
            case .uncovered(let short): l.add("", "uncovered" + (short.map { ", short " + Format.pha($0) } ?? ""), .textError)
            case .noWithdrawals: break
            }
        } else {
            l.add("withdraw", "none queued", .textOK)
        }
        if let gas = p.ownerGasPlanck {
            let low = gas < 2 * PHA.planckPerPHA
            l.add("gas", Format.pha(gas, digits: 4) + (low ? " (low)" : ""), low ? .textError : .text)
        } else {
            l.add("gas", "owner balance not read", .textDim)
        }
        l.add("pool risk", Format.risk(p.risk.level) + ": " + Format.glyphSafe(p.risk.reason, glyphs), Format.riskRole(p.risk.level))
        return l
    }
}
