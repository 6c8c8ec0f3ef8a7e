import TermUI

/// Chain events that matter, newest first (OPERATORS.md needs 5 and 11).
public enum EventLogPane {
    public static func render(_ state: AppState, in area: Rect, focused: Bool, buffer: inout Buffer) {
        let inner = Screen.frame("\(PaneID.events.title) (\(state.events.count))", in: area, focused: focused, buffer: &buffer)
        guard !inner.isEmpty else { return }
        guard !state.events.isEmpty else {
            buffer.setText("no events yet", in: inner, role: .textDim)
            return
        }
        let start = min(state.eventOffset, state.events.count - 1)
        for (i, entry) in state.events[start...].prefix(inner.height).enumerated() {
            let row = inner.row(i)
            let block = entry.block.map { "#\($0)" } ?? "-"
            let w = buffer.setText(block, x: row.x, y: row.y, width: min(9, row.width), role: .textDim)
            let x = row.x + max(w, min(9, row.width)) + 1
            buffer.setText(entry.text, x: x, y: row.y, width: row.right - x, role: role(entry.severity))
        }
    }

    static func role(_ s: LogEntry.Severity) -> StyleRole {
        switch s {
        case .info: return .text
        case .good: return .textOK
        case .warning: return .textWarning
        case .bad: return .textError
        }
    }
}
