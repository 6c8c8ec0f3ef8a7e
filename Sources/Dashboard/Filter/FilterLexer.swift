/// Splits a filter query into words, operators and parentheses.
struct FilterToken: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case word(String)
        case op(FilterOperator)
        case open, close
    }
    var kind: Kind
    var position: Int
}

enum FilterLexer {
    static func tokens(_ text: String) throws(FilterError) -> [FilterToken] {
        let chars = Array(text)
        var out: [FilterToken] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" { i += 1; continue }
            if c == "(" { out.append(FilterToken(kind: .open, position: i)); i += 1; continue }
            if c == ")" { out.append(FilterToken(kind: .close, position: i)); i += 1; continue }
            if "=!<>".contains(c) {
                let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
                let op: FilterOperator
                switch (c, next) {
                case ("!", "="): op = .notEqual; i += 2
                case ("<", "="): op = .lessOrEqual; i += 2
                case (">", "="): op = .greaterOrEqual; i += 2
                case ("=", "="): op = .equal; i += 2
                case ("=", _): op = .equal; i += 1
                case ("<", _): op = .less; i += 1
                case (">", _): op = .greater; i += 1
                default: throw FilterError(position: i, message: "'!' must be followed by '=' (use not for negation)")
                }
                out.append(FilterToken(kind: .op(op), position: i - op.rawValue.count))
                continue
            }
            if c == "\"" || c == "'" {
                let start = i
                i += 1
                var word = ""
                while i < chars.count, chars[i] != c { word.append(chars[i]); i += 1 }
                guard i < chars.count else { throw FilterError(position: start, message: "quote not closed") }
                i += 1
                out.append(FilterToken(kind: .word(word), position: start))
                continue
            }
            let start = i
            var word = ""
            while i < chars.count, !" \t()=!<>\"'".contains(chars[i]) { word.append(chars[i]); i += 1 }
            out.append(FilterToken(kind: .word(word), position: start))
        }
        return out
    }
}
