import ChainCrypto
import Scale
import SubstrateRPC

/// Block hashes the engine knows without asking the node (issue 6: CPU per
/// followed block): a head notification's `parentHash` is the node's own
/// hash of the block before, and the block's own hash is `blake2_256` of its
/// SCALE header (RPCHeader+Scale). A computed hash is used only while no
/// computed hash has been contradicted — by a later header's `parentHash`
/// or by the node not knowing it (`distrustDerived`); then every hash is
/// asked with `chain_getBlockHash` again. Holds a few recent blocks only.
struct HeadHashes: Sendable {
    private var known: [UInt32: (hash: [UInt8], derived: Bool)] = [:]
    /// False once a computed hash proved wrong on this chain.
    private(set) var trustDerived = true
    private(set) var mismatches = 0
    static let limit = 64

    /// Learns from one head notification.
    mutating func note(_ header: RPCHeader) {
        guard header.parentHash.count == 32, header.number > 0, header.number <= UInt64(UInt32.max) else { return }
        let n = UInt32(header.number)
        if let old = known[n - 1], old.derived, old.hash != header.parentHash { distrustDerived() }
        known[n - 1] = (header.parentHash, false)
        if trustDerived, known[n]?.derived != false {
            known[n] = (blake2_256(scaleEncoded(header)), true)
        }
        if known.count > Self.limit, let newest = known.keys.max() {
            known = known.filter { $0.key + UInt32(Self.limit) > newest }
        }
    }

    /// The hash of block `n`, and whether it was computed rather than given by the node.
    func hash(of n: UInt32) -> (hash: [UInt8], derived: Bool)? {
        guard let k = known[n], trustDerived || !k.derived else { return nil }
        return k
    }

    /// A computed hash was wrong: use only hashes the node gave from now on.
    mutating func distrustDerived() {
        if trustDerived { mismatches += 1 }
        trustDerived = false
        known = known.filter { !$0.value.derived }
    }

    /// Drops hashes of blocks before `n` (processed).
    mutating func forget(below n: UInt32) {
        for k in known.keys.filter({ $0 < n }) { known[k] = nil }
    }
}
