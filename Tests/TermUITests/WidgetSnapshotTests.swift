import Testing
import TermUI

@Suite("Widget snapshots")
struct WidgetSnapshotTests {
    @Test("gallery at 80x24, 120x40 and 20x5", arguments: [(80, 24), (120, 40), (20, 5)])
    func gallery(size: (Int, Int)) throws {
        let backend = try renderScreen(width: size.0, height: size.1) { Gallery.draw(&$0) }
        Snapshot.assert(backend.lines, named: "gallery-\(size.0)x\(size.1)")
    }

    @Test("gallery without dialog, ASCII glyphs, 80x24")
    func galleryASCII() throws {
        let backend = try renderScreen(width: 80, height: 24, glyphs: .ascii) { Gallery.draw(&$0, dialog: false) }
        Snapshot.assert(backend.lines, named: "gallery-ascii-80x24")
    }

    @Test("table keeps the selection visible when scrolled")
    func tableScroll() throws {
        let backend = try renderScreen(width: 40, height: 6) { buffer in
            Table(columns: Gallery.columns, rows: Gallery.rows(30), selected: 20, offset: 0)
                .render(in: buffer.area, buffer: &buffer)
        }
        Snapshot.assert(backend.lines, named: "table-scrolled-40x6")
        #expect(backend.lines[5].hasPrefix("▶ item-20"))
        #expect(backend.lines[1].hasPrefix("↑ item-16"))
    }

    @Test("paragraph wraps at words and ends in an ellipsis")
    func paragraph() throws {
        let backend = try renderScreen(width: 16, height: 3) { buffer in
            Paragraph("the quick brown fox jumps over the lazy dog and keeps running").render(in: buffer.area, buffer: &buffer)
        }
        #expect(backend.lines == ["the quick brown ", "fox jumps over  ", "the lazy dog an…"])
    }

    @Test("gauge fills eighths and centres its label")
    func gauge() throws {
        let backend = try renderScreen(width: 10, height: 1) { buffer in
            Gauge(ratio: 0.4375, label: nil).render(in: buffer.area, buffer: &buffer)
        }
        #expect(backend.lines == ["████▍░░░░░"])
        let labelled = try renderScreen(width: 10, height: 1, glyphs: .ascii) { buffer in
            Gauge(ratio: 0.5, label: "50%").render(in: buffer.area, buffer: &buffer)
        }
        #expect(labelled.lines == ["###50%...."])
    }

    @Test("sparkline scales to the largest value, newest on the right")
    func sparkline() throws {
        let backend = try renderScreen(width: 6, height: 1) { buffer in
            Sparkline([3, 3, 3, 100, 0, 25, 50, 75, 100]).render(in: buffer.area, buffer: &buffer)
        }
        #expect(backend.lines == ["█ ▂▄▆█"])
        let small = try renderScreen(width: 3, height: 1) { buffer in
            Sparkline([0, 1, 800]).render(in: buffer.area, buffer: &buffer)
        }
        #expect(small.lines == [" ▁█"])
        let tall = try renderScreen(width: 3, height: 2) { buffer in
            Sparkline([4, 8, 12], maximum: 16).render(in: buffer.area, buffer: &buffer)
        }
        #expect(tall.lines == ["  ▄", "▄██"])
    }

    @Test("block title, input cursor and dialog placement")
    func blockInputDialog() throws {
        var cursor: Position?
        let backend = try renderScreen(width: 24, height: 7) { buffer in
            Block(title: "Pane").render(in: Rect(x: 0, y: 0, width: 12, height: 3), buffer: &buffer)
            var editor = LineEditor("abcdefghijklmnopqrstuvwxyz")
            editor.apply(.left)
            cursor = InputLine(prompt: "> ", editor: editor).renderReturningCursor(in: Rect(x: 0, y: 3, width: 12, height: 1), buffer: &buffer)
            Dialog(title: "Hi", message: "ok?", buttons: ["Yes"], preferredWidth: 12).render(in: Rect(x: 12, y: 0, width: 12, height: 7), buffer: &buffer)
        }
        Snapshot.assert(backend.lines, named: "block-input-dialog-24x7")
        #expect(backend.lines[0].hasPrefix("┌ Pane ────┐"))
        #expect(backend.lines[3].hasPrefix("> qrstuvwxyz"))
        #expect(cursor == Position(x: 11, y: 3))
    }

    @Test("every widget survives every tiny size, including 0x0 and 1x1")
    func tinySizes() throws {
        for width in 0...7 {
            for height in 0...6 {
                for glyphs in [GlyphSet.unicode, .ascii] {
                    let backend = try renderScreen(width: width, height: height, glyphs: glyphs) { Gallery.draw(&$0) }
                    #expect(backend.lines.count == height)
                    #expect(backend.lines.allSatisfy { TextLayout.width($0) == width })
                }
            }
        }
        // Widgets given rectangles outside the buffer draw nothing.
        var buffer = Buffer(width: 3, height: 3)
        Table(columns: Gallery.columns, rows: Gallery.rows(3), selected: 2).render(in: Rect(x: 5, y: 5, width: 9, height: 9), buffer: &buffer)
        Gauge(ratio: .nan).render(in: buffer.area, buffer: &buffer)
        Sparkline([.infinity, -1, .nan]).render(in: buffer.area, buffer: &buffer)
        #expect(buffer.lines == ["...", "...", "..."].map { _ in "░░░" })
    }
}
