/// How many colours the terminal can show; themes degrade to it.
///
/// Order matters: `none < eight < sixteen < palette256 < trueColor`.
public enum ColorDepth: Int, Comparable, Sendable, CaseIterable, CustomStringConvertible {
    case none = 0
    case eight = 8
    case sixteen = 16
    case palette256 = 256
    case trueColor = 16_777_216

    public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }

    public var description: String {
        switch self {
        case .none: return "none"
        case .eight: return "8"
        case .sixteen: return "16"
        case .palette256: return "256"
        case .trueColor: return "truecolor"
        }
    }

    /// Picks the depth from what the terminal reports and the environment, which
    /// the caller passes in (TermUI reads no environment).
    ///
    /// - `NO_COLOR` set to any non-empty value (no-color.org) or `noColorFlag`
    ///   gives `.none`; so does a terminal reporting fewer than 8 colours.
    /// - `COLORTERM=truecolor|24bit` gives `.trueColor` when the terminal has at
    ///   least 256 colours (the backend then decides how to show 24-bit colour).
    /// - otherwise the largest depth not above `terminalColors`.
    public static func detect(terminalColors: Int, environment: [String: String], noColorFlag: Bool = false) -> ColorDepth {
        if noColorFlag { return .none }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        if terminalColors >= ColorDepth.trueColor.rawValue { return .trueColor }
        let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
        if (colorTerm == "truecolor" || colorTerm == "24bit"), terminalColors >= 256 { return .trueColor }
        if terminalColors >= 256 { return .palette256 }
        if terminalColors >= 16 { return .sixteen }
        if terminalColors >= 8 { return .eight }
        return .none
    }
}

extension Color {
    /// This colour as the nearest one the depth can show.
    public func degraded(to depth: ColorDepth) -> Color {
        switch (self, depth) {
        case (.default, _), (_, .trueColor): return self
        case (_, .none): return .default
        case (.ansi(let n), .palette256), (.ansi(let n), .sixteen): return .ansi(n & 0x0F)
        case (.ansi(let n), .eight): return .ansi(n & 0x07)
        case (.indexed(let n), .palette256): return .indexed(n)
        case (.indexed(let n), .sixteen) where n < 16: return .ansi(n)
        case (.indexed(let n), .eight) where n < 16: return .ansi(n & 0x07)
        case (.rgb(let r, let g, let b), .palette256): return .indexed(XtermPalette.nearest256((r, g, b)))
        case (_, .sixteen): return .ansi(XtermPalette.nearest16(rgbValue ?? (0, 0, 0)))
        case (_, .eight): return .ansi(XtermPalette.nearest8(rgbValue ?? (0, 0, 0)))
        }
    }
}

extension Style {
    /// This style at `depth`. Attributes are always kept. When degradation makes
    /// a distinct foreground and background collide (text would vanish), the
    /// background is dropped and `reverse` is kept as the only emphasis.
    public func degraded(to depth: ColorDepth) -> Style {
        var out = Style(foreground: foreground.degraded(to: depth),
                        background: background.degraded(to: depth),
                        attributes: attributes)
        if out.foreground == out.background, out.foreground != .default, foreground != background {
            out.background = .default
        }
        return out
    }
}
