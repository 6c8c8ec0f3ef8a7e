import Testing
@testable import SubstrateRPC

/// Known-answer vectors for the strict parser: what it accepts and how it
/// refuses (kind and byte offset).
struct JSONParserVectorTests {
    @Test func scalars() throws {
        #expect(try JSONParser.parse("null") == .null)
        #expect(try JSONParser.parse(" true ") == .bool(true))
        #expect(try JSONParser.parse("false") == .bool(false))
        #expect(try JSONParser.parse("\"hi\"") == .string("hi"))
        #expect(try JSONParser.parse("0") == .int(0))
        #expect(try JSONParser.parse("-0") == .int(0))
        #expect(try JSONParser.parse("42") == .int(42))
        #expect(try JSONParser.parse("-17") == .int(-17))
    }

    @Test func integersStayExact() throws {
        #expect(try JSONParser.parse("9223372036854775807") == .int(Int64.max))
        #expect(try JSONParser.parse("-9223372036854775808") == .int(Int64.min))
        #expect(try JSONParser.parse("9223372036854775808") == .number(.uint(9_223_372_036_854_775_808)))
        #expect(try JSONParser.parse("18446744073709551615") == .number(.uint(UInt64.max)))
        // Beyond 64 bits: the digits are kept, not rounded through Double.
        let big = "340282366920938463463374607431768211455"
        #expect(try JSONParser.parse(big) == .number(.text(big)))
        #expect(try JSONParser.parse("-9223372036854775809") == .number(.text("-9223372036854775809")))
        #expect(try JSONParser.parse("1.5") == .number(.text("1.5")))
        #expect(try JSONParser.parse("1e3") == .number(.text("1e3")))
        #expect(try JSONParser.parse("-0.25E-2").numberValue?.doubleValue == -0.0025)
        // Serialization writes the same text back.
        #expect(try JSONParser.parse(big).serialized() == big)
    }

