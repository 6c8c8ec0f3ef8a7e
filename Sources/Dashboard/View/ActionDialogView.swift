import MiningCore
import TermUI

/// The dialogs of an action (issue 8): the stake input with the pool's free
/// stake and the score's minimum (§2), the wait while the node is asked for
/// nonce and fee, and the confirmation that shows exactly what will be
/// signed: the call and its arguments in words, amounts in PHA, the signer's
/// address, the estimated fee, chain, spec version and nonce.
public enum ActionDialogView {
    /// One line of a dialog.
    struct Line {
        var text: String
        var role: StyleRole = .dialog
        /// Label column text ("Signer"), empty for a full-width line.
        var label = ""
    }

    /// Draws the open dialog; returns where the cursor goes (the stake input).
    @discardableResult
    public static func render(_ state: AppState, in area: Rect, buffer: inout Buffer) -> Position? {
        guard let dialog = state.actionDialog, !area.isEmpty else { return nil }
        let names = state.config.workerNames
        switch dialog {
        case .stakeInput(let input):
            return renderStakeInput(input, names: names, in: area, buffer: &buffer)
        case .preparing(let id, let action):
            var lines = action.describedLines(names: names).map { Line(text: $0) }
            lines.append(Line(text: ""))
            lines.append(Line(text: "Asking the node for the nonce and the fee (action \(id)). Nothing is signed yet.", role: .textDim))
            lines.append(Line(text: "Any key cancels.", role: .textDim))
            box(title: "Preparing", lines: lines, in: area, buffer: &buffer)
        case .confirm(let id, let action, let p):
            var lines = confirmationLines(action, p, names: names)
            let warnings = state.actionWarnings.map { Line(text: "warning: \($0)", role: .textWarning) }
            lines.insert(contentsOf: warnings, at: max(0, lines.count - 2))
            box(title: "Sign and submit? (action \(id))", lines: lines, in: area, buffer: &buffer)
        case .failed(let action, let reason):
            var lines = action.describedLines(names: names).map { Line(text: $0) }
            lines.append(Line(text: ""))
            lines.append(Line(text: "Could not prepare it: \(reason)", role: .textError))
            lines.append(Line(text: "Nothing was signed. Any key closes.", role: .textDim))
            box(title: "Action failed", lines: lines, in: area, buffer: &buffer)
        }
        return nil
    }

    /// The confirmation's lines, one fact each.
    static func confirmationLines(_ action: ChainAction, _ p: ActionPreview, names: [WorkerKey: String]) -> [Line] {
        var lines = p.notes.map { Line(text: $0, role: .textDim) }
        lines += action.describedLines(names: names).map { Line(text: $0, role: .dialogTitle) }
        lines.append(Line(text: p.encodedCall, label: "Encoded"))
        lines.append(Line(text: p.signerAddress, label: "Signer"))
        lines.append(Line(text: p.feeText, label: "Fee"))
        lines.append(Line(text: "\(p.chainName), \(p.specName) spec \(p.specVersion), transaction version \(p.transactionVersion)",
                          label: "Chain"))
        lines.append(Line(text: "\(p.nonce)", label: "Nonce"))
        lines.append(Line(text: p.validity, label: "Valid"))
        lines.append(Line(text: ""))
        lines.append(Line(text: "y signs and sends; any other key cancels (nothing is signed until y)", role: .dialogButtonFocus))
        return lines
    }

