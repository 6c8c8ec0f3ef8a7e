/// The heartbeat challenge rule of PROTOCOL.md §4.1-§4.2 on 256-bit
/// big-endian byte strings: `online_target = pow_target(num_tx, N, 12)` and
/// the hit test `BE(blake2_256(pubkey)) XOR seed ≤ target`.
///
/// MiningCore carries the same rule (`PowTarget`, `HeartbeatChallenge`);
/// this copy keeps the devnet buildable until that module is merged.
enum ChallengeMath {
    /// `pow_target` in U32F32 arithmetic: `max_tx = N·2/(3600/block_s)`,
    /// `t = min(num_tx, max_tx)`, `frac = floor((t/N)·2^24)`,
    /// target = `(2^256−1 >> 24) · frac`; 0 when N = 0. Big-endian bytes.
    static func powTarget(numTx: UInt32, onlineWorkers: UInt32, blockTimeSec: UInt32 = 12) -> [UInt8] {
        guard onlineWorkers > 0, blockTimeSec > 0 else { return [UInt8](repeating: 0, count: 32) }
        let n = UInt64(onlineWorkers)
        let blocksPerHour = UInt64(3600 / blockTimeSec)
        let maxTxBits = (n * 2) << 32 / blocksPerHour
        let tBits = min(UInt64(numTx) << 32, maxTxBits)
        let fracBits = tBits / n  // U32F32 t/N
        let frac = fracBits >> 8  // · 2^24, integer part
        // (2^232 − 1) · frac: 29 bytes of 0xff times a ≤ 24-bit factor, big-endian.
        var limbs = [UInt64](repeating: 0, count: 4)  // little-endian limbs
        let ones: [UInt64] = [.max, .max, .max, (1 << 40) - 1]
        var carry: UInt64 = 0
        for i in 0..<4 {
            let (hi, lo) = ones[i].multipliedFullWidth(by: frac)
            let (sum, overflow) = lo.addingReportingOverflow(carry)
            limbs[i] = sum
            carry = hi &+ (overflow ? 1 : 0)
        }
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for limb in limbs.reversed() { for s in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: limb >> UInt64(s))) } }
        return out
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
