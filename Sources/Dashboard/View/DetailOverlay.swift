import MiningCore
import TermUI

/// The detail view (Enter): the selected worker's registration, heartbeats,
/// staking and penalty panes together over the whole screen, with its last
/// event and, when the worker's config names a pRuntime, its `/info` line
/// (sync heights against the chain head, issue 8); j/k move to the next
/// worker without closing it.
public enum DetailOverlay {
    public static func render(_ state: AppState, in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        guard let row = state.selectedRow else { return }
        let s = row.status
        let title = "\(row.label)  \(Format.state(s.state))  \(Format.risk(s.risk.level))  (Esc closes)"
        let block = Block(title: title, borderRole: .borderFocus, titleRole: .titleFocus, fillRole: .text)
        block.render(in: area, buffer: &buffer)
        var inner = block.inner(area)
        if inner.isEmpty { inner = area.row(1) }
        guard !inner.isEmpty else { return }
        let top = inner.row(0)
        let keyText = s.key.hex
        buffer.setText("key " + keyText, in: top, role: .textDim)
        let second = inner.row(1)
        let last = s.lastEvent.map { "last event: \($0)" } ?? "no event seen yet"
        buffer.setText(last, in: second, role: .text)
        var headerRows = 2
        if let pruntime = state.pruntimeLine(for: s.key), inner.height > 3 {
            buffer.setText(Format.glyphSafe(pruntime.text, buffer.glyphs), in: inner.row(2), role: pruntime.role)
            headerRows = 3
        }
        let body = Rect(x: inner.x, y: inner.y + headerRows, width: inner.width, height: max(0, inner.height - headerRows))
        let panes: [PaneID] = [.registration, .heartbeats, .staking, .penalty]
        let rects: [Rect]
        if body.width >= 100 {
            let halves = Layout.vertical([.fill(1), .fill(1)]).split(body)
            rects = halves.flatMap { Layout.horizontal([.fill(1), .fill(1)]).split($0) }
        } else {
            rects = Layout.vertical([.fill(1), .fill(1), .fill(1), .fill(1)]).split(body)
        }
        for (pane, rect) in zip(panes, rects) {
            if pane == .registration {
                RegistrationPane.render(state, in: rect, focused: false, showsPRuntime: headerRows == 2, buffer: &buffer)
                continue
            }
            Screen.renderPane(pane, state, in: rect, focused: false, buffer: &buffer)
        }
    }
}
