/// Builds storage keys: the pallet/entry prefix and hashed map keys.
///
/// PROTOCOL.md §1.5: a value lives at `twox128(pallet) ‖ twox128(entry)`; a map
/// entry appends `hasher(SCALE key)` per key (double maps and N-maps append one
/// part per key, in order). E.g. `PhalaRegistry.Workers` is a `Twox64Concat`
/// map, so a worker's key is prefix ‖ twox64(pubkey) ‖ pubkey.
/// Reading keys back: `StorageKey+Split.swift`.
public enum StorageKey {
    /// Bytes of the pallet/entry prefix (two twox128 digests).
    public static let prefixLength = 32

    /// `twox128(pallet) ‖ twox128(entry)`: the key of a plain value, and the
    /// prefix of every key of a map (for `state_getKeysPaged`).
    public static func prefix(pallet: String, entry: String) -> [UInt8] {
        twox128(Array(pallet.utf8)) + twox128(Array(entry.utf8))
    }

    /// The key of a single map's entry: prefix ‖ `hasher(key)`, `key` SCALE-encoded.
    public static func map(pallet: String, entry: String, hasher: StorageHasher, key: [UInt8]) -> [UInt8] {
        prefix(pallet: pallet, entry: entry) + hasher.hash(key)
    }

    /// The key of a double map's entry: prefix ‖ `hasher1(key1)` ‖ `hasher2(key2)`.
    public static func doubleMap(pallet: String, entry: String,
                                 hasher1: StorageHasher, key1: [UInt8],
                                 hasher2: StorageHasher, key2: [UInt8]) -> [UInt8] {
        nMap(pallet: pallet, entry: entry, parts: [(hasher1, key1), (hasher2, key2)])
    }

    /// The key of an N-map's entry (or, with fewer parts, the prefix of a
    /// partial iteration): prefix ‖ `hasher_i(key_i)` for each part in order.
    public static func nMap(pallet: String, entry: String,
                            parts: [(hasher: StorageHasher, key: [UInt8])]) -> [UInt8] {
        var out = prefix(pallet: pallet, entry: entry)
        for part in parts { out += part.hasher.hash(part.key) }
        return out
    }
}
