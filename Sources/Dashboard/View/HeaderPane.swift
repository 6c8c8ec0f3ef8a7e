import MiningCore
import TermUI

/// The top line: chain and runtime, best and finalized block, time since the
/// last block, connection state and finality lag (OPERATORS.md need 3).
public enum HeaderPane {
    public static func render(_ state: AppState, in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        buffer.fill(area, with: .blank(.header))
        // Narrow screens get the short forms; the order is the priority.
        let wide = area.width >= 120
        var parts: [(String, StyleRole)] = wide ? [("khalatop", .header)] : []
        let chain = state.chainName ?? "chain ?"
        parts.append((state.specVersion.map { wide ? "\(chain) spec \($0)" : "\(chain) \($0)" } ?? chain, .header))
        if let best = state.fleet.currentBlock {
            var text = "\(wide ? "best " : "")#\(best)"
            if let fin = state.finalizedBlock {
                text += wide ? "  final #\(fin)" : " fin #\(fin)"
                if best >= fin { text += wide ? " (lag \(best - fin))" : " lag \(best - fin)" }
            }
            parts.append((text, .header))
        } else {
            parts.append(("no block yet", .textWarning))
        }
        if let ms = state.msSinceLastBlock {
            // Khala blocks come every 12 s; three missed blocks is a stall.
            let role: StyleRole = ms > 36_000 ? .textError : (ms > 18_000 ? .textWarning : .header)
            parts.append(((wide ? "last block " : "") + Format.ago(ms: ms), role))
        }
        let c = state.fleet.connection
        parts.append((wide ? Format.connection(c) : Format.connectionShort(c), Format.connectionIsHealthy(c) ? .header : .textError))
        var x = area.x
        for (i, part) in parts.enumerated() {
            if i > 0 { x += buffer.setString(" \(buffer.glyphs.vertical) ", x: x, y: area.y, role: .header, maxWidth: area.right - x) }
            guard x < area.right else { break }
            x += buffer.setText(part.0, x: x, y: area.y, width: area.right - x, role: part.1)
        }
        if state.frozen, area.width > 12 {
            buffer.setText(" FROZEN ", x: area.right - 8, y: area.y, width: 8, role: .banner)
        }
    }
}

/// The second line: the simulated-data banner, the filter being typed (with
/// its error) or the filter in force, problems-only, marks, theme problems.
public enum StatusLine {
    @discardableResult
    public static func render(_ state: AppState, in area: Rect, buffer: inout Buffer) -> Position? {
        guard !area.isEmpty else { return nil }
        buffer.fill(area, with: .blank(.text))
        if let editor = state.filterEditor {
            let errorText = state.filterError.map { "  error \($0)" } ?? ""
            let errorWidth = min(TextLayout.width(errorText), area.width / 2)
            let inputRect = Rect(x: area.x, y: area.y, width: area.width - errorWidth, height: 1)
            let cursor = InputLine(prompt: "/", editor: editor).renderReturningCursor(in: inputRect, buffer: &buffer)
            if errorWidth > 0 {
                buffer.setText(errorText, x: inputRect.right, y: area.y, width: errorWidth, role: .textError)
            }
            return cursor
        }
        var x = area.x
        if case .simulated(let what) = state.source {
            x += buffer.setText(" SIMULATED DATA: \(what) ", x: x, y: area.y, width: area.width, role: .banner)
            x += 1
        }
        var items: [(String, StyleRole)] = []
        items.append(("\(state.visible.count)/\(state.rows.count) workers", .textDim))
        if !state.filterText.isEmpty { items.append(("filter: \(state.filterText)", .textEmphasis)) }
        if state.problemsOnly { items.append(("problems only", .textEmphasis)) }
        if !state.marked.isEmpty { items.append(("\(state.marked.count) marked", .tableMarked)) }
        let inFlight = state.actionsInFlight.count
        if inFlight > 0 { items.append(("\(inFlight) action(s) in flight", .textWarning)) }
        switch state.signer {
        case .account: items.append(("signer \(state.signerLabel)", .textDim))
        case .readOnly: items.append(("read-only", .textWarning))
        case .noKey: items.append(("no signing key", .textWarning))
        }
        if let problem = state.themeProblems.first { items.append(("theme: \(problem)", .textError)) }
        for (text, role) in items where x < area.right {
            x += buffer.setText(text, x: x, y: area.y, width: area.right - x, role: role) + 2
        }
        return nil
    }
}

/// The bottom line, generated from the key table.
public enum FooterPane {
    public static func render(_ state: AppState, in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        buffer.fill(area, with: .blank(.footer))
        if state.filterEditor != nil {
            buffer.setText("Enter keep filter  Esc cancel  e.g. state=unresponsive and pool=3, risk>=at-risk, stake<5000",
                           in: area, role: .footer)
            return
        }
        if let notice = state.notice {
            buffer.setText(Format.glyphSafe(notice.text, buffer.glyphs), in: area, role: EventLogPane.role(notice.severity))
            return
        }
        var x = area.x
        if state.signer.disabledReason != nil {
            x += buffer.setText(state.signer == .readOnly ? "read-only" : "no key", x: x, y: area.y,
                                width: area.right - x, role: .textWarning) + 2
        }
        // Action keys first, and only those that apply to the selection or the marks.
        let actions = KeyTable.footerItems.filter { item in
            guard let kind = KeyTable.actionKind(item.command) else { return false }
            if case .success = state.plan(kind) { return true }
            return false
        }
        // Then help and quit, so they stay when the line is short; the theme name keeps its room on the right.
        let essential: Set<Command> = [.showHelp, .quit]
        let general = KeyTable.footerItems.filter { KeyTable.actionKind($0.command) == nil }
        let others = general.filter { essential.contains($0.command) } + general.filter { !essential.contains($0.command) }
        let themeText = "theme \(state.themeName)"
        let right = area.width >= 60 ? area.right - TextLayout.width(themeText) - 1 : area.right
        for item in actions + others {
            let need = TextLayout.width(item.key) + 1 + TextLayout.width(item.label)
            guard x + need <= right else { break }
            x += buffer.setString(item.key, x: x, y: area.y, role: .footerKey)
            x += 1
            x += buffer.setString(item.label, x: x, y: area.y, role: .footer)
            x += 2
        }
        // `x` is two past the last item: one space between it and the theme name is enough.
        if x - 1 + TextLayout.width(themeText) <= area.right {
            buffer.setText(themeText, in: area, role: .footer, alignment: .right)
        }
    }
}