    @Test func containersKeepOrder() throws {
        let v = try JSONParser.parse(#" { "b" : [1, {"c": null}], "a": "x" } "#)
        guard case .object(let o) = v else { Issue.record("not an object"); return }
        #expect(o.keys == ["b", "a"])
        #expect(v["b"]?[1]?["c"] == .null)
        #expect(v.serialized() == #"{"b":[1,{"c":null}],"a":"x"}"#)
        #expect(try JSONParser.parse("[]") == .array([]))
        #expect(try JSONParser.parse("{}") == .object(JSONObject()))
        #expect(try JSONParser.parse("[[[]]]") == [[[]]])
    }

    @Test func stringEscapes() throws {
        #expect(try JSONParser.parse(#""a\"b\\c\/d\b\f\n\r\t""#) == .string("a\"b\\c/d\u{08}\u{0C}\n\r\t"))
        #expect(try JSONParser.parse(#""\u00e9\u20AC""#) == .string("é€"))
        #expect(try JSONParser.parse(#""\ud83d\ude00""#) == .string("😀"))
        #expect(try JSONParser.parse("\"é😀\"") == .string("é😀"))
        #expect(try JSONParser.parse(#""\u0000""#) == .string("\u{0}"))
    }

    @Test func serializerEscapesAndRoundTrips() throws {
        let s = "q\"b\\\n\t\u{01}\u{1F}é😀/"
        let text = JSONValue.string(s).serialized()
        #expect(text == #""q\"b\\\n\t\u0001\u001fé😀/""#)
        #expect(try JSONParser.parse(text) == .string(s))
        #expect(JSONValue.double(.nan) == .null)
        #expect(JSONValue.double(2.5).serialized() == "2.5")
        #expect(JSONValue.double(3).serialized() == "3")
    }

    /// (input, expected kind, expected offset)
    static let refusals: [(String, JSONParseError.Kind, Int)] = [
        ("", .unexpectedEnd(expected: "a value"), 0),
        ("   ", .unexpectedEnd(expected: "a value"), 3),
        ("{", .unexpectedEnd(expected: "an object key"), 1),
        ("[1,]", .unexpectedByte(UInt8(ascii: "]"), expected: "a value"), 3),
        (#"{"a":1,}"#, .unexpectedByte(UInt8(ascii: "}"), expected: "an object key"), 7),
        (#"{"a" 1}"#, .unexpectedByte(UInt8(ascii: "1"), expected: "':'"), 5),
        ("[1 2]", .unexpectedByte(UInt8(ascii: "2"), expected: "',' or ']'"), 3),
        ("01", .invalidNumber, 0),
        ("1.", .invalidNumber, 0),
        ("-", .invalidNumber, 0),
        ("1e+", .invalidNumber, 0),
        ("+1", .unexpectedByte(UInt8(ascii: "+"), expected: "a value"), 0),
        (".5", .unexpectedByte(UInt8(ascii: "."), expected: "a value"), 0),
        ("NaN", .unexpectedByte(UInt8(ascii: "N"), expected: "a value"), 0),
        ("nul", .unexpectedEnd(expected: "null"), 3),
        ("tru e", .unexpectedByte(UInt8(ascii: " "), expected: "true"), 3),
        (#""\x""#, .invalidEscape, 1),
        (#""\ud800""#, .invalidUnicodeEscape, 1),
        (#""\udc00""#, .invalidUnicodeEscape, 1),
        (#""\ud800\u0041""#, .invalidUnicodeEscape, 7),
        (#""\u12G4""#, .invalidUnicodeEscape, 5),
        ("\"a\u{01}\"", .controlCharacterInString, 2),
        ("\"abc", .unexpectedEnd(expected: "'\"'"), 4),
        ("[1] x", .trailingData, 4),
        ("{} {}", .trailingData, 3),
        (#"{"a":1,"a":2}"#, .duplicateKey("a"), 7),
        ("// c\n1", .unexpectedByte(UInt8(ascii: "/"), expected: "a value"), 0),
    ]

    @Test(arguments: 0..<refusals.count)
    func refuses(_ index: Int) {
        let (input, kind, offset) = Self.refusals[index]
        #expect(throws: JSONParseError(kind, offset: offset), "input: \(input)") {
            try JSONParser.parse(input)
        }
    }

    @Test func invalidUTF8IsRefused() {
        #expect(throws: JSONParseError(.invalidUTF8, offset: 1)) { try JSONParser.parse([0x22, 0xFF, 0x22]) }
        // Overlong encoding of '/'.
        #expect(throws: JSONParseError(.invalidUTF8, offset: 1)) { try JSONParser.parse([0x22, 0xC0, 0xAF, 0x22]) }
        // Invalid bytes in the escaped slow path too.
        #expect(throws: JSONParseError(.invalidUTF8, offset: 1)) {
            try JSONParser.parse([0x22, 0x5C, 0x6E, 0xED, 0xA0, 0x80, 0x22])
        }
        // A UTF-8 BOM is not JSON text.
        #expect(throws: JSONParseError.self) { try JSONParser.parse([0xEF, 0xBB, 0xBF, 0x31]) }
    }

    @Test func limitsAreEnforced() throws {
        let deep = String(repeating: "[", count: 129) + String(repeating: "]", count: 129)
        #expect(throws: JSONParseError(.depthLimitExceeded(limit: 128), offset: 128)) { try JSONParser.parse(deep) }
        let ok = String(repeating: "[", count: 128) + String(repeating: "]", count: 128)
        _ = try JSONParser.parse(ok)
        // Very deep input never recurses past the limit (no stack overflow).
        let hostile = String(repeating: "[", count: 1_000_000)
        #expect(throws: JSONParseError(.depthLimitExceeded(limit: 128), offset: 128)) { try JSONParser.parse(hostile) }
        let limits = JSONParseLimits(maxDepth: 4, maxInputBytes: 10)
        #expect(throws: JSONParseError(.inputTooLarge(size: 11, limit: 10), offset: 0)) {
            try JSONParser.parse("\"123456789\"", limits: limits)
        }
    }

    @Test func manyKeysDuplicateDetection() throws {
        var members = (0..<40).map { "\"k\($0)\":\($0)" }
        let ok = "{" + members.joined(separator: ",") + "}"
        #expect(try JSONParser.parse(ok).objectValue?.count == 40)
        members.append("\"k3\":0")
        let dup = "{" + members.joined(separator: ",") + "}"
        #expect(throws: JSONParseError.self) { try JSONParser.parse(dup) }
    }

    @Test func largeHexStringParsesAndSerializes() throws {
        // The shape of a state_getMetadata response: one long hex string.
        let hex = RPCHex.encode((0..<400_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let frame = #"{"jsonrpc":"2.0","result":"\#(hex)","id":7}"#
        let v = try JSONParser.parse(frame)
        #expect(v["result"]?.stringValue == hex)
        #expect(v.serialized() == frame)
    }
}
