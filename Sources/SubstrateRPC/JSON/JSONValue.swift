/// A JSON value as it travels in JSON-RPC 2.0 frames (RFC 8259).
///
/// Hand-written rather than `Codable`/`JSONSerialization` because the engine
/// parses every frame a node sends (`state_getMetadata` is ~770 KB of hex) and
/// because Substrate numbers must stay exact: a block number or balance that
/// does not fit a `Double` keeps its digits (`JSONNumber`). Object keys keep
/// their order so a serialized frame reads like the one that was parsed.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

extension JSONValue {
    /// An integer value (`Int64` range is exact).
    public static func int(_ value: Int64) -> JSONValue { .number(.int(value)) }
    /// An unsigned integer value (stored exactly).
    public static func uint(_ value: UInt64) -> JSONValue { .number(JSONNumber(value)) }
    /// A floating-point value; non-finite values have no JSON form and become `null`.
    public static func double(_ value: Double) -> JSONValue {
        value.isFinite ? .number(JSONNumber(value)) : .null
    }
    /// An object from key/value pairs, keeping their order.
    public static func object(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object(JSONObject(pairs.map { ($0.key, $0.value) }))
    }

    public var isNull: Bool { if case .null = self { return true } else { return false } }

    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }

    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }

    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }

    public var objectValue: JSONObject? { if case .object(let o) = self { return o } else { return nil } }

    public var numberValue: JSONNumber? { if case .number(let n) = self { return n } else { return nil } }

    /// The value as `Int64` when it is an integer in range.
    public var int64Value: Int64? { numberValue?.int64Value }

    /// The value as `UInt64` when it is a non-negative integer in range.
    public var uint64Value: UInt64? { numberValue?.uint64Value }

    /// Member of an object by key (nil for other kinds or a missing key).
    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// Element of an array by index (nil when out of range or not an array).
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let a) = self, index >= 0, index < a.count else { return nil }
        return a[index]
    }

    /// A short name of the kind, for error messages.
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "bool"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int64) { self = .number(.int(value)) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
}

extension JSONValue: CustomStringConvertible {
    /// Compact JSON text.
    public var description: String { serialized() }
}
