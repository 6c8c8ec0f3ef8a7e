import MiningCore
import TermUI

/// Penalty risk in numbers: the risk level and its reason, V against Ve,
/// projected V loss and rewards forgone per hour if it stays down, the
/// cool-down countdown (PROTOCOL.md §4.4, §4.5; OPERATORS.md needs 8, 10).
public enum PenaltyPane {
    public static func render(_ state: AppState, in area: Rect, focused: Bool, buffer: inout Buffer) {
        let inner = Screen.frame(PaneID.penalty.title, in: area, focused: focused, buffer: &buffer)
        guard !inner.isEmpty else { return }
        guard let row = state.selectedRow else {
            buffer.setText("no worker selected", in: inner, role: .textDim)
            return
        }
        let s = row.status
        let level = s.risk.level
        // Level, then the reason wrapped over up to three rows.
        let header = inner.row(0)
        let w = buffer.setText(Format.risk(level), in: header, role: Format.riskRole(level))
        let reasonRows = min(3, max(1, inner.height - 5))
        let reasonArea = Rect(x: inner.x + w + 1, y: inner.y, width: inner.width - w - 1, height: reasonRows)
        Paragraph(Format.glyphSafe(s.risk.reason, buffer.glyphs), role: .text).render(in: reasonArea, buffer: &buffer)
        let needed = Paragraph.wrap(Format.glyphSafe(s.risk.reason, buffer.glyphs), width: reasonArea.width).count
        let used = min(reasonRows, max(1, needed))
        let rest = Rect(x: inner.x, y: inner.y + used, width: inner.width, height: inner.height - used)
        var l = lines(s)
        if let p = s.penalty, let ratio = p.vOverVe, rest.height > l.items.count {
            // A gauge of V/Ve under the numbers when there is room.
            l.render(in: rest, buffer: &buffer)
            let gaugeRow = rest.row(l.items.count)
            Gauge(ratio: min(1, ratio), label: "V/Ve " + Format.percent(ratio),
                  filledRole: s.state == .workerUnresponsive ? .riskLosing : .gaugeFilled).render(in: gaugeRow, buffer: &buffer)
            return
        }
        if l.items.isEmpty { l.add("", "no penalty applies while not computing", .textDim) }
        l.render(in: rest, buffer: &buffer)
    }

    static func lines(_ s: WorkerStatus) -> Lines {
        var l = Lines()
        if let p = s.penalty {
            let ratio = p.vOverVe.map { " (\(Format.percent($0)))" } ?? ""
            l.add("V / Ve", "\(Format.v(p.v)) / \(Format.v(p.ve))\(ratio)")
            let down = s.state == .workerUnresponsive
            l.add(down ? "losing" : "if down", "V -\(Format.v(p.vLossPerHour))/h, "
                  + (p.rewardsForgonePerHourPlanck.map { "~" + Format.pha($0) + "/h rewards" } ?? "rewards unknown"),
                  down ? .riskLosing : .textDim)
            if p.currentSpellBlocks > 0 {
                l.add("down for", Durations.text(blocks: p.currentSpellBlocks), .riskLosing)
            }
            l.add("history", "\(s.unresponsiveSpells) spell(s), \(p.totalUnresponsiveBlocks) blocks unresponsive")
        } else if let v = s.v, let ve = s.ve {
            l.add("V / Ve", "\(Format.v(v)) / \(Format.v(ve))")
        }
        if let cd = s.coolDown {
            l.add("cool-down", cd.reclaimable ? "over: reclaim now" : Format.duration(seconds: cd.remainingSec) + " left",
                  cd.reclaimable ? .textOK : .stateCoolingDown)
        }
        return l
    }
}
