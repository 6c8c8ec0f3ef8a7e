import Scale

/// `PhalaComputation.TokenomicParameters` (PROTOCOL.md §1.2, §4.5): U64F64
/// bits except `heartbeatWindowBlocks`.
public struct TokenomicParameters: Sendable, Hashable, ScaleEncodable {
    public var phaRate: UInt128
    public var rho: UInt128
    public var budgetPerBlock: UInt128
    public var vMax: UInt128
    public var costK: UInt128
    public var costB: UInt128
    public var slashRate: UInt128
    public var treasuryRatio: UInt128
    public var heartbeatWindowBlocks: UInt32
    public var rigK: UInt128
    public var rigB: UInt128
    public var re: UInt128
    public var k: UInt128
    public var kappa: UInt128

    /// U64F64 bits of a double (the devnet's parameters are configured as decimals).
    public static func bits(_ x: Double) -> UInt128 {
        guard x > 0 else { return 0 }
        let whole = x.rounded(.down)
        let frac = x - whole
        return UInt128(UInt64(min(whole, 1.8e19))) << 64 | UInt128(UInt64(frac * 18446744073709551616.0))
    }

    /// The decimal value of U64F64 bits.
    public static func value(_ bits: UInt128) -> Double {
        Double(UInt64(truncatingIfNeeded: bits >> 64)) + Double(UInt64(truncatingIfNeeded: bits)) / 18446744073709551616.0
    }

    /// Genesis defaults of PROTOCOL.md §4.5 ("Phala" GenesisConfig), with the
    /// slash rate 0.001/h expressed per block and the given window.
    public static func genesis(heartbeatWindowBlocks: UInt32, slashRatePerBlock: Double = 0.001 / 300) -> TokenomicParameters {
        let blocksPerYear = 365.0 * 7200
        return TokenomicParameters(
            phaRate: bits(1), rho: bits(1.000000666600231), budgetPerBlock: bits(100), vMax: bits(30000),
            costK: bits(0.0415625 / blocksPerYear), costB: bits(88.59375 / blocksPerYear),
            slashRate: bits(slashRatePerBlock), treasuryRatio: bits(0.2), heartbeatWindowBlocks: heartbeatWindowBlocks,
            rigK: bits(0.3), rigB: 0, re: bits(1.3), k: bits(100), kappa: bits(1))
    }

    public func encode(to e: inout ScaleEncoder) {
        for x in [phaRate, rho, budgetPerBlock, vMax, costK, costB, slashRate, treasuryRatio] { e.encode(x) }
        e.encode(heartbeatWindowBlocks)
        for x in [rigK, rigB, re, k, kappa] { e.encode(x) }
    }
}