    static func renderStakeInput(_ input: StakeInput, names: [WorkerKey: String], in area: Rect,
                                 buffer: inout Buffer) -> Position? {
        var lines: [Line] = []
        let pids = Array(Set(input.targets.map(\.pid))).sorted()
        if input.targets.count == 1, let t = input.targets.first {
            let label = names[t.worker].map { "\($0) (\(Format.shortKey(t.worker)))" } ?? Format.shortKey(t.worker)
            lines.append(Line(text: "worker \(label) in pool \(t.pid)"))
        } else {
            lines.append(Line(text: "\(input.targets.count) marked workers in pool(s) \(pids.map(String.init).joined(separator: ", ")); the same stake each, one batch_all"))
        }
        for pid in pids {
            let free = input.freeStakePlanck[pid].map { PHA.format($0) } ?? "not read yet"
            lines.append(Line(text: "pool \(pid): \(free)", label: "Free stake"))
        }
        lines.append(Line(text: input.minimumPlanck.map { "≈ \(PHA.format($0)) (k·√score)" } ?? "unknown (tokenomic parameters not read yet)",
                          label: "Minimum"))
        if let max = input.maximumPlanck { lines.append(Line(text: "≈ \(PHA.format(max)) (initial V ≤ v_max)", label: "Maximum")) }
        if let cur = input.currentStakePlanck { lines.append(Line(text: "\(PHA.format(cur)); the new one must be more", label: "Current")) }
        lines.append(Line(text: ""))
        let inputIndex = lines.count
        lines.append(Line(text: ""))  // the input line goes here
        if let error = input.error {
            lines.append(Line(text: error, role: .textError))
        } else if let stake = try? PHA.parse(input.editor.text) {
            for w in input.warnings(stakePlanck: stake) { lines.append(Line(text: "warning: \(w)", role: .textWarning)) }
        }
        lines.append(Line(text: "Enter continues to the confirmation; Esc cancels", role: .textDim))
        let title = input.kind == .restart ? "Restart with more stake" : "Start computing"
        let inner = box(title: title, lines: lines, in: area, buffer: &buffer)
        guard let inputRow = inner.rows[safe: inputIndex] else { return nil }
        return InputLine(prompt: "Stake in PHA: ", editor: input.editor).renderReturningCursor(in: inputRow, buffer: &buffer)
    }

    /// A bordered box sized to its lines (wrapped to at most 96 columns),
    /// centred; returns the rectangle of each drawn logical line's first row.
    @discardableResult
    static func box(title: String, lines: [Line], in area: Rect, buffer: inout Buffer) -> (rect: Rect, rows: [Rect]) {
        let labelWidth = (lines.map { TextLayout.width($0.label) }.max() ?? 0)
        let labelColumn = labelWidth > 0 ? labelWidth + 2 : 0
        let natural = lines.map { ($0.label.isEmpty ? 0 : labelColumn) + TextLayout.width(Format.glyphSafe($0.text, buffer.glyphs)) }.max() ?? 0
        let width = min(area.width, max(TextLayout.width(title) + 6, min(96, natural + 4)))
        let textWidth = max(1, width - 4)
        // Wrap each logical line; labelled lines wrap in the value column.
        var wrapped: [(label: String, parts: [String], role: StyleRole)] = []
        for line in lines {
            let room = line.label.isEmpty ? textWidth : max(1, textWidth - labelColumn)
            let text = Format.glyphSafe(line.text, buffer.glyphs)
            let parts = text.isEmpty ? [""] : Paragraph.wrap(text, width: room).map { $0.map(\.symbol).joined() }
            wrapped.append((line.label, parts, line.role))
        }
        let height = min(area.height, wrapped.reduce(0) { $0 + $1.parts.count } + 2)
        let rect = area.centered(width: width, height: height)
        let block = Block(title: title, titleAlignment: .center, borderRole: .dialogBorder, titleRole: .dialogTitle, fillRole: .dialog)
        block.render(in: rect, buffer: &buffer)
        var inner = block.inner(rect).inset(horizontal: 1, vertical: 0)
        if inner.isEmpty { inner = rect }
        var rows: [Rect] = []
        var y = 0
        for w in wrapped {
            rows.append(y < inner.height ? inner.row(y) : .zero)
            for (k, part) in w.parts.enumerated() where y < inner.height {
                let row = inner.row(y)
                if !w.label.isEmpty && labelColumn < row.width {
                    if k == 0 { buffer.setText(w.label, x: row.x, y: row.y, width: labelWidth, role: .textDim) }
                    buffer.setText(part, x: row.x + labelColumn, y: row.y, width: row.width - labelColumn, role: w.role)
                } else {
                    buffer.setText(part, in: row, role: w.role)
                }
                y += 1
            }
        }
        return (rect, rows)
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { i >= 0 && i < count ? self[i] : nil }
}
