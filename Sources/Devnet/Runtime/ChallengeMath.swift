import MiningCore

/// The heartbeat challenge rule of PROTOCOL.md §4.1-§4.2 on 256-bit
/// big-endian byte strings: `online_target = pow_target(num_tx, N, 12)`
/// (MiningCore's `PowTarget`, the same code the dashboard predicts with) and
/// the hit test `BE(blake2_256(pubkey)) XOR seed ≤ target`, byte-wise so the
/// per-block loop over every worker allocates nothing.
enum ChallengeMath {
    /// `pow_target` as 32 big-endian bytes; all zero when no worker is online.
    static func powTarget(numTx: UInt32, onlineWorkers: UInt32, blockTimeSec: UInt32 = 12) -> [UInt8] {
        PowTarget.target(numTx: numTx, onlineWorkers: onlineWorkers, blockTimeSec: blockTimeSec).bigEndianBytes
    }

    /// `x XOR seed ≤ target`, all big-endian 32 bytes.
    static func isHit(workerHashBE: [UInt8], seedBE: [UInt8], targetBE: [UInt8]) -> Bool {
        for i in 0..<32 {
            let x = workerHashBE[i] ^ seedBE[i]
            if x != targetBE[i] { return x < targetBE[i] }
        }
        return true
    }
}
