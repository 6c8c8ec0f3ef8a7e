/// Raw storage values by raw key (`.some(nil)`: the key is absent on chain).
///
/// A dictionary keyed by `[UInt8]` hashes its keys one byte per `Hasher`
/// call; these keys (40-80 bytes, a few hundred lookups per followed block)
/// are hashed in one pass instead: 7% of the engine's CPU per block before
/// (issue 6).
struct StorageValues: Sendable {
    private var table: [RawStorageKey: [UInt8]?] = [:]

    init(minimumCapacity: Int = 0) { table.reserveCapacity(minimumCapacity) }

    /// The value read for `key` (`nil`: not read; `.some(nil)`: absent).
    subscript(key: [UInt8]) -> [UInt8]?? {
        get { table[RawStorageKey(key)] }
        set { table[RawStorageKey(key)] = newValue }
    }
}

/// A raw storage key hashed as one block of bytes.
struct RawStorageKey: Hashable, Sendable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    static func == (a: RawStorageKey, b: RawStorageKey) -> Bool { a.bytes == b.bytes }
}
