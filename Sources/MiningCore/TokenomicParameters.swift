/// `PhalaComputation.TokenomicParameters` (§1.2): all U64F64 except
/// `heartbeatWindowBlocks`, in the chain's field order.
public struct TokenomicParameters: Hashable, Sendable {
    public var phaRate: U64F64
    /// V growth factor per block.
    public var rho: U64F64
    /// PHA paid to all workers per block (§4.4).
    public var budgetPerBlock: U64F64
    public var vMax: U64F64
    public var costK: U64F64
    public var costB: U64F64
    /// V fraction lost per unresponsive block (§4.4).
    public var slashRate: U64F64
    public var treasuryRatio: U64F64
    /// Blocks a challenge may stay unanswered (§4.3).
    public var heartbeatWindowBlocks: UInt32
    public var rigK: U64F64
    public var rigB: U64F64
    public var re: U64F64
    public var k: U64F64
    public var kappa: U64F64

    public init(phaRate: U64F64, rho: U64F64, budgetPerBlock: U64F64, vMax: U64F64, costK: U64F64,
                costB: U64F64, slashRate: U64F64, treasuryRatio: U64F64, heartbeatWindowBlocks: UInt32,
                rigK: U64F64, rigB: U64F64, re: U64F64, k: U64F64, kappa: U64F64) {
        self.phaRate = phaRate; self.rho = rho; self.budgetPerBlock = budgetPerBlock; self.vMax = vMax
        self.costK = costK; self.costB = costB; self.slashRate = slashRate; self.treasuryRatio = treasuryRatio
        self.heartbeatWindowBlocks = heartbeatWindowBlocks; self.rigK = rigK; self.rigB = rigB
        self.re = re; self.k = k; self.kappa = kappa
    }

    /// The gatekeeper's test parameters (gk.rs `test_params`) with the
    /// genesis defaults of §4.5 for the rest: slash 0.001/h, budget 100 PHA
    /// per block, window 10. A fallback until the chain's values are read.
    public static let genesisDefault = TokenomicParameters(
        phaRate: U64F64(decimal: "0.83") ?? .zero,
        rho: U64F64(decimal: "1.000000666600231") ?? .one,
        budgetPerBlock: U64F64(integer: 100),
        vMax: U64F64(integer: 30000),
        costK: U64F64(decimal: "0.000000015815258751856933056") ?? .zero,
        costB: U64F64(decimal: "0.000033711472602739674283") ?? .zero,
        slashRate: U64F64(decimal: "0.0000033333333333333240063") ?? .zero,
        treasuryRatio: U64F64(decimal: "0.2") ?? .zero,
        heartbeatWindowBlocks: 10,
        rigK: U64F64(decimal: "0.3") ?? .zero,
        rigB: .zero,
        re: U64F64(decimal: "1.3") ?? .one,
        k: U64F64(integer: 100),
        kappa: .one)
}
