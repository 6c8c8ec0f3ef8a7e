/// Renders frames through a backend: draw into a fresh buffer, diff against the
/// last frame, send only the changed runs, flush.
///
/// Why a value owned by the run loop: it holds the last frame, the only state
/// the diff needs; tests drive it with `TestBackend`.
public struct FrameRenderer: Sendable {
    public private(set) var lastFrame: Buffer?
    public var glyphs: GlyphSet

    public init(glyphs: GlyphSet = .unicode) {
        self.glyphs = glyphs
    }

    /// Forces the next frame to be sent whole.
    public mutating func invalidate() { lastFrame = nil }

    /// Draws one frame of `size` with `draw`, sends the changes to `backend` and
    /// returns how many runs were sent. `draw` returns the cursor position, if any.
    @discardableResult
    public mutating func render<B: Backend>(size: Size, to backend: inout B,
                                            _ draw: (inout Buffer) -> Position?) throws -> [CellRun] {
        var buffer = Buffer(width: size.width, height: size.height, glyphs: glyphs)
        let cursor = draw(&buffer)
        if lastFrame == nil { try backend.invalidate() }
        let runs = FrameDiff.changes(from: lastFrame, to: buffer)
        if !runs.isEmpty { try backend.draw(runs) }
        try backend.setCursor(cursor)
        try backend.flush()
        lastFrame = buffer
        return runs
    }
}
