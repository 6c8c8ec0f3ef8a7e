/// Why a call or signed extrinsic could not be built from the live metadata
/// (PROTOCOL.md §1.6, §2): a name the runtime does not have, an argument of
/// the wrong shape, a signed extension we cannot fill in. Each case names
/// what and where; none carries key material.
public enum ExtrinsicError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The metadata has no pallet of this name.
    case unknownPallet(String)
    /// The pallet has no call of this name (or no calls at all).
    case unknownCall(pallet: String, call: String)
    /// The call's fields in the metadata and the arguments given differ.
    case argumentMismatch(call: String, expected: [String], given: [String])
    /// An argument does not fit its metadata type.
    case argumentType(call: String, argument: String, expected: String, reason: String)
    /// A signed extension the metadata lists that we do not know and whose
    /// `extra` or `additional` type is not empty.
    case unsupportedSignedExtension(identifier: String, reason: String)
    /// A known signed extension whose metadata type does not fit the value we must put there.
    case signedExtensionType(identifier: String, part: String, reason: String)
    /// The metadata's extrinsic format is not version 4.
    case unsupportedExtrinsicVersion(UInt8)
    /// The mortal era period is not a power of two in 4...65536.
    case invalidEraPeriod(UInt64)
    /// Signing failed (the reason names the scheme, never the key).
    case signingFailed(String)
    /// A hash that must be 32 bytes was not.
    case badHashLength(what: String, count: Int)

    public var description: String {
        switch self {
        case .unknownPallet(let p): return "the runtime has no pallet \(p)"
        case .unknownCall(let p, let c): return "the runtime has no call \(p).\(c)"
        case .argumentMismatch(let c, let e, let g):
            return "\(c) takes (\(e.joined(separator: ", "))) in this runtime, but (\(g.joined(separator: ", "))) was given"
        case .argumentType(let c, let a, let e, let r):
            return "\(c): argument \(a) must be \(e): \(r)"
        case .unsupportedSignedExtension(let id, let r):
            return "signed extension \(id) is not supported: \(r)"
        case .signedExtensionType(let id, let part, let r):
            return "signed extension \(id): its \(part) type does not fit: \(r)"
        case .unsupportedExtrinsicVersion(let v): return "extrinsic version \(v) is not supported (only 4)"
        case .invalidEraPeriod(let p): return "era period \(p) must be a power of two in 4...65536"
        case .signingFailed(let r): return "signing failed: \(r)"
        case .badHashLength(let w, let n): return "\(w) must be 32 bytes, found \(n)"
        }
    }
}
