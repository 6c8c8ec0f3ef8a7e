/// A value in a theme file: a string or an integer.
public enum ThemeValue: Hashable, Sendable {
    case string(String)
    case integer(Int)
}

/// One `key = value` line.
public struct ThemeEntry: Hashable, Sendable {
    public var key: String
    public var value: ThemeValue
    public var line: Int
}

/// One `[section]` with its entries, in file order.
public struct ThemeSection: Hashable, Sendable {
    public var name: String
    public var line: Int
    public var entries: [ThemeEntry]
}

/// Parses the TOML subset theme files use: `[dotted.section]` headers,
/// `key = "string"`, `key = 'literal'`, `key = 123`, `#` comments and blank
/// lines. Every file in this subset is valid TOML.
///
/// Why hand-written: TermUI stays stdlib-only (ARCHITECTURE.md), and the
/// subset is a few dozen lines; errors carry the line and key.
public enum ThemeFileParser {
    /// Longest theme file accepted (a theme is a few kilobytes).
    public static let maxBytes = 256 * 1024

    public static func parse(_ text: String, file: String) throws(ThemeError) -> [ThemeSection] {
        guard text.utf8.count <= maxBytes else {
            throw ThemeError(file: file, line: 0, problem: .invalidValue("file larger than \(maxBytes) bytes"))
        }
        var sections: [ThemeSection] = [ThemeSection(name: "", line: 0, entries: [])]
        var seenSections: Set<String> = [""]
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.last == "\r" { line = line.dropLast() }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.first == "#" { continue }
            if trimmed.first == "[" {
                let name = try sectionName(trimmed, file: file, line: lineNumber)
                guard seenSections.insert(name).inserted else {
                    throw ThemeError(file: file, line: lineNumber, problem: .duplicateSection(name))
                }
                sections.append(ThemeSection(name: name, line: lineNumber, entries: []))
                continue
            }
            let entry = try keyValue(trimmed, file: file, line: lineNumber)
            if sections[sections.count - 1].entries.contains(where: { $0.key == entry.key }) {
                throw ThemeError(file: file, line: lineNumber, key: entry.key, problem: .duplicateKey)
            }
            sections[sections.count - 1].entries.append(entry)
        }
        return sections.filter { !($0.name.isEmpty && $0.entries.isEmpty) }
    }

    static func isBareKeyCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-")
    }

    static func sectionName(_ text: Substring, file: String, line: Int) throws(ThemeError) -> String {
        guard let close = text.firstIndex(of: "]") else {
            throw ThemeError(file: file, line: line, problem: .syntax("section header without ']'"))
        }
        let rest = text[text.index(after: close)...].drop { $0 == " " || $0 == "\t" }
        guard rest.isEmpty || rest.first == "#" else {
            throw ThemeError(file: file, line: line, problem: .syntax("text after section header"))
        }
        let inner = text[text.index(after: text.startIndex)..<close].trimmingSpaces()
        let parts = inner.split(separator: ".", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
        guard !inner.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isBareKeyCharacter) }) else {
            throw ThemeError(file: file, line: line, problem: .syntax("section name \"\(inner)\" must be dotted words of a-z, 0-9, _ and -"))
        }
        return parts.joined(separator: ".").lowercased()
    }

    static func keyValue(_ text: Substring, file: String, line: Int) throws(ThemeError) -> ThemeEntry {
        guard let eq = text.firstIndex(of: "=") else {
            throw ThemeError(file: file, line: line, problem: .syntax("expected `key = value`, `[section]` or a comment"))
        }
        let key = String(text[..<eq].trimmingSpaces())
        guard !key.isEmpty, key.allSatisfy(isBareKeyCharacter) else {
            throw ThemeError(file: file, line: line, key: key.isEmpty ? nil : key,
                             problem: .syntax("key must be a bare word of a-z, 0-9, _ and -"))
        }
        let valueText = text[text.index(after: eq)...].drop { $0 == " " || $0 == "\t" }
        let (value, rest) = try parseValue(valueText, file: file, line: line, key: key)
        let tail = rest.drop { $0 == " " || $0 == "\t" }
        guard tail.isEmpty || tail.first == "#" else {
            throw ThemeError(file: file, line: line, key: key, problem: .syntax("text after the value"))
        }
        return ThemeEntry(key: key, value: value, line: line)
    }

    static func parseValue(_ text: Substring, file: String, line: Int, key: String) throws(ThemeError) -> (ThemeValue, Substring) {
        guard let first = text.first else {
            throw ThemeError(file: file, line: line, key: key, problem: .syntax("missing value"))
        }
        if first == "'" {
            let body = text.dropFirst()
            guard let close = body.firstIndex(of: "'") else {
                throw ThemeError(file: file, line: line, key: key, problem: .unterminatedString)
            }
            return (.string(String(body[..<close])), body[body.index(after: close)...])
        }
        if first == "\"" {
            var out = ""
            var index = text.index(after: text.startIndex)
            while index < text.endIndex {
                let c = text[index]
                if c == "\"" { return (.string(out), text[text.index(after: index)...]) }
                if c == "\\" {
                    index = text.index(after: index)
                    guard index < text.endIndex else { break }
                    switch text[index] {
                    case "\"": out.append("\"")
                    case "\\": out.append("\\")
                    case "n": out.append("\n")
                    case "t": out.append("\t")
                    default:
                        throw ThemeError(file: file, line: line, key: key, problem: .syntax("unsupported escape \\\(text[index])"))
                    }
                } else {
                    out.append(c)
                }
                index = text.index(after: index)
            }
            throw ThemeError(file: file, line: line, key: key, problem: .unterminatedString)
        }
        let token = text.prefix { $0 != " " && $0 != "\t" && $0 != "#" }
        guard let number = Int(token) else {
            throw ThemeError(file: file, line: line, key: key,
                             problem: .syntax("value must be a \"string\" or an integer, got \(token.prefix(20))"))
        }
        return (.integer(number), text[token.endIndex...])
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s
    }
}
