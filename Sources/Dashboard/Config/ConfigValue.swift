/// A value in the config file's TOML subset.
public enum ConfigValue: Hashable, Sendable {
    case string(String)
    case integer(Int)
    case bool(Bool)
    case array([ConfigValue])

    var typeName: String {
        switch self {
        case .string: return "a string"
        case .integer: return "an integer"
        case .bool: return "true or false"
        case .array: return "an array"
        }
    }
}

/// One `key = value` line with its line number.
public struct ConfigEntry: Hashable, Sendable {
    public var key: String
    public var value: ConfigValue
    public var line: Int
}

/// A table: the top level (name ""), or one `[[name]]` element.
public struct ConfigTable: Hashable, Sendable {
    public var name: String
    public var line: Int
    public var entries: [ConfigEntry]
}
