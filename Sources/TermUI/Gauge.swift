/// A horizontal gauge or bar: a filled fraction of the area with an optional
/// label centred on its middle row.
///
/// Why eighths: a 10-column bar showing 37% reads as 3 7/8 cells in Unicode
/// mode; the ASCII set falls back to whole `#` cells. Used for stake shares,
/// pool usage and heartbeat windows.
public struct Gauge: Widget, Sendable {
    /// Fraction filled, clamped to 0...1 (NaN counts as 0).
    public var ratio: Double
    public var label: String?
    public var filledRole: StyleRole
    public var emptyRole: StyleRole
    public var labelRole: StyleRole
    /// Draw the empty glyph in the unfilled part (a gauge) or leave it blank (a bar).
    public var showsEmpty: Bool

    public init(ratio: Double, label: String? = nil, filledRole: StyleRole = .gaugeFilled,
                emptyRole: StyleRole = .gaugeEmpty, labelRole: StyleRole = .gaugeLabel, showsEmpty: Bool = true) {
        self.ratio = ratio
        self.label = label
        self.filledRole = filledRole
        self.emptyRole = emptyRole
        self.labelRole = labelRole
        self.showsEmpty = showsEmpty
    }

    /// A bar without an empty-part glyph or label.
    public static func bar(ratio: Double, role: StyleRole = .gaugeFilled) -> Gauge {
        Gauge(ratio: ratio, filledRole: role, showsEmpty: false)
    }

    public var clampedRatio: Double { ratio.isFinite ? min(1, max(0, ratio)) : 0 }

    public func render(in area: Rect, buffer: inout Buffer) {
        let a = area.intersection(buffer.area)
        guard !a.isEmpty else { return }
        let g = buffer.glyphs
        let eighths = Int((clampedRatio * Double(a.width * 8)).rounded(.down))
        let full = eighths / 8
        let partial = eighths % 8
        for y in a.top..<a.bottom {
            for x in a.left..<a.right {
                let column = x - a.left
                if column < full {
                    buffer.set(x: x, y: y, Cell(symbol: g.barEighths[7], role: filledRole))
                } else if column == full, partial > 0, g.barEighths[partial - 1] != " " {
                    buffer.set(x: x, y: y, Cell(symbol: g.barEighths[partial - 1], role: filledRole))
                } else {
                    buffer.set(x: x, y: y, Cell(symbol: showsEmpty ? g.gaugeEmpty : " ", role: emptyRole))
                }
            }
        }
        if let label, !label.isEmpty {
            buffer.setText(label, x: a.x, y: a.y + (a.height - 1) / 2, width: a.width, role: labelRole, alignment: .center)
        }
    }
}
