import Testing
import TermUI

@Suite("Character widths")
struct CharWidthTests {
    @Test("ASCII, wide, fullwidth, emoji and combining widths")
    func widths() {
        #expect(CharWidth.of("a" as Character) == 1)
        #expect(CharWidth.of("文" as Character) == 2)
        #expect(CharWidth.of("한" as Character) == 2)          // Hangul syllable
        #expect(CharWidth.of("Ａ" as Character) == 2)          // fullwidth A
        #expect(CharWidth.of("😀" as Character) == 2)
        #expect(CharWidth.of("❤\u{FE0F}" as Character) == 2)  // emoji presentation selector
        #expect(CharWidth.of("e\u{301}" as Character) == 1)   // e + combining acute
        #expect(CharWidth.of(Unicode.Scalar(0x301)!) == 0)
        #expect(CharWidth.of(Unicode.Scalar(0x200B)!) == 0)   // zero width space
        #expect(CharWidth.of(Unicode.Scalar(0x1B)!) == 0)     // ESC
        #expect(CharWidth.of("─" as Character) == 1)          // box drawing is narrow
        #expect(CharWidth.of("文字 é" as String) == 6)
    }

    @Test("wide characters take two cells and a continuation")
    func wideInBuffer() {
        var buffer = Buffer(width: 6, height: 1)
        let used = buffer.setString("a文b", x: 0, y: 0)
        #expect(used == 4)
        #expect(buffer.cell(x: 1, y: 0)?.width == 2)
        #expect(buffer.cell(x: 2, y: 0)?.isContinuation == true)
        #expect(buffer.lines == ["a文b  "])
        // A wide character that does not fit at the edge is not drawn half.
        var edge = Buffer(width: 3, height: 1)
        edge.setString("ab文", x: 0, y: 0)
        #expect(edge.lines == ["ab "])
        // Overwriting either half of a wide character blanks the other half.
        buffer.set(x: 2, y: 0, Cell("x"))
        #expect(buffer.lines == ["a xb  "])
        buffer.setString("文", x: 3, y: 0)
        buffer.set(x: 3, y: 0, Cell("y"))
        #expect(buffer.lines == ["a xy  "])
    }

    @Test("combining marks stay with their base; control characters are replaced")
    func combiningAndControls() {
        var buffer = Buffer(width: 8, height: 1)
        let used = buffer.setString("e\u{301}\u{1B}[2J\t.", x: 0, y: 0)
        #expect(used == 7)
        #expect(buffer.cell(x: 0, y: 0)?.symbol == "e\u{301}")
        #expect(buffer.lines == ["e\u{301}?[2J . "])
        // A combining mark with no base is dropped.
        #expect(TextLayout.width("\u{301}ab") == 2)
    }

    @Test("truncation with ellipsis counts columns, not characters")
    func truncation() {
        var buffer = Buffer(width: 7, height: 1)
        buffer.setText("文字文字文字", x: 0, y: 0, width: 6)
        #expect(buffer.lines == ["文字…  "])
        var right = Buffer(width: 6, height: 1)
        right.setText("abc", x: 0, y: 0, width: 6, alignment: .right)
        #expect(right.lines == ["   abc"])
        var ascii = Buffer(width: 5, height: 1, glyphs: .ascii)
        ascii.setText("abcdefgh", x: 0, y: 0, width: 5)
        #expect(ascii.lines == ["abcd~"])
    }
}
