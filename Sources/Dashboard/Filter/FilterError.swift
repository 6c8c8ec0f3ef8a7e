/// Why a filter did not parse, with the column where the problem starts.
///
/// Shown under the filter line while typing; the previous filter stays in
/// force, so a half-typed query never empties the table or crashes.
public struct FilterError: Error, Hashable, Sendable, CustomStringConvertible {
    /// 0-based character offset into the query.
    public var position: Int
    public var message: String

    public init(position: Int, message: String) {
        self.position = position
        self.message = message
    }

    public var description: String { "at \(position + 1): \(message)" }
}
