import Testing
import TermUI

@Suite("Glyph sets")
struct GlyphTests {
    static func isBoxOrBlock(_ s: Unicode.Scalar) -> Bool { (0x2500...0x259F).contains(s.value) }

    @Test("ASCII mode draws no box-drawing or block code points")
    func asciiHasNoBoxDrawing() throws {
        for (w, h) in [(80, 24), (120, 40), (20, 5)] {
            let backend = try renderScreen(width: w, height: h, glyphs: .ascii) { Gallery.draw(&$0) }
            let scalars = backend.lines.joined().unicodeScalars
            #expect(!scalars.contains(where: GlyphTests.isBoxOrBlock))
            // Only the test text's own 文字 and é are non-ASCII.
            let nonASCII = Set(scalars.filter { $0.value > 0x7E }.map(\.value))
            #expect(nonASCII.isSubset(of: [0x6587, 0x5B57, 0x301]))
        }
        let unicode = try renderScreen(width: 80, height: 24) { Gallery.draw(&$0) }
        #expect(unicode.lines.joined().unicodeScalars.contains(where: GlyphTests.isBoxOrBlock))
    }

    @Test("the ASCII glyph set is printable ASCII and every glyph is one column")
    func asciiSet() {
        let g = GlyphSet.ascii
        let all = [g.horizontal, g.vertical, g.topLeft, g.topRight, g.bottomLeft, g.bottomRight, g.ellipsis,
                   g.gaugeEmpty, g.sortAscending, g.sortDescending, g.selection, g.mark, g.moreAbove, g.moreBelow]
            + g.sparkLevels + g.barEighths
        #expect(all.allSatisfy { $0.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) } })
        let u = GlyphSet.unicode
        let unicodeAll = [u.horizontal, u.vertical, u.topLeft, u.ellipsis, u.selection, u.mark] + u.sparkLevels + u.barEighths
        #expect(unicodeAll.allSatisfy { CharWidth.of($0) == 1 })
    }
}
