import Foundation
import Testing
import TestSupport
import TermUI

/// This target's text snapshots (Tests/DashboardTests/Snapshots/NAME.txt), through
/// the shared `TextSnapshotStore`; `KHALATOP_RECORD=1 swift test --filter DashboardTests` re-records.
enum Snapshot {
    static let store = TextSnapshotStore(
        directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots"))

    static func assert(_ lines: [String], named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        store.assert(lines, named: name, sourceLocation: sourceLocation)
    }
}
