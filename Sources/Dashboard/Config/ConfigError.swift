/// A config file that cannot be used, naming the line and the key.
///
/// Why so precise: operators edit `$XDG_CONFIG_HOME/khalatop/config.toml` by
/// hand; "config.toml:7: key 'key': worker key must be 64 hex digits" says
/// what to fix. Worker keys are public keys, so quoting them is safe; no
/// secret ever goes through this file.
public struct ConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public enum Problem: Hashable, Sendable {
        case syntax(String)
        case unterminatedString
        case duplicateKey
        case unknownKey
        case unknownSection(String)
        /// The value has the wrong type or range; the text says what was expected.
        case invalidValue(String)
        case missingKey(String)
        case tooLarge(bytes: Int, limit: Int)
    }

    /// 1-based line, 0 for the whole file.
    public var line: Int
    public var key: String?
    public var problem: Problem

    public init(line: Int, key: String? = nil, problem: Problem) {
        self.line = line
        self.key = key
        self.problem = problem
    }

    public var description: String {
        var at = line > 0 ? "line \(line)" : "config"
        if let key { at += ": key '\(key)'" }
        return "\(at): \(problemText)"
    }

    /// What is wrong, without the place.
    public var problemText: String {
        switch problem {
        case .syntax(let s): return "syntax: \(s)"
        case .unterminatedString: return "string not closed before the end of the line"
        case .duplicateKey: return "key given twice in the same table"
        case .unknownKey: return "unknown key"
        case .unknownSection(let s): return "unknown table [\(s)] (expected [[worker]] or [[pool]])"
        case .invalidValue(let s): return "invalid value: \(s)"
        case .missingKey(let k): return "missing key '\(k)'"
        case .tooLarge(let bytes, let limit): return "file is \(bytes) bytes, more than \(limit)"
        }
    }

    /// `path:line: key 'k': problem`, the compiler-style form editors jump to.
    public func located(in path: String) -> String {
        var at = line > 0 ? "\(path):\(line)" : path
        if let key { at += ": key '\(key)'" }
        return "\(at): \(problemText)"
    }
}
