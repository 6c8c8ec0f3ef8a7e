extension StorageKey {
    /// The SCALE key of a single `*Concat`/`Identity` map entry: everything after
    /// the pallet/entry prefix and the hash, checked against both.
    public static func splitConcat(_ fullKey: [UInt8], pallet: String, entry: String,
                                   hasher: StorageHasher) throws(StorageKeyError) -> [UInt8] {
        let keys = try splitConcat(fullKey, pallet: pallet, entry: entry, hashers: [hasher], keyLengths: [nil])
        return keys[0]
    }

    /// The SCALE keys of a double/N-map entry whose hashers are all `*Concat` or
    /// `Identity`. `keyLengths[i]` is the byte length of key `i` (e.g. 32 for an
    /// `AccountId32`, 4 for a `u32`); only the last may be nil, taking the rest.
    public static func splitConcat(_ fullKey: [UInt8], pallet: String, entry: String,
                                   hashers: [StorageHasher], keyLengths: [Int?]) throws(StorageKeyError) -> [[UInt8]] {
        guard keyLengths.count == hashers.count else {
            throw .keyLengthUnknown(index: min(keyLengths.count, hashers.count))
        }
        let expected = prefix(pallet: pallet, entry: entry)
        guard fullKey.count >= prefixLength else {
            throw .tooShort(offset: 0, needed: prefixLength, available: fullKey.count)
        }
        guard fullKey[0..<prefixLength].elementsEqual(expected) else { throw .prefixMismatch(pallet: pallet, entry: entry) }
        return try splitConcat(suffix: fullKey[prefixLength...], hashers: hashers) { index, _ in keyLengths[index] }
    }

    /// The SCALE keys after the prefix. `keyLength(index, bytes)` gives key
    /// `index`'s byte length from its bytes (a metadata-aware caller decodes
    /// the key type there); nil for the last key means "the rest".
    /// Each `*Concat` hash is recomputed and compared, so a wrong length or
    /// hasher shows up as `.hashMismatch` rather than as a wrong key.
    public static func splitConcat(suffix: ArraySlice<UInt8>, hashers: [StorageHasher],
                                   keyLength: (_ index: Int, _ bytes: ArraySlice<UInt8>) -> Int?)
        throws(StorageKeyError) -> [[UInt8]] {
        var keys: [[UInt8]] = []
        keys.reserveCapacity(hashers.count)
        var offset = suffix.startIndex
        for (index, hasher) in hashers.enumerated() {
            guard hasher.isTransparent else { throw .opaqueHasher(index: index, hasher: hasher) }
            let hashLength = hasher.hashPrefixLength
            guard suffix.endIndex - offset >= hashLength else {
                throw .tooShort(offset: offset, needed: hashLength, available: suffix.endIndex - offset)
            }
            let keyStart = offset + hashLength
            let isLast = index == hashers.count - 1
            let length: Int
            if let measured = keyLength(index, suffix[keyStart...]) {
                length = measured
            } else if isLast {
                length = suffix.endIndex - keyStart
            } else {
                throw .keyLengthUnknown(index: index)
            }
            guard length >= 0, length <= suffix.endIndex - keyStart else {
                throw .tooShort(offset: keyStart, needed: max(length, 0), available: suffix.endIndex - keyStart)
            }
            let key = Array(suffix[keyStart..<(keyStart + length)])
            if hasher.isConcat, !hasher.hash(key)[0..<hashLength].elementsEqual(suffix[offset..<keyStart]) {
                throw .hashMismatch(index: index, hasher: hasher)
            }
            keys.append(key)
            offset = keyStart + length
        }
        guard offset == suffix.endIndex else { throw .trailingBytes(offset: offset, count: suffix.endIndex - offset) }
        return keys
    }
}
