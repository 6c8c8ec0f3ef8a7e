/// Parses the TOML subset the config file uses: top-level `key = value`,
/// `[[worker]]` / `[[pool]]` array-of-table headers, strings ("basic" with
/// \" \\ \n \t escapes, 'literal'), integers (with `_`), `true`/`false`,
/// one-line arrays of those, `#` comments. Every file in the subset is valid
/// TOML.
///
/// Why not TermUI's theme parser: the config needs arrays (`endpoints`) and
/// repeated tables (one `[[worker]]` per worker), which themes do not; the
/// format stays TOML so the same file works with any TOML tool.
enum ConfigFileParser {
    static let maxBytes = 1024 * 1024

    static func parse(_ text: String) throws(ConfigError) -> [ConfigTable] {
        guard text.utf8.count <= maxBytes else {
            throw ConfigError(line: 0, problem: .tooLarge(bytes: text.utf8.count, limit: maxBytes))
        }
        var tables = [ConfigTable(name: "", line: 0, entries: [])]
        var lineNumber = 0
        // "\r\n" is one Character in Swift, so split on either form.
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            var line = Substring(raw)
            if line.last == "\r" { line = line.dropLast() }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.first == "#" { continue }
            if trimmed.hasPrefix("[") {
                tables.append(try header(trimmed, line: lineNumber))
                continue
            }
            let entry = try keyValue(trimmed, line: lineNumber)
            if tables[tables.count - 1].entries.contains(where: { $0.key == entry.key }) {
                throw ConfigError(line: lineNumber, key: entry.key, problem: .duplicateKey)
            }
            tables[tables.count - 1].entries.append(entry)
        }
        return tables
    }

    private static func header(_ text: Substring, line: Int) throws(ConfigError) -> ConfigTable {
        var body = stripComment(text)
        while body.last == " " || body.last == "\t" { body = body.dropLast() }
        guard body.hasPrefix("[["), body.hasSuffix("]]"), body.count > 4 else {
            if body.hasPrefix("[") && body.hasSuffix("]") {
                let name = body.dropFirst().dropLast().trimmingSpaces
                throw ConfigError(line: line, problem: .unknownSection(String(name)))
            }
            throw ConfigError(line: line, problem: .syntax("expected [[table]]"))
        }
        let name = body.dropFirst(2).dropLast(2).trimmingSpaces
        guard name == "worker" || name == "pool" else {
            throw ConfigError(line: line, problem: .unknownSection(String(name)))
        }
        return ConfigTable(name: String(name), line: line, entries: [])
    }

    private static func keyValue(_ text: Substring, line: Int) throws(ConfigError) -> ConfigEntry {
        guard let eq = text.firstIndex(of: "=") else {
            throw ConfigError(line: line, problem: .syntax("expected key = value"))
        }
        let key = text[..<eq].trimmingSpaces
        guard !key.isEmpty, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
            throw ConfigError(line: line, problem: .syntax("a key is letters, digits, _ or -"))
        }
        var cursor = Cursor(text: text[text.index(after: eq)...], line: line, key: String(key))
        cursor.skipSpaces()
        let value = try cursor.value(depth: 0)
        cursor.skipSpaces()
        guard cursor.atEndOrComment else {
            throw ConfigError(line: line, key: String(key), problem: .syntax("unexpected text after the value"))
        }
        return ConfigEntry(key: String(key), value: value, line: line)
    }

    /// Drops a trailing `# comment` outside strings (headers only; values use the cursor).
    private static func stripComment(_ text: Substring) -> Substring {
        guard let hash = text.firstIndex(of: "#") else { return text }
        return text[..<hash]
    }

    /// Reads one value from the rest of a line.
    private struct Cursor {
        var text: Substring
        let line: Int
        let key: String

        var atEndOrComment: Bool { text.isEmpty || text.first == "#" }

        mutating func skipSpaces() { text = text.drop { $0 == " " || $0 == "\t" } }

        func fail(_ problem: ConfigError.Problem) -> ConfigError {
            ConfigError(line: line, key: key, problem: problem)
        }

        mutating func value(depth: Int) throws(ConfigError) -> ConfigValue {
            guard let first = text.first else { throw fail(.syntax("missing value")) }
            switch first {
            case "\"": return .string(try basicString())
            case "'": return .string(try literalString())
            case "[":
                guard depth < 4 else { throw fail(.syntax("arrays nested too deeply")) }
                return try array(depth: depth)
            default:
                let word = text.prefix { !" \t,]#".contains($0) }
                text = text.dropFirst(word.count)
                if word == "true" { return .bool(true) }
                if word == "false" { return .bool(false) }
                let digits = word.filter { $0 != "_" }
                if let n = Int(digits) { return .integer(n) }
                throw fail(.invalidValue("\"\(word.prefix(40))\" is not a string, integer, boolean or array (strings need quotes)"))
            }
        }

        mutating func array(depth: Int) throws(ConfigError) -> ConfigValue {
            text = text.dropFirst()
            var items: [ConfigValue] = []
            while true {
                skipSpaces()
                if text.first == "]" { text = text.dropFirst(); return .array(items) }
                if text.isEmpty || text.first == "#" { throw fail(.syntax("array not closed on this line")) }
                items.append(try value(depth: depth + 1))
                skipSpaces()
                if text.first == "," { text = text.dropFirst(); continue }
                if text.first == "]" { text = text.dropFirst(); return .array(items) }
                if text.isEmpty || text.first == "#" { throw fail(.syntax("array not closed on this line")) }
                throw fail(.syntax("expected , or ] in the array"))
            }
        }

        mutating func basicString() throws(ConfigError) -> String {
            text = text.dropFirst()
            var out = ""
            var escaped = false
            while let c = text.first {
                text = text.dropFirst()
                if escaped {
                    switch c {
                    case "n": out.append("\n")
                    case "t": out.append("\t")
                    case "\"": out.append("\"")
                    case "\\": out.append("\\")
                    default: throw fail(.syntax("unsupported escape \\\(c)"))
                    }
                    escaped = false
                } else if c == "\\" {
                    escaped = true
                } else if c == "\"" {
                    return out
                } else {
                    out.append(c)
                }
            }
            throw fail(.unterminatedString)
        }

        mutating func literalString() throws(ConfigError) -> String {
            text = text.dropFirst()
            guard let end = text.firstIndex(of: "'") else { throw fail(.unterminatedString) }
            let s = String(text[..<end])
            text = text[text.index(after: end)...]
            return s
        }
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self.drop { $0 == " " || $0 == "\t" }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return s
    }
}
