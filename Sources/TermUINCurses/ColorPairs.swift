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
///
/// On a direct-colour terminal (`TERM=*-direct`) colour numbers are packed
/// 0xRRGGBB, except that 0-7 still mean the ANSI colours (the xterm-direct
/// convention); so bright ANSI colours and palette indexes go out as their
/// xterm RGB, and RGB values below 8 are nudged to 8 (#000008, near black).
enum CursesColor {
    /// -1 for the default colour.
    static func number(_ color: Color, direct: Bool, terminalColors: Int) -> Int32 {
        if direct {
            switch color {
            case .default: return -1
            case .ansi(let n) where n < 8: return Int32(n)
            case .indexed(let n) where n < 8: return Int32(n)
            default:
                guard let (r, g, b) = color.rgbValue else { return -1 }
                return max(8, Int32(r) << 16 | Int32(g) << 8 | Int32(b))
            }
        }
        switch color {
        case .default: return -1
        case .ansi(let n): return Int32(terminalColors >= 16 ? n : n & 7)
        case .indexed(let n): return Int32(n) < Int32(terminalColors) ? Int32(n) : -1
        case .rgb(let r, let g, let b): return Int32(XtermPalette.nearest256((r, g, b)))
        }
    }
}
