// SCALE coding of maps (Rust `BTreeMap<K, V>`): a compact entry count, then
// key/value pairs in ascending key order.

extension Dictionary: ScaleEncodable where Key: ScaleEncodable & Comparable, Value: ScaleEncodable {
    /// Entries in ascending `Comparable` order, which is Rust's `Ord` for
    /// integers and for strings (byte-wise for NFC text).
    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encodeCompact(UInt64(count))
        for key in keys.sorted() {
            key.encode(to: &encoder)
            self[key]?.encode(to: &encoder)
        }
    }
}

extension Dictionary: ScaleDecodable where Key: ScaleDecodable & Comparable, Value: ScaleDecodable {
    /// A repeated key keeps its last value, as Rust's `BTreeMap` decoding does.
    public init(from decoder: inout ScaleDecoder) throws {
        let n = try decoder.decodeCompactLength(minimumElementSize: Key.scaleMinimumSize + Value.scaleMinimumSize)
        var out: [Key: Value] = [:]
        out.reserveCapacity(n)
        for _ in 0..<n {
            let k = try Key(from: &decoder)
            out[k] = try Value(from: &decoder)
        }
        self = out
    }
}

extension ScaleEncoder {
    /// A `BTreeMap` whose keys have no Swift `Comparable` (e.g. `[u8; 32]` account
    /// ids held as `[UInt8]`): entries sorted by their encoded key bytes, which is
    /// Rust's `Ord` for fixed-size byte arrays.
    public mutating func encodeMapSortedByEncodedKey<K: ScaleEncodable & Hashable, V: ScaleEncodable>(
        _ map: [K: V], encodeKey: (K, inout ScaleEncoder) -> Void = { $0.encode(to: &$1) }
    ) {
        var entries: [([UInt8], V)] = []
        entries.reserveCapacity(map.count)
        for (k, v) in map {
            var e = ScaleEncoder()
            encodeKey(k, &e)
            entries.append((e.bytes, v))
        }
        entries.sort { $0.0.lexicographicallyPrecedes($1.0) }
        encodeCompact(UInt64(entries.count))
        for (k, v) in entries {
            append(k)
            v.encode(to: &self)
        }
    }
}
