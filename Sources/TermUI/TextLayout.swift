/// One drawable grapheme with its width, after control characters are replaced.
public struct Grapheme: Hashable, Sendable {
    public var symbol: String
    public var width: Int
}

/// Measuring, cleaning and truncating text by display columns.
///
/// Why clean: names and event text come from a node or a config file; a control
/// character (ESC, CR) drawn as-is would move the cursor or start an escape
/// sequence, so it becomes `?` (a tab becomes a space). Zero-width graphemes
/// that Swift leaves on their own (a combining mark at the start of a string)
/// are dropped.
public enum TextLayout {
    /// The drawable graphemes of `text`.
    public static func graphemes(_ text: some StringProtocol) -> [Grapheme] {
        var out: [Grapheme] = []
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if let g = grapheme(character) { out.append(g) }
        }
        return out
    }

    @inline(__always)
    static func grapheme(_ character: Character) -> Grapheme? {
        if let ascii = character.asciiValue {
            if ascii >= 0x20 && ascii < 0x7F { return Grapheme(symbol: String(character), width: 1) }
            return Grapheme(symbol: ascii == 0x09 ? " " : "?", width: 1)
        }
        if let first = character.unicodeScalars.first, CharWidth.isControl(first) {
            return Grapheme(symbol: "?", width: 1)
        }
        let w = CharWidth.of(character)
        return w == 0 ? nil : Grapheme(symbol: String(character), width: w)
    }

    /// Display width of `text` after cleaning.
    public static func width(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += grapheme(character)?.width ?? 0 }
        return total
    }

    /// The graphemes of `text` fitted into `width` columns: unchanged if they fit,
    /// otherwise cut and ended by `ellipsis` (when `ellipsis` is non-empty and
    /// the width allows it).
    public static func fitted(_ text: some StringProtocol, width: Int, ellipsis: String) -> [Grapheme] {
        guard width > 0 else { return [] }
        let all = graphemes(text)
        var total = 0
        for g in all { total += g.width }
        if total <= width { return all }
        let ellipsisWidth = ellipsis.isEmpty ? 0 : CharWidth.of(ellipsis)
        let budget = ellipsisWidth <= width ? width - ellipsisWidth : width
        var out: [Grapheme] = []
        var used = 0
        for g in all {
            if used + g.width > budget { break }
            out.append(g)
            used += g.width
        }
        if ellipsisWidth > 0, ellipsisWidth <= width - used {
            out.append(Grapheme(symbol: ellipsis, width: ellipsisWidth))
        }
        return out
    }
}

extension Buffer {
    /// Writes `text` starting at (x, y) in `role`, clipped at `maxWidth` columns
    /// and at the buffer edge; returns the columns written. A wide grapheme that
    /// does not fit whole is not drawn.
    @discardableResult
    public mutating func setString(_ text: some StringProtocol, x: Int, y: Int, role: StyleRole = .text,
                                   maxWidth: Int = Int.max) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width - max(0, x), maxWidth)
        var column = 0
        for character in text {
            guard let g = TextLayout.grapheme(character) else { continue }
            if column + g.width > limit { break }
            let cx = x + column
            if cx >= 0 { set(x: cx, y: y, Cell(symbol: g.symbol, role: role, width: UInt8(g.width))) }
            column += g.width
        }
        return column
    }

    /// Writes `text` into the `width` columns starting at (x, y): aligned, and
    /// truncated with the glyph set's ellipsis when too long. Columns not covered
    /// by text are left as they are. Returns the columns written.
    @discardableResult
    public mutating func setText(_ text: some StringProtocol, x: Int, y: Int, width: Int,
                                 role: StyleRole = .text, alignment: Alignment = .left,
                                 ellipsis: Bool = true) -> Int {
        guard width > 0, y >= 0, y < height else { return 0 }
        let parts = TextLayout.fitted(text, width: width, ellipsis: ellipsis ? glyphs.ellipsis : "")
        var used = 0
        for g in parts { used += g.width }
        var column: Int
        switch alignment {
        case .left: column = 0
        case .right: column = width - used
        case .center: column = (width - used) / 2
        }
        for g in parts {
            set(x: x + column, y: y, Cell(symbol: g.symbol, role: role, width: UInt8(g.width)))
            column += g.width
        }
        return used
    }

    /// Writes `text` on the first row of `rect` (nothing when the rectangle is
    /// empty), aligned and truncated like `setText(_:x:y:width:)`. Panes should
    /// prefer this: a zero-height rectangle from a tight layout draws nothing.
    @discardableResult
    public mutating func setText(_ text: some StringProtocol, in rect: Rect, role: StyleRole = .text,
                                 alignment: Alignment = .left, ellipsis: Bool = true) -> Int {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return 0 }
        return setText(text, x: r.x, y: r.y, width: r.width, role: role, alignment: alignment, ellipsis: ellipsis)
    }
}
