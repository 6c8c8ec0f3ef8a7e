import Attestation
import ChainCrypto
import Scale
import SubstrateRPC

/// What a chain checks a registration against, read from its storage
/// (PROTOCOL.md §1.1, §2, §5): the latest block time (what the pallet verifies
/// at), `PRuntimeAllowList`, `RelaychainGenesisBlockHashAllowList` and
/// `ParachainInfo.ParachainId` (2004 when the chain has no such item, as the devnet).
///
/// `NoneAttestationEnabled` is a runtime constant not in the metadata, so the
/// caller says whether the chain accepts unattested (dev-mode) workers.
public struct RegistrationContext: Sendable, Equatable {
    public var blockTimeSeconds: Int64
    public var rules: RegistrationVerifier.ChainRules

    public init(blockTimeSeconds: Int64, rules: RegistrationVerifier.ChainRules) {
        self.blockTimeSeconds = blockTimeSeconds
        self.rules = rules
    }

    /// Reads the context at the node's best block.
    public static func load(from rpc: RPCClient, noneAttestationEnabled: Bool,
                            timeoutSeconds: Double = 10) async throws -> RegistrationContext {
        func read(_ pallet: String, _ entry: String) async throws -> [UInt8]? {
            let key = StorageKey.prefix(pallet: pallet, entry: entry)
            let value = try await rpc.call(SubstrateMethods.stateGetStorage, params: .array([.hex(key)]),
                                           timeoutSeconds: timeoutSeconds)
            return value.isNull ? nil : try value.hexBytes(field: "\(pallet).\(entry)")
        }
        let nowMs = try await read("Timestamp", "Now").map { try scaleDecode(UInt64.self, from: $0) } ?? 0
        let allow = try await read("PhalaRegistry", "PRuntimeAllowList").map { try scaleDecode([[UInt8]].self, from: $0) } ?? []
        let genesis = try await read("PhalaRegistry", "RelaychainGenesisBlockHashAllowList")
        var relay: [[UInt8]] = []
        if let genesis {
            var d = ScaleDecoder(genesis)
            let count = try d.decodeCompactLength()
            for _ in 0..<count { relay.append(try d.readBytes(32)) }
        }
        let paraId = try await read("ParachainInfo", "ParachainId").map { try scaleDecode(UInt32.self, from: $0) } ?? 2004
        return RegistrationContext(
            blockTimeSeconds: Int64(nowMs / 1000),
            rules: .init(pRuntimeAllowList: allow, noneAttestationEnabled: noneAttestationEnabled, paraId: paraId,
                         relayGenesisAllowList: relay))
    }
}
