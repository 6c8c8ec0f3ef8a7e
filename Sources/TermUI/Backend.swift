/// Where frames go: a real terminal (`NcursesBackend`) or memory (`TestBackend`).
///
/// Why a protocol: widgets, panes and the frame diff are tested against the
/// in-memory backend exactly as they run against ncurses (the swift-nio
/// core / real-I/O / fake-I/O split, STYLE.md).
public protocol Backend {
    /// The current drawable size.
    var size: Size { get }
    /// Writes changed cells (not yet shown until `flush`).
    mutating func draw(_ runs: [CellRun]) throws
    /// Shows the cursor at a position, or hides it (nil).
    mutating func setCursor(_ position: Position?) throws
    /// Makes everything drawn so far visible.
    mutating func flush() throws
    /// Forgets what is on screen so the next frame is drawn in full (after a
    /// resize, a resume from suspend, or a theme change).
    mutating func invalidate() throws
}
