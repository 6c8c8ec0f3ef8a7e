import Attestation

/// Everything a confirmation needs before `register_worker_v2` is offered
/// (issue 8): the material read from the worker's pRuntime, the chain's rules
/// read from the node, and the local verdict on them. One call does the whole
/// read-and-verify step for both `khalatop tx register --pruntime` and the
/// dashboard's `r` key.
public struct RegistrationReview: Sendable, Equatable {
    public var material: RegistrationMaterial
    public var context: RegistrationContext
    public var verdict: RegistrationVerdict

    public init(material: RegistrationMaterial, context: RegistrationContext) {
        self.material = material
        self.context = context
        self.verdict = material.verify(atUnixSeconds: context.blockTimeSeconds, rules: context.rules)
    }

    /// The call to sign, only when the chain would accept it.
    public var call: ActionCall? { verdict.isAccepted ? material.actionCall : nil }

    /// The review in words: where the material came from, then the verdict's lines.
    public var lines: [String] {
        let source = material.endpoint.map { "pRuntime \($0)" } ?? "pRuntime"
        return ["\(source): registration info \(material.encodedRuntimeInfo.count) bytes, attestation \(material.attestation.count) bytes"]
            + verdict.lines.map { "  " + $0 }
    }

    /// Reads the material from `pruntime` and the rules from `rpc` (a connected node client).
    /// - Parameter noneAttestationEnabled: whether the chain takes dev-mode (None) attestation
    ///   (a runtime constant not in the metadata: false on Khala, true on the embedded devnet).
    public static func load(pruntime: PRuntimeClient, rpc: RPCClient, noneAttestationEnabled: Bool,
                            forceRefreshRA: Bool = false, operatorAccount: [UInt8]? = nil) async throws -> RegistrationReview {
        let material = try await pruntime.registrationMaterial(forceRefreshRA: forceRefreshRA,
                                                               operatorAccount: operatorAccount)
        let context = try await RegistrationContext.load(from: rpc, noneAttestationEnabled: noneAttestationEnabled)
        return RegistrationReview(material: material, context: context)
    }
}
