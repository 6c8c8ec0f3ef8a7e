import Foundation
import Testing
import TermUI

/// A small deterministic generator (SplitMix64), so failures reproduce.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Robustness")
struct RobustnessTests {
    /// Text mixing ASCII, controls, wide, combining, emoji and joiners.
    static func randomText(_ rng: inout SeededRandom) -> String {
        let pieces = ["a", "Z", " ", "  ", "\t", "\n", "\u{1B}[31m", "\r\n", "\u{7F}", "文", "字", "한", "Ａ",
                      "e\u{301}", "\u{301}", "\u{200B}", "😀", "👩\u{200D}💻", "❤\u{FE0F}", "…", "─", "long-word-without-breaks", "\u{9B}"]
        let count = Int.random(in: 0...30, using: &rng)
        return (0..<count).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }

    @Test("random text at random sizes: rows keep their width, no control character reaches the screen")
    func randomText() throws {
        var rng = SeededRandom(state: 7)
        for _ in 0..<400 {
            let width = Int.random(in: 0...25, using: &rng)
            let height = Int.random(in: 0...6, using: &rng)
            let text = Self.randomText(&rng)
            let glyphs: GlyphSet = Bool.random(using: &rng) ? .unicode : .ascii
            let backend = try renderScreen(width: width, height: height, glyphs: glyphs) { buffer in
                let x = Int.random(in: -2...width, using: &rng)
                let y = Int.random(in: -1...height, using: &rng)
                buffer.setString(text, x: x, y: y, role: .text)
                buffer.setText(text, x: 0, y: 0, width: Int.random(in: 0...width + 3, using: &rng), alignment: .right)
                Paragraph(text).render(in: Rect(x: 1, y: 1, width: width - 1, height: height - 1), buffer: &buffer)
                Table(columns: Gallery.columns, rows: [TableRow([TableCell(text), TableCell(text)])], selected: 0)
                    .render(in: Rect(x: 0, y: height / 2, width: width, height: 2), buffer: &buffer)
                Block(title: text).render(in: Rect(x: 0, y: 0, width: width, height: min(height, 3)), buffer: &buffer)
            }
            #expect(backend.lines.count == height)
            for line in backend.lines {
                #expect(TextLayout.width(line) == width, "\(text.debugDescription) at \(width)x\(height)")
                #expect(!line.unicodeScalars.contains(where: CharWidth.isControl))
            }
        }
    }

    @Test("mutated theme files parse or fail with a typed error inside the file")
    func mutatedThemes() throws {
        var rng = SeededRandom(state: 11)
        let original = Array(try #require(Theme.builtin("default")).fileText.utf8)
        let alphabet = Array("[]=\"'#. \n\tabcfg0123456789xyz,".utf8)
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes[i] = alphabet.randomElement(using: &rng)!
                case 1: bytes.remove(at: i)
                default: bytes.insert(alphabet.randomElement(using: &rng)!, at: i)
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
            do {
                _ = try Theme.parse(text, file: "fuzz.toml", base: nil)
            } catch {
                #expect(error.file == "fuzz.toml")
                #expect(error.line >= 1 && error.line <= lineCount)
            }
        }
    }

    @Test("role map of a table: header, selection and sort marker roles")
    func roles() throws {
        let backend = try renderScreen(width: 30, height: 4) { buffer in
            Table(columns: Gallery.columns, rows: Gallery.rows(5), selected: 1, sortColumn: 0).render(in: buffer.area, buffer: &buffer)
        }
        let map = backend.roleLines([.tableHeader: "H", .tableSelected: "S", .tableSort: "^", .tableRow: "r", .stateUnresponsive: "u"])
        #expect(map[0].allSatisfy { $0 == "H" || $0 == "^" } && map[0].filter { $0 == "^" }.count == 1)
        #expect(map[1].allSatisfy { $0 == "r" })
        #expect(map[2].allSatisfy { $0 == "S" })
        #expect(map[3].contains("u"))   // row 2's Kind cell has its own role
    }
}
