import Foundation
import TermUI

/// Benchmarks of the terminal UI: render plus diff of a full 200x60 frame.
/// The frame is a generic table (1,000 or 10,000 rows built every frame, as a
/// pane would from state), a side block with a sparkline, gauges and a wrapped
/// paragraph, header and footer. No terminal is involved: these are the costs
/// the run loop pays before ncurses sees the changed cells.
func uiBenchmarks() throws -> [BenchRow] {
    var rows: [BenchRow] = []
    let width = 200, height = 60

    func frame(rowCount: Int, selected: Int, tick: Int, lazy: Bool = true) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        let parts = Layout.vertical([.fixed(1), .fill(1), .fixed(1)]).split(buffer.area)
        buffer.fill(parts[0], with: .blank(.header))
        buffer.setText("bench frame \(width)x\(height) tick \(tick)", x: 0, y: 0, width: width, role: .header)
        let cols = Layout.horizontal([.percentage(70), .fill(1)]).split(parts[1])
        let block = Block(title: "Rows", borderRole: .borderFocus)
        block.render(in: cols[0], buffer: &buffer)
        let columns = [TableColumn("Name", width: .fill(2)), TableColumn("Pool", width: .fixed(6), alignment: .right),
                       TableColumn("State", width: .fixed(12)), TableColumn("Value", width: .fixed(14), alignment: .right),
                       TableColumn("Note", width: .fill(3))]
        @Sendable func makeRow(_ i: Int) -> TableRow {
            TableRow([TableCell("row-\(i)"), TableCell("\(i % 17)"),
                      TableCell(i % 9 == 0 ? "unresponsive" : "computing", role: i % 9 == 0 ? .stateUnresponsive : .stateComputing),
                      TableCell("\(i * 7919 % 100_000).\(i % 100)"), TableCell("note for row \(i)")])
        }
        let table = lazy
            ? Table(columns: columns, rowCount: rowCount, row: makeRow, selected: selected, sortColumn: 3, sortDescending: true)
            : Table(columns: columns, rows: (0..<rowCount).map(makeRow), selected: selected, sortColumn: 3, sortDescending: true)
        table.render(in: block.inner(cols[0]), buffer: &buffer)
        let side = Block(title: "Detail")
        side.render(in: cols[1], buffer: &buffer)
        let w = Layout.vertical([.fixed(3), .fixed(1), .fixed(1), .fill(1)]).split(side.inner(cols[1]))
        Sparkline((0..<200).map { Double(($0 + tick) * 31 % 23) }).render(in: w[0], buffer: &buffer)
        Gauge(ratio: Double(tick % 100) / 100, label: "\(tick % 100)%").render(in: w[1], buffer: &buffer)
        Gauge.bar(ratio: 0.66).render(in: w[2], buffer: &buffer)
        Paragraph(String(repeating: "Wrapped detail text with a few words per line. ", count: 20)).render(in: w[3], buffer: &buffer)
        buffer.fill(parts[2], with: .blank(.footer))
        buffer.setText("q quit  j/k move  s sort  / filter", x: 0, y: height - 1, width: width, role: .footer)
        return buffer
    }

    for rowCount in [1_000, 10_000] {
        for lazy in [true, false] {
            let kind = lazy ? "visible rows built" : "all rows built"
            let base = frame(rowCount: rowCount, selected: 10, tick: 0, lazy: lazy)
            let renderNs = medianNanos(runs: 41) { blackHole(frame(rowCount: rowCount, selected: 10, tick: 0, lazy: lazy)) }
            var changes = 0
            let totalNs = medianNanos(runs: 41) {
                let next = frame(rowCount: rowCount, selected: 11, tick: 1, lazy: lazy)
                changes = FrameDiff.changes(from: base, to: next).reduce(0) { $0 + $1.writtenCellCount }
            }
            rows.append(BenchRow(section: "ui", name: "render 200x60, \(rowCount) rows, \(kind)", value: fmt(renderNs / 1e6, 3) + " ms",
                                 note: "layout + widgets into a fresh buffer"))
            rows.append(BenchRow(section: "ui", name: "render+diff 200x60, \(rowCount) rows, \(kind)", value: fmt(totalNs / 1e6, 3) + " ms",
                                 note: "selection moved, one tick: \(changes) of \(width * height) cells changed; target < 2 ms at 1,000"))
        }
    }

    let a = frame(rowCount: 1_000, selected: 10, tick: 0)
    let same = frame(rowCount: 1_000, selected: 10, tick: 0)
    var unchanged = -1
    let diffSameNs = medianNanos(runs: 101) {
        unchanged = FrameDiff.changes(from: a, to: same).reduce(0) { $0 + $1.writtenCellCount }
    }
    rows.append(BenchRow(section: "ui", name: "diff unchanged 200x60", value: fmt(diffSameNs / 1e3, 1) + " us",
                         note: "\(unchanged) cells to write (must be 0)"))
    let full = FrameDiff.changes(from: nil, to: a)
    let diffFullNs = medianNanos(runs: 41) { blackHole(FrameDiff.changes(from: nil, to: a)) }
    rows.append(BenchRow(section: "ui", name: "diff first frame 200x60", value: fmt(diffFullNs / 1e3, 1) + " us",
                         note: "\(full.reduce(0) { $0 + $1.writtenCellCount }) cells in \(full.count) runs"))
    var backend = TestBackend(width: width, height: height)
    let drawNs = medianNanos(runs: 41) { try? backend.draw(full) }
    rows.append(BenchRow(section: "ui", name: "TestBackend draw full frame", value: fmt(drawNs / 1e3, 1) + " us",
                         note: "in-memory apply of every cell"))
    return rows
}
