import Testing
@testable import MiningCore

/// §4.1: `pow_target` reproduces both upstream vectors exactly.
@Suite struct PowTargetTests {
    @Test func upstreamVectorTwentyWorkers() throws {
        let expected = try #require(UInt256(decimal:
            "771946525395830978497002573683960742805751636319313395421818009383503547160"))
        #expect(PowTarget.target(numTx: 20, onlineWorkers: 20, blockTimeSec: 12) == expected)
        #expect(PowTarget.target(numTx: 20, onlineWorkers: 20).description ==
            "771946525395830978497002573683960742805751636319313395421818009383503547160")
    }

    @Test func upstreamVectorTwoHundredThousandWorkers() throws {
        let expected = try #require(UInt256(decimal:
            "11574228623567775471528085581038571683760509746329738253007553123311417715"))
        #expect(PowTarget.target(numTx: 20, onlineWorkers: 200_000, blockTimeSec: 12) == expected)
    }

    @Test func zeroWorkersGiveZeroTarget() {
        #expect(PowTarget.target(numTx: 20, onlineWorkers: 0) == .zero)
        #expect(PowTarget.hitProbability(numTx: 20, onlineWorkers: 0) == 0)
        #expect(PowTarget.expectedBlocksBetweenChallenges(numTx: 20, onlineWorkers: 0) == nil)
    }

    /// §4.1: ≈ min(20, N/150)/N → one challenge per ~150 blocks up to 3,000
    /// workers, ~500 at 10,000, ~1,500 at 30,000.
    @Test func expectedIntervalsMatchTheProtocolNumbers() throws {
        let at20 = try #require(PowTarget.expectedBlocksBetweenChallenges(numTx: 20, onlineWorkers: 20))
        let at3000 = try #require(PowTarget.expectedBlocksBetweenChallenges(numTx: 20, onlineWorkers: 3_000))
        let at10k = try #require(PowTarget.expectedBlocksBetweenChallenges(numTx: 20, onlineWorkers: 10_000))
        let at30k = try #require(PowTarget.expectedBlocksBetweenChallenges(numTx: 20, onlineWorkers: 30_000))
        #expect(abs(at20 - 150) < 0.01)
        #expect(abs(at3000 - 150) < 0.01)
        #expect(abs(at10k - 500) < 0.1)
        #expect(abs(at30k - 1_500) < 1)
    }

    /// The target is (2^256−1 >> 24)·frac: the low 232 bits pattern survives.
    @Test func targetIsAMultipleOfTheShiftedMaximum() {
        let frac = PowTarget.fraction(numTx: 20, onlineWorkers: 20)
        #expect(frac == 111_848)  // floor(2^24 · (40/300)/20) in U32F32 steps
        let (q, r) = PowTarget.target(numTx: 20, onlineWorkers: 20).quotientAndRemainder(dividingBy: UInt64(frac))
        #expect(r == 0)
        #expect(q == UInt256.max >> 24)
    }
}
