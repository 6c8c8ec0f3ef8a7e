/// A terminal colour at any depth: the terminal's default, one of the 16 named
/// ANSI colours, an xterm 256-colour index, or 24-bit RGB.
///
/// Why several depths: operators run over SSH into anything from a 24-bit
/// terminal to `TERM=xterm` (8 colours) or a `NO_COLOR` setup; themes are
/// written once and degraded with `degraded(to:)`.
public enum Color: Hashable, Sendable, CustomStringConvertible {
    /// The terminal's own foreground or background.
    case `default`
    /// ANSI colour 0-15 (0-7 normal, 8-15 bright), named in `Color.names`.
    case ansi(UInt8)
    /// xterm 256-colour index 0-255.
    case indexed(UInt8)
    /// 24-bit colour.
    case rgb(UInt8, UInt8, UInt8)

    /// The 16 ANSI names, index = colour number (theme files use these).
    public static let names: [String] = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow",
        "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    public var description: String {
        switch self {
        case .default: return "default"
        case .ansi(let n): return Int(n) < Color.names.count ? Color.names[Int(n)] : "ansi(\(n))"
        case .indexed(let n): return "\(n)"
        case .rgb(let r, let g, let b): return "#" + hex2(r) + hex2(g) + hex2(b)
        }
    }

    private func hex2(_ v: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(v >> 4)], digits[Int(v & 0xF)]])
    }

    /// The RGB value the colour shows on a stock xterm palette (nil for default).
    public var rgbValue: (r: UInt8, g: UInt8, b: UInt8)? {
        switch self {
        case .default: return nil
        case .ansi(let n): return XtermPalette.rgb(index: Int(n & 0x0F))
        case .indexed(let n): return XtermPalette.rgb(index: Int(n))
        case .rgb(let r, let g, let b): return (r, g, b)
        }
    }
}

/// Text attributes a theme may ask for; kept at every colour depth
/// (`NO_COLOR` removes colour, not emphasis).
public struct Attributes: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = Attributes(rawValue: 1 << 0)
    public static let dim = Attributes(rawValue: 1 << 1)
    public static let underline = Attributes(rawValue: 1 << 2)
    public static let reverse = Attributes(rawValue: 1 << 3)
    public static let italic = Attributes(rawValue: 1 << 4)

    /// Names used in theme files, in a stable order.
    public static let named: [(String, Attributes)] = [
        ("bold", .bold), ("dim", .dim), ("underline", .underline), ("reverse", .reverse), ("italic", .italic),
    ]

    public var description: String {
        let names = Attributes.named.filter { contains($0.1) }.map(\.0)
        return names.isEmpty ? "none" : names.joined(separator: " ")
    }
}

/// How a role looks: foreground, background and attributes.
public struct Style: Hashable, Sendable, CustomStringConvertible {
    public var foreground: Color
    public var background: Color
    public var attributes: Attributes

    public init(foreground: Color = .default, background: Color = .default, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's own colours, no attributes.
    public static let plain = Style()

    public var description: String {
        "fg=\(foreground) bg=\(background) attrs=\(attributes)"
    }
}
