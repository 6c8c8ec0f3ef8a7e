/// Why a JSON text was refused, and at which byte offset.
///
/// Every malformed frame a peer can send maps to one of these; the parser
/// never traps (see the fuzz tests). The offset is the byte index in the
/// input where the problem was found.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The input ended where `expected` was due.
        case unexpectedEnd(expected: String)
        /// A byte that cannot start or continue what was `expected`.
        case unexpectedByte(UInt8, expected: String)
        /// Number text that breaks the RFC 8259 grammar (leading zeros, bare `-`, `1.`, ...).
        case invalidNumber
        /// A backslash escape other than `\" \\ \/ \b \f \n \r \t \uXXXX`.
        case invalidEscape
        /// A `\u` escape with bad hex digits or an unpaired UTF-16 surrogate.
        case invalidUnicodeEscape
        /// A raw control character (below U+0020) inside a string.
        case controlCharacterInString
        /// String bytes that are not well-formed UTF-8.
        case invalidUTF8
        /// Arrays/objects nested deeper than the limit.
        case depthLimitExceeded(limit: Int)
        /// The whole input is larger than the limit; nothing was parsed.
        case inputTooLarge(size: Int, limit: Int)
        /// Non-whitespace after the top-level value.
        case trailingData
        /// An object repeats a member name.
        case duplicateKey(String)
    }

    public let kind: Kind
    public let offset: Int

    public init(_ kind: Kind, offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    public var description: String {
        let what: String
        switch kind {
        case .unexpectedEnd(let e): what = "input ended, expected \(e)"
        case .unexpectedByte(let b, let e): what = "unexpected byte 0x\(String(b, radix: 16)), expected \(e)"
        case .invalidNumber: what = "invalid number"
        case .invalidEscape: what = "invalid escape sequence"
        case .invalidUnicodeEscape: what = "invalid \\u escape or unpaired surrogate"
        case .controlCharacterInString: what = "raw control character in string"
        case .invalidUTF8: what = "string is not valid UTF-8"
        case .depthLimitExceeded(let l): what = "nesting deeper than \(l)"
        case .inputTooLarge(let s, let l): what = "input of \(s) bytes exceeds the limit of \(l)"
        case .trailingData: what = "data after the JSON value"
        case .duplicateKey(let k): what = "duplicate object key \"\(k.prefix(64))\""
        }
        return "JSON parse error at byte \(offset): \(what)"
    }
}

/// Bounds on what the parser accepts, so a hostile peer cannot exhaust
/// stack or memory.
public struct JSONParseLimits: Sendable, Equatable {
    /// Maximum nesting of arrays and objects (the top-level container is depth 1).
    public var maxDepth: Int
    /// Maximum input size in bytes, checked before parsing.
    public var maxInputBytes: Int

    public init(maxDepth: Int = 128, maxInputBytes: Int = 64 << 20) {
        self.maxDepth = maxDepth
        self.maxInputBytes = maxInputBytes
    }

    /// 128 levels, 64 MiB: room for `state_getMetadata` and big storage batches.
    public static let `default` = JSONParseLimits()
}
