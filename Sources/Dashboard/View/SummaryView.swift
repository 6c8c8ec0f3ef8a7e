import MiningCore
import TermUI

/// The layout for screens smaller than 60x14: one line of counts by risk,
/// the simulated-data banner, then the worst workers one per line and a key
/// hint. Anything down to 1x1 draws what fits.
public enum SummaryView {
    public static func render(_ state: AppState, in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        buffer.fill(area, with: .blank(.text))
        var y = area.y
        buffer.fill(area.row(0), with: .blank(.header))
        buffer.setText(summaryLine(state), in: area.row(0), role: .header)
        y += 1
        if case .simulated = state.source, y < area.bottom {
            buffer.setText("SIMULATED DATA", in: Rect(x: area.x, y: y, width: area.width, height: 1), role: .banner)
            y += 1
        }
        let hintRows = area.bottom - y >= 2 ? 1 : 0
        // The worst workers: rows are worst risk first in `rows` order.
        var shown = 0
        let worst = state.rows.filter { $0.status.risk.level >= .watch }
            .sorted { Format.urgency($0.status.risk.level) > Format.urgency($1.status.risk.level) }
        for row in worst where y < area.bottom - hintRows {
            let line = Rect(x: area.x, y: y, width: area.width, height: 1)
            let level = Format.risk(row.status.risk.level)
            let w = buffer.setText(level, in: line, role: Format.riskRole(row.status.risk.level))
            buffer.setText(row.label, x: line.x + w + 1, y: y, width: line.width - w - 1, role: .text)
            y += 1
            shown += 1
        }
        if shown == 0, y < area.bottom - hintRows, !state.rows.isEmpty {
            buffer.setText("all workers ok", in: Rect(x: area.x, y: y, width: area.width, height: 1), role: .textOK)
        }
        if hintRows > 0 {
            let last = area.row(area.height - 1)
            buffer.fill(last, with: .blank(.footer))
            buffer.setText("? help  q quit", in: last, role: .footer)
        }
    }

    /// "#1234 2 LOSING 1 at risk 30 ok"; counts only the levels present.
    public static func summaryLine(_ state: AppState) -> String {
        var counts: [RiskLevel: Int] = [:]
        for row in state.rows { counts[row.status.risk.level, default: 0] += 1 }
        var parts: [String] = [state.fleet.currentBlock.map { "#\($0)" } ?? "no block"]
        if !Format.connectionIsHealthy(state.fleet.connection) { parts.append("OFFLINE") }
        for level in [RiskLevel.losing, .atRisk, .watch, .stopped] {
            if let n = counts[level], n > 0 { parts.append("\(n) \(Format.risk(level))") }
        }
        parts.append("\(counts[.none] ?? 0) ok")
        return parts.joined(separator: " ")
    }
}
