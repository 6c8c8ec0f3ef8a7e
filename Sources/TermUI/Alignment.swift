/// Horizontal placement of text in a wider space (table cells, titles, labels).
public enum Alignment: Sendable, Hashable {
    case left
    case center
    case right
}
