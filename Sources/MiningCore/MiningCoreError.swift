/// Errors MiningCore raises on bad input from outside (a node, a file, a
/// person typing an amount). Each names what was wrong and where.
public enum MiningCoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A 32-byte value (account id, worker public key, U256) had the wrong length.
    case wrongLength(what: String, expected: Int, actual: Int)
    /// A hex string could not be read.
    case invalidHex(what: String)

    public var description: String {
        switch self {
        case .wrongLength(let what, let expected, let actual):
            return "\(what): expected \(expected) bytes, got \(actual)"
        case .invalidHex(let what):
            return "\(what): not a hex string"
        }
    }
}
