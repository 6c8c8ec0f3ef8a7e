import MiningCore

/// One line of the event log: a chain event that matters to the operator
/// (a worker started, stopped, went unresponsive, recovered; the connection
/// changed), dated by its block.
public struct LogEntry: Hashable, Sendable {
    /// How the entry should look; the view maps it to a style role.
    public enum Severity: Hashable, Sendable { case info, good, warning, bad }

    public var block: UInt32?
    public var worker: WorkerKey?
    public var text: String
    public var severity: Severity

    public init(block: UInt32?, worker: WorkerKey? = nil, text: String, severity: Severity = .info) {
        self.block = block
        self.worker = worker
        self.text = text
        self.severity = severity
    }
}
