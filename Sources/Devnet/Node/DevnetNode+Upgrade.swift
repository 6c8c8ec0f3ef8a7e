import SubstrateRPC

/// `devnet_upgradeRuntime`: a dev-only RPC method that schedules a runtime
/// upgrade (`DevnetChain+Upgrade.swift`) so clients can be tested against one
/// without restarting anything (issue 6 "Must show").
extension DevnetNode {
    static let upgradeRuntimeMethod = "devnet_upgradeRuntime"

    /// Params (positional, all optional): `[atBlock, dcapWorkers]`; the block
    /// defaults to the next one. Answers `{"atBlock": U, "specVersion": S}`.
    func upgradeRuntime(_ p: RPCParams) throws -> JSONValue {
        let at = try p.optionalNumber(0)
        let dcap = try p.optionalNumber(1) ?? 0
        guard at.map({ $0 <= UInt64(UInt32.max) }) ?? true, dcap <= UInt64(Int32.max) else {
            throw RPCErrorObject.invalidParams("expected [atBlock (u32), dcapWorkers]")
        }
        let block = chain.scheduleRuntimeUpgrade(RuntimeUpgradePlan(atBlock: at.map { UInt32($0) } ?? 0, dcapWorkers: Int(dcap)))
        return .object(["atBlock": .uint(UInt64(block)), "specVersion": .uint(UInt64(chain.runtimeVersion.specVersion + 1))])
    }

    /// Schedules an upgrade from inside the process (tests, the CLI).
    @discardableResult
    public func scheduleRuntimeUpgrade(_ plan: RuntimeUpgradePlan) -> UInt32 { chain.scheduleRuntimeUpgrade(plan) }
}
