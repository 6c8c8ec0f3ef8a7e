import MiningCore
import SubstrateRPC

/// What every followed block reads: the keys read in every block (each once,
/// with the JSON text of the hex array the request sends, serialized once
/// per plan: the per-block CPU target of issue 6), and the watched pools'
/// balance keys, read only in blocks whose events name one of their accounts
/// and every `balanceCheckEveryBlocks`.
struct BlockReadPlan: Sendable {
    let spec: UInt32
    let keys: [[UInt8]]
    /// `keys` as the JSON text of an array of hex strings.
    let encodedKeys: [UInt8]
    /// The pool balance keys with their pool (a key shared by two pools appears twice).
    let balances: [(key: [UInt8], pool: UInt64)]
    /// The accounts behind the balance keys (pool accounts, owner-reward accounts, owners).
    let balanceAccounts: AccountMentions

    init(spec: UInt32, keys: [[UInt8]], balances: [(key: [UInt8], pool: UInt64)], accounts: [AccountID]) {
        let unique = Self.deduplicated(keys)
        self.spec = spec
        self.keys = unique
        self.balances = balances
        balanceAccounts = AccountMentions(accounts)
        encodedKeys = JSONValue.array(unique.map { .hex($0) }).serializedBytes()
    }

    /// `keys` without repeats, in order.
    static func deduplicated(_ keys: [[UInt8]]) -> [[UInt8]] {
        var seen = Set<RawStorageKey>()
        return keys.filter { seen.insert(RawStorageKey($0)).inserted }
    }
}
