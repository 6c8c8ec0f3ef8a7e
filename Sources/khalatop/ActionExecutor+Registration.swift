import Attestation
import ChainEngine
import Dashboard
import MiningCore
import SubstrateRPC

extension ActionExecutor {
    /// `register_worker_v2` from the worker's pRuntime (issue 8): its `/info`
    /// and `GetRuntimeInfo` material with the operator set, verified locally
    /// as the chain would at its latest block time against its allow lists.
    /// A registration the chain would refuse fails here, before anything is
    /// signed; the verdict's lines preface the confirmation.
    func registration(worker: WorkerKey, pruntime url: String, operator_: AccountID?,
                      rpc: RPCClient) async throws -> (ActionCall, [String]) {
        let material: RegistrationMaterial
        do {
            material = try await PRuntimeClient(url: url).registrationMaterial(operatorAccount: operator_?.bytes)
        } catch {
            throw ActionUnavailable(reason: "cannot read the registration material from the pRuntime \(url): \(error)")
        }
        guard material.workerPublicKey == worker.bytes else {
            throw ActionUnavailable(reason: "the pRuntime at \(url) is worker 0x\(material.workerPublicKey.prefix(4).map { String(format: "%02x", $0) }.joined())…, "
                                    + "not the selected one: check pruntime = in config.toml")
        }
        let context: RegistrationContext
        do {
            context = try await RegistrationContext.load(from: rpc, noneAttestationEnabled: acceptUnattested)
        } catch {
            throw ActionUnavailable(reason: "cannot read the chain's registration rules: \(error)")
        }
        let verdict = material.verify(atUnixSeconds: context.blockTimeSeconds, rules: context.rules)
        let notes = ["pRuntime \(url): registration info \(material.encodedRuntimeInfo.count) bytes, "
                     + "attestation \(material.attestation.count) bytes"] + verdict.lines
        guard verdict.isAccepted else {
            var why = "the chain would refuse this registration"
            if case .refused(let reason) = verdict.status { why += ": \(reason)" }
            throw ActionUnavailable(reason: (notes + [why + "; nothing was signed"]).joined(separator: "; "))
        }
        return (material.actionCall, notes)
    }
}
