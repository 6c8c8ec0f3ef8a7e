import MiningCore
import TermUI

/// The selected worker's heartbeats: challenges owed with their deadlines,
/// response latencies, an interval sparkline, expected vs observed interval
/// (PROTOCOL.md §4.1-§4.3; OPERATORS.md need 1).
public enum HeartbeatsPane {
    public static func render(_ state: AppState, in area: Rect, focused: Bool, buffer: inout Buffer) {
        let inner = Screen.frame(PaneID.heartbeats.title, in: area, focused: focused, buffer: &buffer)
        guard !inner.isEmpty else { return }
        guard let row = state.selectedRow else {
            buffer.setText("no worker selected", in: inner, role: .textDim)
            return
        }
        let l = lines(row, currentBlock: state.fleet.currentBlock)
        // The sparkline takes the last two rows when there is room for both.
        let sparkRows = inner.height >= l.items.count + 2 && !row.heartbeatIntervals.isEmpty ? 2 : 0
        let parts = Layout.vertical([.fill(1), .fixed(sparkRows)]).split(inner)
        l.render(in: parts[0], buffer: &buffer)
        if sparkRows > 0 {
            let label = "intervals "
            buffer.setText(label, in: parts[1].row(1), role: .textDim)
            let spark = Rect(x: parts[1].x + label.count, y: parts[1].y, width: parts[1].width - label.count, height: 2)
            Sparkline(row.heartbeatIntervals.map(Double.init)).render(in: spark, buffer: &buffer)
        }
    }

    static func lines(_ row: WorkerRow, currentBlock: UInt32?) -> Lines {
        var l = Lines()
        let h = row.status.heartbeat
        let window = Int(h.heartbeatWindowBlocks)
        if row.status.state?.isComputing != true {
            l.add("", "not computing: no challenges are due", .textDim)
        }
        if h.pendingChallenges.isEmpty {
            l.add("owed", "nothing owed", .textOK)
        } else {
            let shown = h.pendingChallenges.prefix(3).map { c -> String in
                let deadline = Int(c) + window
                let left = deadline - Int(currentBlock ?? c)
                return "#\(c) by #\(deadline) (\(left) left)"
            }
            let role: StyleRole = h.gatekeeperWouldFlag ? .riskLosing : (h.oldestPendingAgeBlocks * 2 >= window ? .riskAtRisk : .textWarning)
            l.add("owed", "\(h.pendingChallenges.count): " + shown.joined(separator: ", "), role)
        }
        if let last = h.lastHeartbeatBlock {
            l.add("last", "#\(last), \(h.blocksSinceLastHeartbeat ?? 0) blocks ago (window \(window))")
        } else {
            l.add("last", "no heartbeat seen", .textDim)
        }
        let lat = h.latencies
        if let mean = lat.mean {
            l.add("latency", "last \(lat.last ?? 0)  mean \(String(format: "%.1f", mean))  p95 \(lat.p95 ?? 0)  max \(lat.max ?? 0) blk")
        } else {
            l.add("latency", "no answers yet", .textDim)
        }
        let expected = h.expectedIntervalBlocks.map { String(format: "%.0f", $0) } ?? "?"
        let observed = h.intervals.mean.map { String(format: "%.0f", $0) } ?? "?"
        l.add("interval", "expected \(expected)  observed \(observed) blk (\(h.intervals.count) gaps)")
        l.add("count", "\(h.challengeCount) challenges, \(h.heartbeatCount) heartbeats")
        return l
    }
}
