import TermUI

/// A screen using every widget, drawn at several sizes by the snapshot tests.
/// The content is fixed test text (not chain data).
enum Gallery {
    static let columns = [
        TableColumn("Name", width: .fill(2)),
        TableColumn("Kind", width: .fixed(8)),
        TableColumn("Count", width: .fixed(6), alignment: .right),
        TableColumn("Note", width: .fill(3)),
    ]

    static func rows(_ n: Int) -> [TableRow] {
        (0..<n).map { i in
            TableRow([
                TableCell("item-\(i < 10 ? "0" : "")\(i)"),
                TableCell(["alpha", "beta", "gamma", "delta"][i % 4], role: i % 4 == 2 ? .stateUnresponsive : nil),
                TableCell("\(i * 37 % 1000)"),
                TableCell(i == 3 ? "a note long enough to be cut with an ellipsis at most widths" : "note \(i)"),
            ], marked: i == 5)
        }
    }

    static func draw(_ buffer: inout Buffer, dialog: Bool = true) {
        let area = buffer.area
        let rows = Layout.vertical([.fixed(1), .fill(1), .fixed(1)]).split(area)
        buffer.fill(rows[0], with: .blank(.header))
        buffer.setText("Gallery \(area.width)x\(area.height) 文字", x: 0, y: rows[0].y, width: rows[0].width, role: .header)
        let parts = Layout.horizontal([.percentage(60), .fill(1)]).split(rows[1])
        let left = Block(title: "Table", borderRole: .borderFocus)
        left.render(in: parts[0], buffer: &buffer)
        Table(columns: columns, rows: Gallery.rows(30), selected: 12, offset: 0, sortColumn: 2, sortDescending: true)
            .render(in: left.inner(parts[0]), buffer: &buffer)
        let right = Block(title: "Widgets")
        right.render(in: parts[1], buffer: &buffer)
        let w = Layout.vertical([.fixed(2), .fixed(1), .fixed(1), .fixed(1), .fill(1)]).split(right.inner(parts[1]))
        Sparkline([1, 2, 3, 4, 5, 6, 7, 8, 7, 6, 5, 4, 3, 2, 1, 0, 2, 4, 8, 16, 8, 4, 2, 1]).render(in: w[0], buffer: &buffer)
        Gauge(ratio: 0.42, label: "42%").render(in: w[1], buffer: &buffer)
        Gauge.bar(ratio: 0.66).render(in: w[2], buffer: &buffer)
        InputLine(prompt: "/", editor: LineEditor("state=unresponsive")).render(in: w[3], buffer: &buffer)
        Paragraph("Wide 文字 and e\u{301} combining marks take the right columns; long text wraps at words and ends with an ellipsis when it does not fit.")
            .render(in: w[4], buffer: &buffer)
        buffer.fill(rows[2], with: .blank(.footer))
        buffer.setText("q quit  j/k move  s sort", x: 0, y: rows[2].y, width: rows[2].width, role: .footer)
        if dialog {
            Dialog(title: "Confirm", message: "Stop computing on 3 workers? This signs computation.stop_computing for each.",
                   buttons: ["Stop", "Cancel"], focusedButton: 1, preferredWidth: 44)
                .render(in: area, buffer: &buffer)
        }
    }
}
