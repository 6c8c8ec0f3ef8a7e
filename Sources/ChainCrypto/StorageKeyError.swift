/// Why a storage key could not be split back into its SCALE keys.
/// Offsets count from the start of the full key.
public enum StorageKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The key does not start with `twox128(pallet) ‖ twox128(entry)`.
    case prefixMismatch(pallet: String, entry: String)
    /// Fewer bytes remain at `offset` than the hash or key needs.
    case tooShort(offset: Int, needed: Int, available: Int)
    /// Key `index` uses a hasher that does not keep the key (Blake2_128, Twox128, ...).
    case opaqueHasher(index: Int, hasher: StorageHasher)
    /// The length of key `index` is not known (only the last key may take the rest).
    case keyLengthUnknown(index: Int)
    /// The stored hash of key `index` is not the hash of the bytes after it.
    case hashMismatch(index: Int, hasher: StorageHasher)
    /// Bytes remain after the last key.
    case trailingBytes(offset: Int, count: Int)

    public var description: String {
        switch self {
        case .prefixMismatch(let pallet, let entry):
            return "storage key does not start with the \(pallet).\(entry) prefix"
        case .tooShort(let offset, let needed, let available):
            return "storage key too short at byte \(offset): needed \(needed), \(available) left"
        case .opaqueHasher(let index, let hasher):
            return "key \(index) is hashed with \(hasher), which does not keep the key; it cannot be recovered"
        case .keyLengthUnknown(let index):
            return "length of key \(index) unknown: give a length for every key but the last"
        case .hashMismatch(let index, let hasher):
            return "key \(index): stored \(hasher) hash does not match the key bytes (wrong hasher or key length?)"
        case .trailingBytes(let offset, let count):
            return "\(count) unexpected bytes after the last key at byte \(offset)"
        }
    }
}
