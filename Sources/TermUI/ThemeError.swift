/// A theme file that cannot be used, naming the file, the line and the key.
///
/// Why so precise: a user edits `~/.config/khalatop/themes/NAME.toml` by hand;
/// "theme broken" helps nobody, "mine.toml:12: key 'fg': colour \"#ff00\" is
/// not #rrggbb, 0-255 or a name" does. The dashboard shows it and falls back to
/// the built-in default theme.
public struct ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public enum Problem: Hashable, Sendable {
        /// The line is not `[section]`, `key = value`, a comment or blank.
        case syntax(String)
        /// A string value is not closed before the end of the line.
        case unterminatedString
        /// A key the theme format does not define.
        case unknownKey
        /// The same key twice in one section.
        case duplicateKey
        /// The same section header twice.
        case duplicateSection(String)
        case invalidColor(String)
        case invalidAttribute(String)
        /// A value of the wrong kind (a number where a string is needed).
        case invalidValue(String)
        /// No built-in theme and no file of that name.
        case notFound(String)
        /// The file exists but could not be read.
        case unreadable(String)
    }

    /// Path of the file (or "built-in:NAME").
    public var file: String
    /// 1-based line number, 0 when the problem is the whole file.
    public var line: Int
    /// The key involved, if any (`fg`, `bg`, `attrs`, `name`).
    public var key: String?
    public var problem: Problem

    public init(file: String, line: Int, key: String? = nil, problem: Problem) {
        self.file = file
        self.line = line
        self.key = key
        self.problem = problem
    }

    public var description: String {
        var where_ = line > 0 ? "\(file):\(line)" : file
        if let key { where_ += ": key '\(key)'" }
        let what: String
        switch problem {
        case .syntax(let s): what = "syntax: \(s)"
        case .unterminatedString: what = "string not closed before the end of the line"
        case .unknownKey: what = "unknown key (expected fg, bg or attrs; name or description in [meta])"
        case .duplicateKey: what = "key given twice in the same section"
        case .duplicateSection(let s): what = "section [\(s)] given twice"
        case .invalidColor(let s): what = "colour \"\(s)\" is not #rrggbb, #rgb, 0-255, a colour name or default"
        case .invalidAttribute(let s): what = "attribute \"\(s)\" is not one of bold, dim, underline, reverse, italic, none"
        case .invalidValue(let s): what = "invalid value: \(s)"
        case .notFound(let name): what = "no theme named \"\(name)\" (built-in: \(Theme.builtinNames.joined(separator: ", ")))"
        case .unreadable(let s): what = "cannot read: \(s)"
        }
        return "\(where_): \(what)"
    }
}
