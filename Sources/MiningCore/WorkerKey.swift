/// A worker's sr25519 public key (`WorkerPublicKey`, §1), the identity of a
/// worker in `PhalaRegistry.Workers` and in the challenge hit test (§4.2).
///
/// It is a public key, never a secret, so printing it is fine.
public struct WorkerKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var raw: Key32

    public init(raw: Key32) { self.raw = raw }

    public init(_ bytes: some Collection<UInt8>) throws(MiningCoreError) {
        raw = try Key32(bytes, what: "worker public key")
    }

    public init(hex: String) throws(MiningCoreError) {
        raw = try Key32(hex: hex, what: "worker public key")
    }

    public var bytes: [UInt8] { raw.bytes }
    public var hex: String { raw.hex }
    public var description: String { hex }

    /// `blake2_256(pubkey)` read big-endian: the worker's side of the hit test (§4.2).
    /// Computed once per worker and cached by the fleet.
    public var challengeHash: UInt256 {
        UInt256(bigEndian: ChallengeHash.blake2_256(bytes))
    }

    public static func < (a: WorkerKey, b: WorkerKey) -> Bool { a.raw < b.raw }
}
