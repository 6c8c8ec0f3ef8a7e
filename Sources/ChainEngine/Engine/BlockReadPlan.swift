import SubstrateRPC

/// The storage keys every followed block reads, each once, with the JSON
/// text of the hex array the request sends (serialized once per plan, not
/// per block: the per-block CPU target of issue 6).
struct BlockReadPlan: Sendable {
    let spec: UInt32
    let keys: [[UInt8]]
    /// The pool balance keys with their pool (a key shared by two pools appears twice).
    let balances: [(key: [UInt8], pool: UInt64)]
    /// `keys` as the JSON text of an array of hex strings.
    let encodedKeys: [UInt8]

    init(spec: UInt32, keys: [[UInt8]], balances: [(key: [UInt8], pool: UInt64)]) {
        var seen = Set<RawStorageKey>()
        let unique = keys.filter { seen.insert(RawStorageKey($0)).inserted }
        self.spec = spec
        self.keys = unique
        self.balances = balances
        encodedKeys = JSONValue.array(unique.map { .hex($0) }).serializedBytes()
    }
}
