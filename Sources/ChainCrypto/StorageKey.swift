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
        var out: [UInt8] = []
        out.reserveCapacity(prefixLength)
        appendPrefix(pallet: pallet, entry: entry, to: &out)
        return out
    }

    static func appendPrefix(pallet: String, entry: String, to out: inout [UInt8]) {
        appendTwox(pallet, lanes: 2, to: &out)
        appendTwox(entry, lanes: 2, to: &out)
    }

    /// The key of a single map's entry: prefix ‖ `hasher(key)`, `key` SCALE-encoded.
    public static func map(pallet: String, entry: String, hasher: StorageHasher, key: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(prefixLength + hasher.hashPrefixLength + key.count)
        appendPrefix(pallet: pallet, entry: entry, to: &out)
        hasher.appendHash(of: key, to: &out)
        return out
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
        var out: [UInt8] = []
        out.reserveCapacity(parts.reduce(prefixLength) { $0 + $1.hasher.hashPrefixLength + $1.key.count })
        appendPrefix(pallet: pallet, entry: entry, to: &out)
        for part in parts { part.hasher.appendHash(of: part.key, to: &out) }
        return out
    }
}
