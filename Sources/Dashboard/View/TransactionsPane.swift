import TermUI

/// Submitted extrinsics, newest first, with their status and, on failure,
/// the decoded error (issue 8; OPERATORS.md need 11). Empty, it says how to
/// act, or why nothing can be signed.
public enum TransactionsPane {
    public static func render(_ state: AppState, in area: Rect, focused: Bool, buffer: inout Buffer) {
        let inFlight = state.actionsInFlight.count
        let title = "\(PaneID.transactions.title) (\(state.transactions.count)\(inFlight > 0 ? ", \(inFlight) in flight" : ""))"
        let inner = Screen.frame(title, in: area, focused: focused, buffer: &buffer)
        guard !inner.isEmpty else { return }
        guard !state.transactions.isEmpty else {
            let hint = state.signer.disabledReason
                ?? "none yet: a add, g start, x stop, c reclaim, R restart (Space marks several for one batch)"
            buffer.setText(hint, in: inner, role: state.signer.disabledReason == nil ? .textDim : .textWarning)
            return
        }
        for (i, entry) in state.transactions.prefix(inner.height).enumerated() {
            let row = inner.row(i)
            let (status, role) = statusText(entry)
            var x = row.x
            x += buffer.setText(entry.id.description, x: x, y: row.y, width: min(5, row.right - x), role: .textDim)
            x = min(row.right, max(x + 1, row.x + 5))
            let statusWidth = min(row.right - x, max(10, TextLayout.width(status)))
            // Status first (it is what changes), then what the extrinsic does.
            let summaryWidth = max(0, min(row.right - x - statusWidth - 1, TextLayout.width(entry.summary)))
            x += buffer.setText(entry.summary, x: x, y: row.y, width: summaryWidth, role: .text)
            x += 1
            buffer.setText(status, x: x, y: row.y, width: row.right - x, role: role)
        }
    }

    /// The status in words: `finalized, success`, `in block #1234`, or the error.
    public static func statusText(_ e: TransactionEntry) -> (String, StyleRole) {
        let block = e.includedInBlock.map { " #\($0)" } ?? ""
        switch (e.status, e.outcome) {
        case (_, .failed(let error)?):
            return ("\(e.status.text)\(block): failed: \(error)", .textError)
        case (.finalized, _):
            return ("finalized\(block), success", .textOK)
        case (.inBlock, _):
            return ("in block\(block)", .text)
        case (.submitted, _), (.ready, _):
            return (e.status.text, .textWarning)
        case (.dropped, _), (.invalid, _), (.unknown, _):
            return (e.status.text + (e.detail.map { ": \($0)" } ?? ""), .textError)
        }
    }
}
