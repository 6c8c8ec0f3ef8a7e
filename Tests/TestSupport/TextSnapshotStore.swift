import Foundation
import Testing

/// Text snapshots stored next to a test target (`<dir>/NAME.txt`): each screen
/// row followed by `|` so trailing blanks and the right edge show. Re-record
/// with `KHALATOP_RECORD=1 swift test --filter <Target>`; review with `git diff`.
/// Shared by the TermUI and Dashboard snapshot tests.
public struct TextSnapshotStore: Sendable {
    public let directory: URL
    public init(directory: URL) { self.directory = directory }

    public static var recording: Bool { ProcessInfo.processInfo.environment["KHALATOP_RECORD"] == "1" }

    public static func text(_ lines: [String]) -> String {
        lines.map { $0 + "|" }.joined(separator: "\n") + "\n"
    }

    /// Compares `lines` with the stored snapshot `name`; records it when
    /// recording or when it does not exist yet (and fails then, so a new
    /// snapshot is always reviewed).
    public func assert(_ lines: [String], named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name + ".txt")
        let actual = Self.text(lines)
        let stored = try? String(contentsOf: url, encoding: .utf8)
        if Self.recording || stored == nil {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            if !Self.recording {
                Issue.record(Comment(rawValue: "snapshot \(name) did not exist; recorded it, review and re-run"), sourceLocation: sourceLocation)
            }
            return
        }
        guard let stored, stored != actual else { return }
        let message = "snapshot \(name) differs (- stored, + actual; KHALATOP_RECORD=1 re-records):\n" + Self.diff(stored, actual)
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }

    /// Row-by-row diff: unchanged rows elided, changed rows as `-NN stored` /
    /// `+NN actual`, with a caret line under the first differing column.
    public static func diff(_ a: String, _ b: String) -> String {
        let old = a.split(separator: "\n", omittingEmptySubsequences: false)
        let new = b.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for i in 0..<max(old.count, new.count) {
            let o = i < old.count ? String(old[i]) : nil
            let n = i < new.count ? String(new[i]) : nil
            if o == n { continue }
            let row = String(format: "%02d", i)
            if let o { out.append("-\(row) \(o)") }
            if let n { out.append("+\(row) \(n)") }
            if let o, let n {
                let column = zip(o, n).prefix { $0 == $1 }.count
                out.append("    " + String(repeating: " ", count: column) + "^ column \(column)")
            }
        }
        return out.joined(separator: "\n")
    }
}
