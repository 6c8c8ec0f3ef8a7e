/// Something that draws itself into a rectangle of a buffer.
///
/// Widgets are values built fresh for every frame from state (STYLE.md,
/// principle 2); they keep no state between frames. Rendering clips to `area`
/// and to the buffer, so any rectangle, including an empty one, is safe.
public protocol Widget {
    func render(in area: Rect, buffer: inout Buffer)
}
