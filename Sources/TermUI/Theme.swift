/// A named mapping from style roles to styles.
///
/// Why roles fall back: a theme names the roles it cares about; a missing
/// `state.unresponsive` uses `state`, then `text`, then the terminal's own
/// colours. So user themes can be short, and new roles never render as
/// nothing. Built-ins are compiled in (the program works without `themes/`).
public struct Theme: Hashable, Sendable {
    public var name: String
    public var summary: String
    /// Styles given explicitly by the theme.
    public private(set) var styles: [StyleRole: Style]

    public init(name: String, summary: String = "", styles: [StyleRole: Style] = [:]) {
        self.name = name
        self.summary = summary
        self.styles = styles
    }

    /// The style of `role`, walking up `state.unresponsive` → `state` → `text`.
    public func style(for role: StyleRole) -> Style {
        var current: StyleRole? = role
        while let r = current {
            if let s = styles[r] { return s }
            current = r.parent
        }
        return styles[.text] ?? .plain
    }

    public mutating func setStyle(_ style: Style, for role: StyleRole) {
        styles[role] = style
    }

    /// This theme with every style degraded to `depth`.
    public func degraded(to depth: ColorDepth) -> Theme {
        Theme(name: name, summary: summary, styles: styles.mapValues { $0.degraded(to: depth) })
    }

    /// Names of the compiled-in themes, in cycling order.
    public static let builtinNames = ["default", "light", "mono", "high-contrast"]

    /// A compiled-in theme by name.
    public static func builtin(_ name: String) -> Theme? {
        builtins[name]
    }

    /// The compiled-in themes, parsed once. The texts are tested to parse; an
    /// empty theme stands in rather than a trap if one ever did not.
    private static let builtins: [String: Theme] = {
        var out: [String: Theme] = [:]
        for name in builtinNames {
            guard let text = BuiltinThemes.text(for: name) else { continue }
            out[name] = (try? Theme.parse(text, file: "built-in:\(name)", base: nil)) ?? Theme(name: name)
        }
        return out
    }()

    /// The built-in default theme (also the fallback for broken files).
    public static var `default`: Theme { builtin("default") ?? Theme(name: "default") }
}
