/// The text and cursor of a one-line input (the `/` filter, a command bar),
/// edited by keys.
///
/// Why a value: the dashboard keeps it in `AppState` and `reduce` applies keys
/// to it, so editing is tested without a terminal. The cursor counts graphemes.
public struct LineEditor: Hashable, Sendable {
    public private(set) var graphemes: [Character]
    /// Cursor position in graphemes, 0...graphemes.count.
    public private(set) var cursor: Int
    /// Longest text accepted, in graphemes.
    public var maxLength: Int

    public init(_ text: String = "", maxLength: Int = 256) {
        self.maxLength = max(0, maxLength)
        self.graphemes = Array(text.prefix(self.maxLength))
        self.cursor = graphemes.count
    }

    public var text: String { String(graphemes) }

    /// Applies an editing key; returns false for keys it does not handle
    /// (Enter, Esc, arrows up/down) so the caller can act on them.
    @discardableResult
    public mutating func apply(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            guard graphemes.count < maxLength, !(c.unicodeScalars.first.map(CharWidth.isControl) ?? true) else { return true }
            graphemes.insert(c, at: cursor)
            cursor += 1
        case .backspace:
            if cursor > 0 { graphemes.remove(at: cursor - 1); cursor -= 1 }
        case .delete, .ctrl("d"):
            if cursor < graphemes.count { graphemes.remove(at: cursor) }
        case .left, .ctrl("b"):
            cursor = max(0, cursor - 1)
        case .right, .ctrl("f"):
            cursor = min(graphemes.count, cursor + 1)
        case .home, .ctrl("a"):
            cursor = 0
        case .end, .ctrl("e"):
            cursor = graphemes.count
        case .ctrl("u"):
            graphemes.removeFirst(cursor)
            cursor = 0
        case .ctrl("k"):
            graphemes.removeLast(graphemes.count - cursor)
        case .ctrl("w"):
            var start = cursor
            while start > 0, graphemes[start - 1] == " " { start -= 1 }
            while start > 0, graphemes[start - 1] != " " { start -= 1 }
            graphemes.removeSubrange(start..<cursor)
            cursor = start
        default:
            return false
        }
        return true
    }
}
