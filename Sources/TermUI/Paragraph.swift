/// Text wrapped at word boundaries to the width of its area; the last visible
/// line ends in an ellipsis when text remains.
///
/// Why: reasons and explanations ("attestation expired", "why it cannot
/// compute") are sentences of unknown length that must fit any pane size.
public struct Paragraph: Widget, Sendable {
    public var text: String
    public var role: StyleRole
    public var alignment: Alignment
    /// Wrap at word boundaries (true) or cut each line at the edge (false).
    public var wrap: Bool

    public init(_ text: String, role: StyleRole = .text, alignment: Alignment = .left, wrap: Bool = true) {
        self.text = text
        self.role = role
        self.alignment = alignment
        self.wrap = wrap
    }

    /// The lines `text` takes at `width` columns, before height truncation.
    public static func wrap(_ text: String, width: Int) -> [[Grapheme]] {
        guard width > 0 else { return [] }
        var lines: [[Grapheme]] = []
        for hardLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line: [Grapheme] = []
            var lineWidth = 0
            for word in hardLine.split(separator: " ", omittingEmptySubsequences: true) {
                var graphemes = TextLayout.graphemes(word)
                var wordWidth = graphemes.reduce(0) { $0 + $1.width }
                let needed = lineWidth == 0 ? wordWidth : lineWidth + 1 + wordWidth
                if needed <= width {
                    if lineWidth > 0 { line.append(Grapheme(symbol: " ", width: 1)); lineWidth += 1 }
                    line += graphemes
                    lineWidth += wordWidth
                    continue
                }
                if lineWidth > 0 { lines.append(line); line = []; lineWidth = 0 }
                // A word longer than the line is broken at the edge.
                while wordWidth > width {
                    var chunk: [Grapheme] = []
                    var chunkWidth = 0
                    var taken = 0
                    for g in graphemes {
                        if chunkWidth + g.width > width { break }
                        chunk.append(g); chunkWidth += g.width; taken += 1
                    }
                    if taken == 0 { graphemes.removeFirst(); wordWidth = graphemes.reduce(0) { $0 + $1.width }; continue }
                    lines.append(chunk)
                    graphemes.removeFirst(taken)
                    wordWidth -= chunkWidth
                }
                line = graphemes
                lineWidth = wordWidth
            }
            lines.append(line)
        }
        return lines
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        let a = area.intersection(buffer.area)
        guard !a.isEmpty else { return }
        var lines: [[Grapheme]]
        if wrap {
            lines = Paragraph.wrap(text, width: a.width)
        } else {
            lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { TextLayout.graphemes($0) }
        }
        let overflow = lines.count > a.height
        if overflow { lines = Array(lines.prefix(a.height)) }
        for (i, var line) in lines.enumerated() {
            let lineWidth = line.reduce(0) { $0 + $1.width }
            if overflow && i == lines.count - 1 {
                line = Paragraph.ellipsized(line, width: a.width, ellipsis: buffer.glyphs.ellipsis)
            } else if lineWidth > a.width {
                line = TextLayout.fitted(line.map(\.symbol).joined(), width: a.width, ellipsis: buffer.glyphs.ellipsis)
            }
            let used = line.reduce(0) { $0 + $1.width }
            var x = a.left
            switch alignment {
            case .left: break
            case .center: x += (a.width - used) / 2
            case .right: x += a.width - used
            }
            for g in line {
                buffer.set(x: x, y: a.top + i, Cell(symbol: g.symbol, role: role, width: UInt8(g.width)))
                x += g.width
            }
        }
    }

    /// `line` shortened so it ends in an ellipsis within `width` columns.
    static func ellipsized(_ line: [Grapheme], width: Int, ellipsis: String) -> [Grapheme] {
        guard width > 0 else { return [] }
        var out: [Grapheme] = []
        var used = 0
        for g in line {
            if used + g.width > width - 1 { break }
            out.append(g)
            used += g.width
        }
        while let last = out.last, last.symbol == " " { out.removeLast() }
        out.append(Grapheme(symbol: ellipsis, width: 1))
        return out
    }
}
