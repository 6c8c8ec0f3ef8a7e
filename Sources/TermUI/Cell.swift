/// One terminal cell: the grapheme drawn there, its semantic style role and the
/// columns it covers.
///
/// Why roles and not colours: panes ask for `risk.losing`, the theme decides what
/// that looks like at the detected colour depth (STYLE.md, principle 6). A wide
/// grapheme (width 2) is followed by a continuation cell (`symbol == ""`,
/// width 0) that the backend never writes, as in ratatui's buffer.
public struct Cell: Equatable, Hashable, Sendable {
    /// The grapheme cluster drawn here ("" for the right half of a wide char).
    public var symbol: String
    /// The semantic style of the cell.
    public var role: StyleRole
    /// Columns covered: 1, 2 (wide), or 0 (continuation of a wide cell).
    public var width: UInt8

    public init(symbol: String, role: StyleRole = .text, width: UInt8 = 1) {
        self.symbol = symbol
        self.role = role
        self.width = width
    }

    /// A cell holding `character`, with its display width computed.
    public init(_ character: Character, role: StyleRole = .text) {
        let w = CharWidth.of(character)
        self.symbol = String(character)
        self.role = role
        self.width = UInt8(max(0, min(2, w)))
    }

    /// A blank cell (a space) in `role`.
    public static func blank(_ role: StyleRole = .text) -> Cell {
        Cell(symbol: " ", role: role, width: 1)
    }

    /// The right half of a wide character.
    public static func continuation(_ role: StyleRole) -> Cell {
        Cell(symbol: "", role: role, width: 0)
    }

    /// True for the placeholder right half of a wide character.
    public var isContinuation: Bool { width == 0 }
}
