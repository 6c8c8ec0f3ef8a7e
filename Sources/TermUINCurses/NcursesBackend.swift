import CNCurses
import TermUI

/// The `Backend` that draws on the real terminal through ncursesw.
///
/// Colour depth, what we do and why: the theme is degraded to the detected
/// depth (`ColorDepth.detect`). ncurses 6.4 can only show 24-bit colour when
/// the terminfo entry is a direct-colour one (`TERM=xterm-direct`,
/// `tmux-direct`: `COLORS` = 2^24); then RGB goes out as is. With
/// `COLORTERM=truecolor` but a 256-colour `TERM` we draw the nearest of the
/// 256 palette colours. We never call `init_color` even when
/// `can_change_color` says we could: redefining the palette would leak into
/// the user's other programs. Only cells the frame diff reports are written;
/// `flush` sends them with one `doupdate`.
public final class NcursesBackend: Backend {
    public let terminal: Terminal
    /// The depth colours are drawn at.
    public private(set) var depth: ColorDepth
    private var theme: Theme
    private var pairs: ColorPairs
    private var resolved: [StyleRole: (attributes: attr_t, pair: Int32)] = [:]
    private var scratch: [wchar_t] = Array(repeating: 0, count: 8)
    /// Cells written since creation, for tests and the bench.
    public private(set) var cellsWritten = 0

    /// - Parameters:
    ///   - depth: from `ColorDepth.detect(terminalColors: terminal.terminalColors, ...)`.
    public init(terminal: Terminal, theme: Theme, depth: ColorDepth) {
        self.terminal = terminal
        self.depth = NcursesBackend.drawableDepth(depth, terminal: terminal)
        self.theme = theme.degraded(to: self.depth)
        self.pairs = ColorPairs(limit: kt_color_pairs())
    }

    /// The depth the terminal can really draw: true colour needs a direct-colour
    /// terminfo entry, otherwise 256.
    static func drawableDepth(_ depth: ColorDepth, terminal: Terminal) -> ColorDepth {
        if terminal.terminalColors == 0 { return .none }
        if depth == .trueColor && !terminal.directColor { return .palette256 }
        return depth
    }

    /// Switches theme (and optionally depth); the caller redraws in full.
    public func setTheme(_ newTheme: Theme, depth newDepth: ColorDepth? = nil) {
        if let newDepth { depth = NcursesBackend.drawableDepth(newDepth, terminal: terminal) }
        theme = newTheme.degraded(to: depth)
        resolved.removeAll(keepingCapacity: true)
    }

    public var size: Size { terminal.size }

    private func resolve(_ role: StyleRole) -> (attributes: attr_t, pair: Int32) {
        if let r = resolved[role] { return r }
        let style = theme.style(for: role)
        var attributes = kt_a_normal()
        if style.attributes.contains(.bold) { attributes |= kt_a_bold() }
        if style.attributes.contains(.dim) { attributes |= kt_a_dim() }
        if style.attributes.contains(.underline) { attributes |= kt_a_underline() }
        if style.attributes.contains(.reverse) { attributes |= kt_a_reverse() }
        if style.attributes.contains(.italic) { attributes |= kt_a_italic() }
        var pair: Int32 = 0
        if depth != .none {
            let fg = CursesColor.number(style.foreground, direct: terminal.directColor, terminalColors: terminal.terminalColors)
            let bg = CursesColor.number(style.background, direct: terminal.directColor, terminalColors: terminal.terminalColors)
            pair = pairs.pair(foreground: fg, background: bg)
        }
        resolved[role] = (attributes, pair)
        return (attributes, pair)
    }

    public func draw(_ runs: [CellRun]) throws {
        for run in runs {
            var x = run.x
            for cell in run.cells {
                defer { x += 1 }
                if cell.isContinuation { continue }
                let style = resolve(cell.role)
                var n = 0
                for scalar in cell.symbol.unicodeScalars where n < Int(CCHARW_MAX) {
                    scratch[n] = wchar_t(bitPattern: scalar.value)
                    n += 1
                }
                if n == 0 { scratch[0] = 0x20; n = 1 }
                scratch[n] = 0
                // The lower-right cell returns ERR (the cursor cannot advance)
                // but is drawn; other errors only mean a cell off screen.
                _ = kt_put_cell(Int32(run.y), Int32(x), scratch, style.attributes, style.pair)
                cellsWritten += 1
                // If libc's wcwidth thinks a wide cell is narrow (emoji with
                // VS16 on an older table), ncurses advances one column: blank the
                // second column so stale text does not show through.
                if cell.width == 2, kt_wcwidth(scratch[0]) < 2 {
                    scratch[0] = 0x20
                    scratch[1] = 0
                    _ = kt_put_cell(Int32(run.y), Int32(x + 1), scratch, style.attributes, style.pair)
                }
            }
        }
    }

    public func setCursor(_ position: Position?) throws {
        if let position {
            curs_set(1)
            kt_move(Int32(position.y), Int32(position.x))
        } else {
            curs_set(0)
        }
    }

    public func flush() throws {
        wnoutrefresh(kt_stdscr())
        doupdate()
    }

    public func invalidate() throws {
        werase(kt_stdscr())
        clearok(kt_curscr(), true)
    }
}
