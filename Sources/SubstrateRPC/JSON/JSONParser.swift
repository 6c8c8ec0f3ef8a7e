/// Strict RFC 8259 parser producing `JSONValue`.
///
/// Strict because the input is a network peer's: no comments, no trailing
/// commas, no NaN, no lone surrogates, no duplicate keys, UTF-8 validated.
/// Bounded by `JSONParseLimits` (depth, size) and never traps: every failure
/// is a `JSONParseError` with the byte offset.
public enum JSONParser {
    /// Parses one JSON text from UTF-8 bytes.
    public static func parse(_ bytes: [UInt8], limits: JSONParseLimits = .default) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError> = bytes.withUnsafeBufferPointer { buf in
            parseResult(buf, limits: limits)
        }
        return try result.get()
    }

    /// Parses one JSON text from a string.
    public static func parse(_ text: String, limits: JSONParseLimits = .default) throws(JSONParseError) -> JSONValue {
        let fast: Result<JSONValue, JSONParseError>? = text.utf8.withContiguousStorageIfAvailable { buf in
            parseResult(buf, limits: limits)
        }
        if let fast { return try fast.get() }
        return try parse(Array(text.utf8), limits: limits)
    }

    /// Parses one JSON text from raw memory (for network buffers without a copy).
    public static func parse(_ raw: UnsafeRawBufferPointer, limits: JSONParseLimits = .default) throws(JSONParseError) -> JSONValue {
        try parseResult(raw.bindMemory(to: UInt8.self), limits: limits).get()
    }

    static func parseResult(_ buf: UnsafeBufferPointer<UInt8>, limits: JSONParseLimits) -> Result<JSONValue, JSONParseError> {
        guard buf.count <= limits.maxInputBytes else {
            return .failure(JSONParseError(.inputTooLarge(size: buf.count, limit: limits.maxInputBytes), offset: 0))
        }
        var reader = JSONReader(buf, maxDepth: limits.maxDepth)
        do throws(JSONParseError) {
            let value = try reader.parseValue(depth: 0)
            reader.skipWhitespace()
            guard reader.index == buf.count else { throw JSONParseError(.trailingData, offset: reader.index) }
            return .success(value)
        } catch {
            return .failure(error)
        }
    }
}

/// The cursor behind `JSONParser`; lives only inside a `withUnsafe...` scope.
struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    var index: Int = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    @inline(__always) func fail(_ kind: JSONParseError.Kind, at offset: Int? = nil) -> JSONParseError {
        JSONParseError(kind, offset: offset ?? index)
    }

    @inline(__always) mutating func skipWhitespace() {
        while index < bytes.count {
            let c = bytes[index]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
            index += 1
        }
    }

    mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        guard index < bytes.count else { throw fail(.unexpectedEnd(expected: "a value")) }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case let c: throw fail(.unexpectedByte(c, expected: "a value"))
        }
    }

    mutating func expectLiteral(_ word: StaticString) throws(JSONParseError) {
        let n = word.utf8CodeUnitCount
        let p = word.utf8Start
        for k in 0..<n {
            guard index + k < bytes.count else { throw fail(.unexpectedEnd(expected: "\(word)"), at: index + k) }
            let c = bytes[index + k]
            guard c == p[k] else { throw fail(.unexpectedByte(c, expected: "\(word)"), at: index + k) }
        }
        index += n
    }

    mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= maxDepth else { throw fail(.depthLimitExceeded(limit: maxDepth)) }
        index += 1  // [
        var items: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            items.append(try parseValue(depth: depth))
            skipWhitespace()
            guard index < bytes.count else { throw fail(.unexpectedEnd(expected: "',' or ']'")) }
            let c = bytes[index]
            index += 1
            if c == UInt8(ascii: ",") { continue }
            if c == UInt8(ascii: "]") { return .array(items) }
            throw fail(.unexpectedByte(c, expected: "',' or ']'"), at: index - 1)
        }
    }

    mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= maxDepth else { throw fail(.depthLimitExceeded(limit: maxDepth)) }
        index += 1  // {
        var members: [(key: String, value: JSONValue)] = []
        var seen = Set<String>()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(JSONObject(uniqueMembers: members))
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw fail(.unexpectedEnd(expected: "an object key")) }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw fail(.unexpectedByte(bytes[index], expected: "an object key"))
            }
            let keyOffset = index
            let key = try parseString()
            // Duplicate check: linear for the usual small object, a set beyond that.
            if members.count < 16 {
                for m in members where m.key == key { throw fail(.duplicateKey(key), at: keyOffset) }
            } else {
                if seen.isEmpty { seen = Set(members.map(\.key)) }
                guard seen.insert(key).inserted else { throw fail(.duplicateKey(key), at: keyOffset) }
            }
            skipWhitespace()
            guard index < bytes.count else { throw fail(.unexpectedEnd(expected: "':'")) }
            guard bytes[index] == UInt8(ascii: ":") else { throw fail(.unexpectedByte(bytes[index], expected: "':'")) }
            index += 1
            let value = try parseValue(depth: depth)
            members.append((key, value))
            skipWhitespace()
            guard index < bytes.count else { throw fail(.unexpectedEnd(expected: "',' or '}'")) }
            let c = bytes[index]
            index += 1
            if c == UInt8(ascii: ",") { continue }
            if c == UInt8(ascii: "}") { return .object(JSONObject(uniqueMembers: members)) }
            throw fail(.unexpectedByte(c, expected: "',' or '}'"), at: index - 1)
        }
    }
}
