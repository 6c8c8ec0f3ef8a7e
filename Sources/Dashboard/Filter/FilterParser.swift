import MiningCore

/// Parses the filter language of `FilterQuery` (recursive descent, depth
/// and length limited so any input returns a query or an error, never traps).
public enum FilterParser {
    /// Longest query accepted, in characters.
    public static let maxLength = 256
    /// Deepest nesting of parentheses and `not`.
    public static let maxDepth = 16

    /// Field names, for the help overlay and error messages.
    public static let fields = ["state", "pool", "risk", "stake", "name", "key", "reg"]

    public static func parse(_ text: String) throws(FilterError) -> FilterQuery {
        guard text.count <= maxLength else {
            throw FilterError(position: maxLength, message: "query longer than \(maxLength) characters")
        }
        var parser = Parser(tokens: try FilterLexer.tokens(text), endPosition: text.count)
        if parser.tokens.isEmpty { return .all }
        let query = try parser.orExpression(depth: 0)
        if let extra = parser.peek {
            throw FilterError(position: extra.position, message: extra.kind == .close ? "')' without '('" : "unexpected text")
        }
        return query
    }

    private struct Parser {
        let tokens: [FilterToken]
        let endPosition: Int
        var index = 0

        init(tokens: [FilterToken], endPosition: Int) {
            self.tokens = tokens
            self.endPosition = endPosition
        }

        var peek: FilterToken? { index < tokens.count ? tokens[index] : nil }

        func isKeyword(_ token: FilterToken?, _ word: String) -> Bool {
            if case .word(let w)? = token?.kind { return w.lowercased() == word }
            return false
        }

        mutating func orExpression(depth: Int) throws(FilterError) -> FilterQuery {
            var parts = [try andExpression(depth: depth)]
            while isKeyword(peek, "or") {
                index += 1
                parts.append(try andExpression(depth: depth))
            }
            return parts.count == 1 ? parts[0] : .or(parts)
        }

        mutating func andExpression(depth: Int) throws(FilterError) -> FilterQuery {
            var parts = [try unary(depth: depth)]
            while let next = peek, next.kind != .close, !isKeyword(next, "or") {
                if isKeyword(next, "and") { index += 1 }
                parts.append(try unary(depth: depth))
            }
            return parts.count == 1 ? parts[0] : .and(parts)
        }

        mutating func unary(depth: Int) throws(FilterError) -> FilterQuery {
            guard let token = peek else {
                throw FilterError(position: endPosition, message: "a condition is missing at the end")
            }
            guard depth < maxDepth else { throw FilterError(position: token.position, message: "nested too deeply") }
            if isKeyword(token, "not") {
                index += 1
                return .not(try unary(depth: depth + 1))
            }
            switch token.kind {
            case .open:
                index += 1
                let inner = try orExpression(depth: depth + 1)
                guard let close = peek, close.kind == .close else {
                    throw FilterError(position: peek?.position ?? endPosition, message: "'(' at \(token.position + 1) not closed")
                }
                index += 1
                return inner
            case .close:
                throw FilterError(position: token.position, message: "')' without a condition before it")
            case .op(let op):
                throw FilterError(position: token.position, message: "'\(op.rawValue)' needs a field before it (\(fields.joined(separator: ", ")))")
            case .word(let word):
                index += 1
                if isKeyword(token, "and") || isKeyword(token, "or") {
                    throw FilterError(position: token.position, message: "'\(word)' needs a condition before it")
                }
                guard case .op(let op)? = peek?.kind else { return .term(.text(word.lowercased())) }
                let opPosition = peek?.position ?? endPosition
                index += 1
                guard let valueToken = peek, case .word(let value) = valueToken.kind else {
                    throw FilterError(position: opPosition + op.rawValue.count, message: "a value is missing after '\(word)\(op.rawValue)'")
                }
                index += 1
                return .term(try FilterParser.term(field: word, fieldPosition: token.position, op: op,
                                                   value: value, valuePosition: valueToken.position))
            }
        }
    }

    static func term(field: String, fieldPosition: Int, op: FilterOperator, value: String,
                     valuePosition: Int) throws(FilterError) -> FilterTerm {
        let v = value.lowercased()
        func equalityOnly() throws(FilterError) {
            guard op.isEquality else {
                throw FilterError(position: fieldPosition, message: "\(field) takes only = or !=")
            }
        }
        switch field.lowercased() {
        case "state":
            try equalityOnly()
            guard let state = stateNames[v] else {
                throw FilterError(position: valuePosition, message: "unknown state '\(value)' (computing, unresponsive, ready, coolingdown, none)")
            }
            return .state(op, state)
        case "pool", "pid":
            guard let pid = UInt64(v) else { throw FilterError(position: valuePosition, message: "pool is a number") }
            return .pool(op, pid)
        case "risk":
            guard let level = riskNames[v.filter { $0 != "-" && $0 != "_" }] else {
                throw FilterError(position: valuePosition, message: "unknown risk '\(value)' (none, watch, at-risk, losing, stopped)")
            }
            return .risk(op, level)
        case "stake":
            do {
                return .stake(op, stakePlanck: try PHA.parse(v.uppercased()))
            } catch {
                throw FilterError(position: valuePosition, message: "stake is an amount in PHA: \(error)")
            }
        case "name":
            try equalityOnly()
            return .name(op, v)
        case "key":
            try equalityOnly()
            return .key(op, v)
        case "reg", "registration":
            try equalityOnly()
            guard let reg = FilterRegistration(rawValue: v) else {
                throw FilterError(position: valuePosition, message: "unknown registration '\(value)' (registered, unregistered, pending, unknown)")
            }
            return .registration(op, reg)
        default:
            throw FilterError(position: fieldPosition, message: "unknown field '\(field)' (\(fields.joined(separator: ", ")))")
        }
    }

    static let stateNames: [String: WorkerState?] = [
        "computing": .workerIdle, "idle": .workerIdle, "workeridle": .workerIdle,
        "unresponsive": .workerUnresponsive, "workerunresponsive": .workerUnresponsive,
        "ready": .ready,
        "coolingdown": .workerCoolingDown, "cooling": .workerCoolingDown, "cooling-down": .workerCoolingDown,
        "workercoolingdown": .workerCoolingDown,
        "none": Optional<WorkerState>.none, "unbound": Optional<WorkerState>.none,
    ]

    static let riskNames: [String: RiskLevel] = [
        "none": .none, "ok": .none, "watch": .watch, "atrisk": .atRisk, "risk": .atRisk,
        "losing": .losing, "stopped": .stopped,
    ]
}
