import TermUI

/// Where each pane goes for a screen size (pure, so `reduce` can ask how many
/// table rows are visible without drawing anything).
///
/// Three shapes: `full` (every pane at once, 120x36 and up; designed at
/// 160x48), `stacked` (fleet table over one detail pane chosen by the focus,
/// 60x14 and up; designed at 80x24) and `summary` (one line of counts and
/// the worst workers, anything smaller down to 1x1; 0x0 draws nothing).
public struct ScreenLayout: Hashable, Sendable {
    public enum Mode: Hashable, Sendable { case full, stacked, summary }

    public var mode: Mode
    public var header = Rect.zero
    public var status = Rect.zero
    public var footer = Rect.zero
    public var fleet = Rect.zero
    /// Rectangles of the other panes that are on screen.
    public var panes: [PaneID: Rect] = [:]

    public static let fullMinimum = Size(width: 120, height: 36)
    public static let stackedMinimum = Size(width: 60, height: 14)

    public init(size: Size, state: AppState) {
        let area = Rect(x: 0, y: 0, width: size.width, height: size.height)
        if size.width >= Self.fullMinimum.width && size.height >= Self.fullMinimum.height {
            mode = .full
        } else if size.width >= Self.stackedMinimum.width && size.height >= Self.stackedMinimum.height {
            mode = .stacked
        } else {
            mode = .summary
            return
        }
        let rows = Layout.vertical([.fixed(1), .fixed(1), .fill(1), .fixed(1)]).split(area)
        header = rows[0]
        status = rows[1]
        footer = rows[3]
        let body = rows[2]
        switch mode {
        case .full:
            let sideWidth = min(66, max(48, size.width * 2 / 5))
            let cols = Layout.horizontal([.fill(1), .fixed(sideWidth)]).split(body)
            let left = Layout.vertical([.fill(1), .fixed(max(8, body.height / 4)), .fixed(7)]).split(cols[0])
            fleet = left[0]
            panes[.events] = left[1]
            panes[.transactions] = left[2]
            let right = Layout.vertical([.fixed(10), .fixed(10), .fixed(10), .fill(1)]).split(cols[1])
            panes[.registration] = right[0]
            panes[.heartbeats] = right[1]
            panes[.staking] = right[2]
            panes[.penalty] = right[3]
        case .stacked:
            let parts = Layout.vertical([.fill(1), .fixed(min(10, max(6, body.height / 2 - 1)))]).split(body)
            fleet = parts[0]
            panes[ScreenLayout.stackedDetail(focus: state.focus)] = parts[1]
        case .summary:
            break
        }
    }

    /// The pane under the table in the stacked layout: the focused one, or
    /// penalty risk while the table has the focus.
    public static func stackedDetail(focus: PaneID) -> PaneID { focus == .fleet ? .penalty : focus }

    /// Table rows visible in the fleet pane (border and header excluded).
    public var fleetViewportRows: Int {
        switch mode {
        case .summary: return 1
        default: return max(1, fleet.height - 3)
        }
    }
}
