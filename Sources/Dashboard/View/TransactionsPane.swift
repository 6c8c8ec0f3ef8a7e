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
            buffer.setText(Format.glyphSafe(hint, buffer.glyphs), in: inner, role: state.signer.disabledReason == nil ? .textDim : .textWarning)
            return
        }
        // One line per extrinsic; a failure or a refusal adds a line with the decoded error.
        var y = 0
        for entry in state.transactions {
            guard y < inner.height else { break }
            let row = inner.row(y)
            y += 1
            let (status, role) = statusText(entry)
            var x = row.x
            x += buffer.setText(entry.id.description, x: x, y: row.y, width: min(5, row.right - x), role: .textDim)
            x = min(row.right, max(x + 1, row.x + 5))
            let summaryWidth = max(0, min(row.right - x, TextLayout.width(entry.summary), max(16, row.width / 2)))
            x += buffer.setText(Format.glyphSafe(entry.summary, buffer.glyphs), x: x, y: row.y, width: summaryWidth, role: .text)
            x += 1
            if x < row.right { buffer.setText(status, x: x, y: row.y, width: row.right - x, role: role) }
            if let error = errorText(entry), y < inner.height {
                let line = inner.row(y)
                y += 1
                buffer.setText(Format.glyphSafe(error, buffer.glyphs), x: line.x + 5, y: line.y, width: max(0, line.width - 5), role: .textError)
            }
        }
    }

    /// The status in words: `finalized #1234, success`, `in block #1234, failed`, `ready`.
    public static func statusText(_ e: TransactionEntry) -> (String, StyleRole) {
        let block = e.includedInBlock.map { " #\($0)" } ?? ""
        switch (e.status, e.outcome) {
        case (_, .failed?):
            return ("\(e.status.text)\(block), failed", .textError)
        case (.finalized, _):
            return ("finalized\(block), success", .textOK)
        case (.inBlock, _):
            return ("in block\(block)", .text)
        case (.submitted, _), (.ready, _):
            return (e.status.text, .textWarning)
        case (.dropped, _), (.invalid, _), (.unknown, _):
            return (e.status.text, .textError)
        }
    }

    /// The decoded error, else why it was dropped or refused or what it waits for; nil when none.
    public static func errorText(_ e: TransactionEntry) -> String? {
        if case .failed(let error)? = e.outcome { return error }
        return e.detail
    }
}
