import Foundation
import Testing
import TestSupport
import TermUI

/// This target's text snapshots (Tests/TermUITests/Snapshots/NAME.txt), through
/// the shared `TextSnapshotStore`; `KHALATOP_RECORD=1 swift test --filter TermUITests` re-records.
enum Snapshot {
    static let store = TextSnapshotStore(
        directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots"))

    static func assert(_ lines: [String], named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        store.assert(lines, named: name, sourceLocation: sourceLocation)
    }
}

/// Renders `draw` into a TestBackend of `width` x `height` through the frame
/// renderer, as the run loop does.
func renderScreen(width: Int, height: Int, glyphs: GlyphSet = .unicode,
                  _ draw: (inout Buffer) -> Void) throws -> TestBackend {
    var backend = TestBackend(width: width, height: height)
    var renderer = FrameRenderer(glyphs: glyphs)
    try renderer.render(size: backend.size, to: &backend) { buffer in
        draw(&buffer)
        return nil
    }
    return backend
}
