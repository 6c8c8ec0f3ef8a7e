/// A parsed Substrate secret URI: `PHRASE`, `PHRASE//hard/soft///password`,
/// `0xSEED//path`, or a path alone on the dev phrase (`//Alice`).
///
/// Follows `sp_core::crypto::SecretUri` (regex
/// `^(?P<phrase>[\d\w ]+)?(?P<path>(//?[^/]+)*)(///(?P<password>.*))?$`) so
/// that a URI means the same key here as in Substrate and polkadot.js.
/// Holds secrets: no description shows the phrase or password.
public struct SecretURI: Sendable {
    /// Substrate's well-known development phrase (`DEV_PHRASE`).
    public static let devPhrase = "bottom drive obey lake curtain smoke basket hold race lonely fit walk"

    /// The phrase or `0x` seed text; the dev phrase when the URI starts with `/`.
    let phrase: String
    /// The text after `///`, if present (ignored for `0x` seeds, as in Substrate).
    let password: String?
    /// The derivation path in order.
    public let junctions: [DeriveJunction]

    /// True when the phrase part is a `0x` hex seed.
    public var isHexSeed: Bool { phrase.hasPrefix("0x") }
    /// True when no phrase was given and the dev phrase is used.
    public let usesDevPhrase: Bool

    /// Parses `text`; errors say where, never what.
    public init(_ text: String) throws(SecretURIError) {
        let chars = Array(text)
        guard !chars.isEmpty else { throw .empty }
        var i = 0
        // Phrase: the longest run of word characters and spaces (regex `[\d\w ]+`).
        while i < chars.count, chars[i] == " " || Self.isWordCharacter(chars[i]) { i += 1 }
        let phraseText = String(chars[0..<i])
        // Path: greedy `(//?[^/]+)*`; it can never help to take fewer junctions.
        var junctions: [DeriveJunction] = []
        while i < chars.count, chars[i] == "/" {
            var j = i + 1
            let hard = j < chars.count && chars[j] == "/"
            if hard { j += 1 }
            var end = j
            while end < chars.count, chars[end] != "/" { end += 1 }
            guard end > j else { break }  // `///` (password) or a dangling slash
            junctions.append(DeriveJunction(String(chars[j..<end]), isHard: hard))
            i = end
        }
        // Password: `///` then anything.
        var password: String?
        if i < chars.count {
            guard i + 3 <= chars.count, chars[i] == "/", chars[i + 1] == "/", chars[i + 2] == "/" else {
                throw .invalidFormat(offset: i)
            }
            password = String(chars[(i + 3)...])
        }
        self.usesDevPhrase = phraseText.isEmpty
        self.phrase = phraseText.isEmpty ? Self.devPhrase : phraseText
        self.password = password
        self.junctions = junctions
    }

    /// Rust regex `\w` (Unicode): alphabetic, decimal digit, mark,
    /// connector punctuation, join control.
    static func isWordCharacter(_ c: Character) -> Bool {
        c.unicodeScalars.allSatisfy { s in
            let p = s.properties
            switch p.generalCategory {
            case .decimalNumber, .connectorPunctuation, .nonspacingMark, .spacingMark, .enclosingMark: return true
            default: return p.isAlphabetic || p.isJoinControl
            }
        }
    }
}

extension SecretURI: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "SecretURI(\(isHexSeed ? "seed" : usesDevPhrase ? "dev phrase" : "phrase"), \(junctions.count) junctions, "
            + "password: \(password == nil ? "no" : "yes"), redacted)"
    }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["junctionCount": junctions.count], displayStyle: .struct) }
}
