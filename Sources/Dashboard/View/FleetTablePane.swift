import MiningCore
import TermUI

/// The fleet table: one row per visible worker, built on demand for the rows
/// on screen only (OPERATORS.md needs 1, 4 and 5).
public enum FleetTablePane {
    /// One column: title, width, alignment, the sort key it shows, and the cell.
    struct Column: Sendable {
        var column: TableColumn
        var sort: SortKey?
        var cell: @Sendable (WorkerRow, GlyphSet) -> TableCell
    }

    static func columns(width: Int) -> [Column] {
        var out: [Column] = [
            Column(column: TableColumn("Worker", width: .fill(1)), sort: .name) { row, _ in TableCell(row.label) },
            Column(column: TableColumn("Pool", width: .fixed(5), alignment: .right), sort: .pool) { row, _ in
                TableCell(row.status.pid.map(String.init) ?? "-", role: row.status.pid == nil ? .textDim : nil)
            },
            Column(column: TableColumn("State", width: .fixed(12)), sort: .state) { row, _ in
                TableCell(Format.state(row.status.state), role: Format.stateRole(row.status.state))
            },
        ]
        if width >= 88 {
            out.append(Column(column: TableColumn("Reg", width: .fixed(5)), sort: nil) { row, _ in
                TableCell(Format.registration(row.status.registration), role: Format.registrationRole(row.status.registration))
            })
        }
        out.append(Column(column: TableColumn("Heartbeat", width: .fixed(11)), sort: .heartbeat) { row, _ in
            let (text, role) = Format.heartbeat(row.status.heartbeat, state: row.status.state)
            return TableCell(text, role: role)
        })
        if width >= 88 {
            // The block of the last heartbeat, not "blocks since": a relative
            // count would rewrite every row on every block for an unchanged
            // fleet; the header shows the current block, the Heartbeats pane
            // the distance, the Heartbeat column the owed age against the window.
            out.append(Column(column: TableColumn("Last HB", width: .fixed(8), alignment: .right), sort: nil) { row, _ in
                guard row.status.state?.isComputing == true, let b = row.status.heartbeat.lastHeartbeatBlock else {
                    return TableCell("-", role: .textDim)
                }
                return TableCell("#\(b)")
            })
        }
        out.append(Column(column: TableColumn("Stake PHA", width: .fixed(11), alignment: .right), sort: .stake) { row, _ in
            TableCell(row.status.stakePlanck.map { Format.phaBare($0, digits: 0) } ?? "-")
        })
        if width >= 76 {
            out.append(Column(column: TableColumn("V", width: .fixed(8), alignment: .right), sort: .v) { row, glyphs in
                let (text, role) = Format.vTrend(row.status, glyphs: glyphs)
                return TableCell(text, role: role)
            })
        }
        out.append(Column(column: TableColumn("Risk", width: .fixed(8)), sort: .risk) { row, _ in
            TableCell(Format.risk(row.status.risk.level), role: Format.riskRole(row.status.risk.level))
        })
        if width >= 130 {
            out.append(Column(column: TableColumn("Why", width: .fill(2)), sort: nil) { row, glyphs in
                TableCell(Format.glyphSafe(row.status.risk.reason, glyphs), role: .textDim)
            })
        }
        return out
    }

    public static func render(_ state: AppState, in area: Rect, focused: Bool, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let sortMark = state.sortDescending ? buffer.glyphs.sortDescending : buffer.glyphs.sortAscending
        let title = "Fleet \(state.visible.count)/\(state.rows.count)  sort \(state.sort.title)\(sortMark)"
        let inner = Screen.frame(title, in: area, focused: focused, buffer: &buffer)
        guard !inner.isEmpty else { return }
        let cols = columns(width: inner.width)
        if state.visible.isEmpty {
            let why = state.rows.isEmpty ? "no workers watched yet" : "no worker matches the filter"
            buffer.setText(why, in: inner.row(min(1, inner.height - 1)), role: .textDim, alignment: .center)
            return
        }
        let rows = state.rows, visible = state.visible, marked = state.marked, glyphs = buffer.glyphs
        let cellMakers = cols.map(\.cell)
        var table = Table(columns: cols.map(\.column), rowCount: visible.count, row: { i in
            let row = rows[visible[i]]
            return TableRow(cellMakers.map { $0(row, glyphs) }, marked: marked.contains(row.key))
        }, selected: state.selectedIndex, offset: state.tableOffset,
           sortColumn: cols.firstIndex { $0.sort == state.sort }, sortDescending: state.sortDescending)
        if !focused { table.selectedRole = .tableSelected }
        table.render(in: inner, buffer: &buffer)
    }
}
