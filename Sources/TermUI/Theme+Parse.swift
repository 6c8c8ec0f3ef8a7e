extension Theme {
    /// Builds a theme from theme-file text: `[meta]` may give `name` and
    /// `description`; every other section is a role with `fg`, `bg` and `attrs`.
    /// Roles in the file replace the same roles of `base` (an override file
    /// changes only what it names). Throws the first problem, with file, line and key.
    public static func parse(_ text: String, file: String, base: Theme?) throws(ThemeError) -> Theme {
        let sections = try ThemeFileParser.parse(text, file: file)
        var theme = base ?? Theme(name: "")
        for section in sections {
            if section.name.isEmpty || section.name == "meta" {
                for entry in section.entries {
                    switch entry.key {
                    case "name": theme.name = try string(entry, file: file)
                    case "description": theme.summary = try string(entry, file: file)
                    default: throw ThemeError(file: file, line: entry.line, key: entry.key, problem: .unknownKey)
                    }
                }
                continue
            }
            let role = StyleRole(section.name)
            var style = Style()
            for entry in section.entries {
                switch entry.key {
                case "fg": style.foreground = try color(entry, file: file)
                case "bg": style.background = try color(entry, file: file)
                case "attrs": style.attributes = try attributes(entry, file: file)
                default: throw ThemeError(file: file, line: entry.line, key: entry.key, problem: .unknownKey)
                }
            }
            theme.setStyle(style, for: role)
        }
        if theme.name.isEmpty { theme.name = base?.name ?? "unnamed" }
        return theme
    }

    static func string(_ entry: ThemeEntry, file: String) throws(ThemeError) -> String {
        guard case .string(let s) = entry.value else {
            throw ThemeError(file: file, line: entry.line, key: entry.key, problem: .invalidValue("expected a \"string\""))
        }
        return s
    }

    static func color(_ entry: ThemeEntry, file: String) throws(ThemeError) -> Color {
        let text: String
        switch entry.value {
        case .integer(let n): text = String(n)
        case .string(let s): text = s
        }
        guard let c = Color.parse(text) else {
            throw ThemeError(file: file, line: entry.line, key: entry.key, problem: .invalidColor(text))
        }
        return c
    }

    static func attributes(_ entry: ThemeEntry, file: String) throws(ThemeError) -> Attributes {
        let text = try string(entry, file: file)
        var result: Attributes = []
        for word in text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }) {
            let name = word.lowercased()
            if name == "none" { continue }
            guard let a = Attributes.named.first(where: { $0.0 == name }) else {
                throw ThemeError(file: file, line: entry.line, key: entry.key, problem: .invalidAttribute(String(word)))
            }
            result.insert(a.1)
        }
        return result
    }

    /// The theme as theme-file text (round-trips through `parse`).
    public var fileText: String {
        var out = "[meta]\nname = \"\(name)\"\n"
        if !summary.isEmpty { out += "description = \"\(summary)\"\n" }
        for role in styles.keys.sorted() {
            guard let s = styles[role] else { continue }
            out += "\n[\(role.name)]\n"
            if s.foreground != .default { out += "fg = \"\(s.foreground)\"\n" }
            if s.background != .default { out += "bg = \"\(s.background)\"\n" }
            if !s.attributes.isEmpty { out += "attrs = \"\(s.attributes)\"\n" }
        }
        return out
    }
}

extension Color {
    /// Parses `#rrggbb`, `#rgb`, an index `0`-`255`, one of `Color.names`
    /// (`grey`/`gray` = bright-black) or `default`/`none`.
    public static func parse(_ text: String) -> Color? {
        let s = text.trimmingCharacters().lowercased()
        if s == "default" || s == "none" || s == "reset" { return .default }
        if s.hasPrefix("#") {
            let hex = Array(s.utf8.dropFirst())
            func nibble(_ c: UInt8) -> UInt8? {
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
                default: return nil
                }
            }
            let nibbles = hex.compactMap(nibble)
            guard nibbles.count == hex.count else { return nil }
            if hex.count == 6 {
                return .rgb(nibbles[0] << 4 | nibbles[1], nibbles[2] << 4 | nibbles[3], nibbles[4] << 4 | nibbles[5])
            }
            if hex.count == 3 { return .rgb(nibbles[0] * 17, nibbles[1] * 17, nibbles[2] * 17) }
            return nil
        }
        if let n = Int(s) { return (0...255).contains(n) ? .indexed(UInt8(n)) : nil }
        if s == "grey" || s == "gray" { return .ansi(8) }
        let normalized = s.replacingUnderscores()
        if let i = Color.names.firstIndex(of: normalized) { return .ansi(UInt8(i)) }
        return nil
    }
}

extension String {
    func trimmingCharacters() -> String {
        String(Substring(self).trimmingSpaces())
    }

    func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
