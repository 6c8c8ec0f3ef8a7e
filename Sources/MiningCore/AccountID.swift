/// A 32-byte `AccountId32` (§1): operators, pool owners, session accounts,
/// pool, lock and owner-reward accounts.
///
/// A distinct type from `WorkerKey` so a worker public key can never be
/// looked up where a session account is expected (the chain keys `Sessions`
/// and `Stakes` by the session account, `WorkerBindings` by the worker key).
public struct AccountID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var raw: Key32

    public init(raw: Key32) { self.raw = raw }

    public init(_ bytes: some Collection<UInt8>) throws(MiningCoreError) {
        raw = try Key32(bytes, what: "account id")
    }

    public init(hex: String) throws(MiningCoreError) {
        raw = try Key32(hex: hex, what: "account id")
    }

    public var bytes: [UInt8] { raw.bytes }
    public var hex: String { raw.hex }
    public var description: String { hex }

    public static func < (a: AccountID, b: AccountID) -> Bool { a.raw < b.raw }
}
