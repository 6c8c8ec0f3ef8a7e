import ChainCrypto
import Testing
@testable import Devnet

/// `pow_target` against the upstream test vectors (PROTOCOL.md §4.1) and the
/// hit test's edge cases.
@Suite struct ChallengeMathTests {
    static func decimal(_ be: [UInt8]) -> String {
        var digits = be
        var out: [UInt8] = []
        while digits.contains(where: { $0 != 0 }) {
            var rem = 0
            for i in digits.indices {
                let cur = rem * 256 + Int(digits[i])
                digits[i] = UInt8(cur / 10)
                rem = cur % 10
            }
            out.append(UInt8(rem) + 48)
        }
        return out.isEmpty ? "0" : String(decoding: out.reversed(), as: UTF8.self)
    }

    @Test func upstreamVectors() {
        #expect(Self.decimal(ChallengeMath.powTarget(numTx: 20, onlineWorkers: 20, blockTimeSec: 12))
                == "771946525395830978497002573683960742805751636319313395421818009383503547160")
        #expect(Self.decimal(ChallengeMath.powTarget(numTx: 20, onlineWorkers: 200_000, blockTimeSec: 12))
                == "11574228623567775471528085581038571683760509746329738253007553123311417715")
        #expect(ChallengeMath.powTarget(numTx: 20, onlineWorkers: 0) == [UInt8](repeating: 0, count: 32))
    }

    @Test func hitTestCompares256BitValues() {
        let zero = [UInt8](repeating: 0, count: 32)
        let key = blake2_256([1, 2, 3])
        #expect(ChallengeMath.isHit(workerHashBE: key, seedBE: key, targetBE: zero), "x = 0 ≤ 0")
        var seed = key
        seed[31] ^= 1
        #expect(!ChallengeMath.isHit(workerHashBE: key, seedBE: seed, targetBE: zero))
        var target = zero
        target[31] = 1
        #expect(ChallengeMath.isHit(workerHashBE: key, seedBE: seed, targetBE: target))
        // About 1/150 of random workers are hit with N ≤ 3000 (§4.1).
        let t = ChallengeMath.powTarget(numTx: 20, onlineWorkers: 1000)
        var rng = SeededRandom(seed: 3)
        var hits = 0
        for _ in 0..<30_000 where ChallengeMath.isHit(workerHashBE: rng.bytes(32), seedBE: rng.bytes(32), targetBE: t) { hits += 1 }
        #expect((150...260).contains(hits), "\(hits) hits of 30000, expected ≈ 200")
    }
}
