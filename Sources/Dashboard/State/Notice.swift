/// A message for the footer that lasts until the next key: why an action key
/// did nothing, that an action was cancelled (issue 8).
public struct Notice: Hashable, Sendable {
    public var text: String
    public var severity: LogEntry.Severity
    public init(_ text: String, severity: LogEntry.Severity = .warning) {
        self.text = text
        self.severity = severity
    }
}
