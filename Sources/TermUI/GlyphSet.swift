/// The glyphs widgets draw with: box drawing, block elements, markers and the
/// ellipsis, in a Unicode set and an ASCII set.
///
/// Why two sets: some terminals, fonts and serial consoles lack box drawing and
/// block elements; `--ascii` swaps them all in one place (the ASCII set uses only
/// U+0020-U+007E, which a test checks).
public struct GlyphSet: Hashable, Sendable {
    public var name: String
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    /// Truncation marker (one column).
    public var ellipsis: String
    /// Sparkline levels from lowest (index 0) to highest.
    public var sparkLevels: [String]
    /// Partial blocks for bars, 1/8 to 8/8 of a cell.
    public var barEighths: [String]
    /// Empty part of a gauge.
    public var gaugeEmpty: String
    public var sortAscending: String
    public var sortDescending: String
    /// Marks the selected row of a table.
    public var selection: String
    /// Marks a row marked for a batch action.
    public var mark: String
    /// Shown where a list continues above / below the visible rows.
    public var moreAbove: String
    public var moreBelow: String

    /// Box drawing and block elements (U+2500-U+259F) and a few arrows.
    public static let unicode = GlyphSet(
        name: "unicode",
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        ellipsis: "…",
        sparkLevels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        barEighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"],
        gaugeEmpty: "░",
        sortAscending: "▲", sortDescending: "▼",
        selection: "▶", mark: "●", moreAbove: "↑", moreBelow: "↓")

    /// Printable ASCII only.
    public static let ascii = GlyphSet(
        name: "ascii",
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        ellipsis: "~",
        sparkLevels: ["_", ".", "-", "~", "=", "+", "*", "#"],
        barEighths: [" ", " ", " ", "-", "-", "-", "=", "#"],
        gaugeEmpty: ".",
        sortAscending: "^", sortDescending: "v",
        selection: ">", mark: "*", moreAbove: "^", moreBelow: "v")
}
