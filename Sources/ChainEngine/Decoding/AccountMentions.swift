import MiningCore

/// Finds whether raw SCALE bytes (a block's `System.Events`) mention any of
/// a few accounts: an `AccountId32` is encoded as its 32 bytes wherever an
/// event names it, whatever the pallet (`Balances.Withdraw {who}`,
/// `Assets.Transferred {from, to}`, `TransactionPayment.TransactionFeePaid
/// {who}`, a wrapper pallet's own event...).
///
/// One pass over the bytes with a 65,536-bit table of the accounts' first
/// two bytes; only the rare offsets that pass are compared in full. About a
/// nanosecond per byte: the engine runs it on every followed block to decide
/// whether the watched pools' balances need reading (issue 6).
struct AccountMentions: Sendable {
    private var firstTwo = [UInt64](repeating: 0, count: 1024)
    private var byFirstTwo: [UInt16: [[UInt8]]] = [:]

    init(_ accounts: some Sequence<AccountID>) {
        for a in accounts {
            let bytes = a.raw.bytes
            let p = UInt16(bytes[0]) << 8 | UInt16(bytes[1])
            firstTwo[Int(p >> 6)] |= 1 << UInt64(p & 63)
            if !(byFirstTwo[p]?.contains(bytes) ?? false) { byFirstTwo[p, default: []].append(bytes) }
        }
    }

    var isEmpty: Bool { byFirstTwo.isEmpty }

    /// Whether any of the accounts occurs in `bytes` (at any offset).
    func occur(in bytes: [UInt8]) -> Bool {
        guard !byFirstTwo.isEmpty, bytes.count >= 32 else { return false }
        return bytes.withUnsafeBufferPointer { b in
            for i in 0...(b.count - 32) {
                let p = UInt16(b[i]) << 8 | UInt16(b[i + 1])
                guard firstTwo[Int(p >> 6)] & (1 << UInt64(p & 63)) != 0, let candidates = byFirstTwo[p] else { continue }
                for c in candidates where c.elementsEqual(b[i..<(i + 32)]) { return true }
            }
            return false
        }
    }
}
