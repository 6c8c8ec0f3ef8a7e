import CNCurses
import TermUI

/// Colour pairs allocated on demand, one per (foreground, background) in use.
///
/// Why on demand: a theme uses a few dozen combinations out of 256 x 256 (or
/// 2^24 x 2^24 with direct colour); pair 0 is the terminal's default colours.
/// When the terminal's pairs run out, further combinations fall back to pair 0
/// (attributes are kept), which never happens with the built-in themes.
struct ColorPairs {
    private var pairs: [PairKey: Int32] = [:]
    private var next: Int32 = 1
    let limit: Int32

    struct PairKey: Hashable { var foreground: Int32; var background: Int32 }

    init(limit: Int32) { self.limit = limit }

    /// The pair number for curses colour numbers `foreground`/`background`
    /// (-1 = terminal default).
    mutating func pair(foreground: Int32, background: Int32) -> Int32 {
        if foreground == -1 && background == -1 { return 0 }
        let key = PairKey(foreground: foreground, background: background)
        if let p = pairs[key] { return p }
        guard next < limit, init_extended_pair(next, foreground, background) == OK else { return 0 }
        pairs[key] = next
        next += 1
        return next - 1
    }

    var count: Int { pairs.count }
}

/// Maps a degraded `Color` to a curses colour number.
enum CursesColor {
    /// -1 for the default colour; indexes for ANSI and 256-colour; the packed
    /// 0xRRGGBB value for direct-colour terminals.
    static func number(_ color: Color, direct: Bool, terminalColors: Int) -> Int32 {
        switch color {
        case .default: return -1
        case .ansi(let n): return Int32(terminalColors >= 16 ? n : n & 7)
        case .indexed(let n): return Int32(n) < Int32(terminalColors) ? Int32(n) : -1
        case .rgb(let r, let g, let b):
            if direct { return Int32(r) << 16 | Int32(g) << 8 | Int32(b) }
            return Int32(XtermPalette.nearest256((r, g, b)))
        }
    }
}
