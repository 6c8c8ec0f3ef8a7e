/// Accounts the stake pool derives from a pool id (§1.3, stake_pool_v2.rs).
///
/// The chain SCALE-encodes `(prefix bytes, blake2_256(SCALE(pid, key)))` and
/// reads an `AccountId32` from the first 32 bytes, so the result is the
/// prefix followed by the first `32 − prefix.count` hash bytes.
public enum DerivedAccounts {
    /// The session ("sub") account of worker `pubkey` in pool `pid`:
    /// `"spm/" ‖ blake2_256(pid u64 LE ‖ pubkey)[0..28]`. `Sessions` and
    /// `Stakes` are keyed by it (§1.2).
    public static func session(pid: UInt64, worker: WorkerKey) -> AccountID {
        derive(prefix: Array("spm/".utf8), pid: pid, key: worker.bytes)
    }

    /// The pool's owner-reward account: `"so/" ‖ blake2_256(pid ‖ owner)[0..29]`.
    public static func ownerReward(pid: UInt64, owner: AccountID) -> AccountID {
        derive(prefix: Array("so/".utf8), pid: pid, key: owner.bytes)
    }

    /// The pool's lock account, where running workers' stake sits:
    /// `"sl/" ‖ blake2_256(pid ‖ owner)[0..29]`.
    public static func lock(pid: UInt64, owner: AccountID) -> AccountID {
        derive(prefix: Array("sl/".utf8), pid: pid, key: owner.bytes)
    }

    private static func derive(prefix: [UInt8], pid: UInt64, key: [UInt8]) -> AccountID {
        var preimage: [UInt8] = []
        preimage.reserveCapacity(8 + key.count)
        for i in 0..<8 { preimage.append(UInt8(truncatingIfNeeded: pid >> (8 * UInt64(i)))) }
        preimage += key
        let hash = ChallengeHash.blake2_256(preimage)
        let bytes = Array((prefix + hash).prefix(32))
        // prefix (3 or 4 bytes) + 32 hash bytes always gives 32 bytes here.
        var words: [UInt64] = [0, 0, 0, 0]
        for (i, b) in bytes.enumerated() { words[i >> 3] = (words[i >> 3] << 8) | UInt64(b) }
        return AccountID(raw: Key32(w0: words[0], w1: words[1], w2: words[2], w3: words[3]))
    }
}
