import MiningCore

/// A parsed fleet filter (`state=unresponsive and stake<5000`), as typed
/// after `/` (OPERATORS.md need 4; the small language of `bottom`).
///
/// Grammar (case-insensitive keywords):
///
///     query  := or
///     or     := and ("or" and)*
///     and    := unary (["and"] unary)*      -- juxtaposition means and
///     unary  := "not" unary | "(" or ")" | term
///     term   := field op value | word       -- a bare word is free text
///     field  := state | pool | risk | stake | name | key | reg
///     op     := = | != | < | <= | > | >=
///
/// Free text matches names and worker keys (hex) as a substring.
public indirect enum FilterQuery: Hashable, Sendable {
    case all
    case term(FilterTerm)
    case not(FilterQuery)
    case and([FilterQuery])
    case or([FilterQuery])
}

/// A comparison operator of the filter language.
public enum FilterOperator: String, Hashable, Sendable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    func compare<T: Comparable>(_ a: T, _ b: T) -> Bool {
        switch self {
        case .equal: return a == b
        case .notEqual: return a != b
        case .less: return a < b
        case .lessOrEqual: return a <= b
        case .greater: return a > b
        case .greaterOrEqual: return a >= b
        }
    }

    var isEquality: Bool { self == .equal || self == .notEqual }
}

/// Registration states the filter can name (`reg=pending`).
public enum FilterRegistration: String, Hashable, Sendable, CaseIterable {
    case registered, unregistered, pending, unknown
}

/// One condition of a filter.
public enum FilterTerm: Hashable, Sendable {
    /// nil state = no session yet (`state=none`).
    case state(FilterOperator, WorkerState?)
    case pool(FilterOperator, UInt64)
    case risk(FilterOperator, RiskLevel)
    case stake(FilterOperator, stakePlanck: UInt128)
    case name(FilterOperator, String)
    case key(FilterOperator, String)
    case registration(FilterOperator, FilterRegistration)
    /// Lower-cased substring of the name or the key's hex.
    case text(String)
}
