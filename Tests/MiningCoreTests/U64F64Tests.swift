import Testing
@testable import MiningCore

/// §7 examples and the chain's fixed-point rules.
@Suite struct U64F64Tests {
    @Test func protocolExamplesFromDecimal() {
        #expect(U64F64(decimal: "1.5")?.bits == 27_670_116_110_564_327_424)
        #expect(U64F64(decimal: "50")?.bits == 922_337_203_685_477_580_800)
        #expect(U64F64(decimal: "30000")?.bits == 553_402_322_211_286_548_480_000)
        #expect(U64F64(decimal: "0.2")?.bits == 3_689_348_814_741_910_323)
    }

    @Test func protocolExamplesFromBits() {
        #expect(U64F64(bits: 27_670_116_110_564_327_424).doubleValue == 1.5)
        #expect(U64F64(bits: 922_337_203_685_477_580_800) == U64F64(integer: 50))
        #expect(U64F64(bits: 553_402_322_211_286_548_480_000).integerPart == 30_000)
        #expect(abs(U64F64(bits: 3_689_348_814_741_910_323).doubleValue - 0.2) < 1e-18)
        #expect(U64F64(bits: 27_670_116_110_564_327_424).description == "1.5")
    }

    /// `MaxBudgetLimit` default 1729382256910270464000 = 93.75 (§1.2).
    @Test func maxBudgetLimitIs93point75() {
        #expect(U64F64(bits: 1_729_382_256_910_270_464_000).description == "93.75")
    }

    @Test func planckConversionAsTheChain() {
        #expect(U64F64(decimal: "1.5")?.planck == 1_500_000_000_000)
        #expect(U64F64(integer: 50).planck == 50_000_000_000_000)
        #expect(U64F64(integer: 30_000).planck == 30_000 * 1_000_000_000_000)
        // 0.2 is not exact in binary; U80F48 truncation then ×10^12 gives 199999999999.
        let expected = ((UInt128(3_689_348_814_741_910_323) >> 16) * 1_000_000_000_000) >> 48
        #expect(U64F64(decimal: "0.2")?.planck == expected)
        #expect(expected == 199_999_999_999)
        #expect(U64F64(planck: 12_500_000_000_000) == U64F64(decimal: "12.5"))
        #expect(U64F64.max.planck > 0)
    }

    @Test func multiplicationAndDivisionTruncate() throws {
        let a = try #require(U64F64(decimal: "1.5"))
        let b = U64F64(integer: 50)
        #expect(a.multiplied(by: b) == U64F64(integer: 75))
        #expect(b.divided(by: a).bits == (UInt128(100) << 64) / 3)  // 50/1.5, truncated
        // 1/3 truncates: bits = floor(2^64 / 3).
        #expect(U64F64.one.divided(by: U64F64(integer: 3)).bits == UInt128(UInt64.max / 3))
        // Smallest step: 2^-64 · 2^-64 truncates to zero.
        #expect(U64F64(bits: 1).multiplied(by: U64F64(bits: 1)) == .zero)
        #expect(U64F64.max.multipliedReportingOverflow(by: U64F64(integer: 2)).overflow)
        #expect(U64F64.one.dividedReportingOverflow(by: .zero).overflow)
        #expect(U64F64(integer: 2).subtracting(U64F64(integer: 3)) == .zero)
    }

    @Test func malformedDecimalsAreRejected() {
        #expect(U64F64(decimal: "") == nil)
        #expect(U64F64(decimal: "1.2.3") == nil)
        #expect(U64F64(decimal: "-1") == nil)
        #expect(U64F64(decimal: "1e5") == nil)
        #expect(U64F64(decimal: "18446744073709551616") == nil)
        #expect(U64F64(decimal: ".5")?.bits == UInt128(1) << 63)
    }

    /// §4.5: slash 0.001/h keeps 0.99900049816837 of V per hour (300 blocks).
    @Test func slashOverAnHourMatchesTheGenesisTest() throws {
        let v = U64F64(integer: 10_000)
        let slash = try #require(U64F64(decimal: "0.0000033333333333333240063"))
        let after = PenaltyMath.vAfterUnresponsive(v, slashRate: slash, blocks: 300)
        #expect(abs(after.doubleValue / v.doubleValue - 0.99900049816837) < 1e-12)
        #expect(after < v)
        #expect(PenaltyMath.vAfterUnresponsive(v, slashRate: .zero, blocks: 300) == v)
        #expect(PenaltyMath.vAfterUnresponsive(v, slashRate: slash, blocks: 0) == v)
    }

    /// Long projections continue in Double past the exact step limit.
    @Test func longProjectionIsContinuous() throws {
        let v = U64F64(integer: 20_000)
        let slash = try #require(U64F64(decimal: "0.0000033333333333333240063"))
        let exact = PenaltyMath.vAfterUnresponsive(v, slashRate: slash, blocks: PenaltyMath.exactStepLimit)
        let beyond = PenaltyMath.vAfterUnresponsive(v, slashRate: slash, blocks: PenaltyMath.exactStepLimit + 1)
        let closed = PenaltyMath.vAfterUnresponsive(v, slashRate: slash, blocks: 300, exactSteps: 0)
        #expect(abs(closed.doubleValue - exact.doubleValue) < 1e-6)
        #expect(beyond < exact)
        #expect(abs(exact.doubleValue - beyond.doubleValue - exact.doubleValue * slash.doubleValue) < 1e-6)
    }
}
