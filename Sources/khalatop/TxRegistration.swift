import Attestation
import ChainCrypto
import ChainEngine
import Scale
import SubstrateRPC

/// `khalatop tx register --pruntime URL` (issue 8): reads the registration
/// material from the worker's pRuntime, verifies it locally as the chain
/// would (attestation at the chain's latest block time against its allow
/// lists; `None` only with `--accept-unattested`), and refuses before anything
/// is signed when the chain would refuse. The verdict's lines preface the
/// confirmation.
struct TxRegistration {
    var pruntimeURL: String
    var rpc: String
    var operatorAccount: String?
    var forceRefreshRA: Bool
    var acceptUnattested: Bool
    /// Deadline of each pRuntime request (seconds).
    var pruntimeTimeoutSeconds: Double = 10

    struct Checked {
        var call: ActionCall
        var lines: [String]
    }

    func load() async throws -> Checked {
        let operatorBytes = try operatorAccount.map(Self.account)
        let client = try PRuntimeClient(url: pruntimeURL, configuration: .init(timeoutSeconds: pruntimeTimeoutSeconds))
        let node = RPCClient()
        try await node.connect(url: rpc)
        let review: RegistrationReview
        do {
            review = try await RegistrationReview.load(pruntime: client, rpc: node, noneAttestationEnabled: acceptUnattested,
                                                       forceRefreshRA: forceRefreshRA, operatorAccount: operatorBytes)
        } catch {
            await node.disconnect()
            throw error
        }
        await node.disconnect()
        guard let call = review.call else {
            var why = "the chain would refuse this registration"
            if case .refused(let reason) = review.verdict.status { why += ": \(reason)" }
            if case .refused(.attestation(.noneAttestationDisabled)) = review.verdict.status {
                why += " (on a dev chain that accepts unattested workers, pass --accept-unattested)"
            }
            throw TxInputError(review.lines.joined(separator: "\n") + "\n" + why + "; nothing was signed")
        }
        return Checked(call: call, lines: review.lines)
    }

    /// An AccountId32 from SS58 or 0x hex.
    static func account(_ text: String) throws -> [UInt8] {
        if text.hasPrefix("0x") {
            guard let bytes = try? Hex.decode(text), bytes.count == 32 else {
                throw TxInputError("--operator: expected 0x + 64 hex digits or an SS58 address")
            }
            return bytes
        }
        do {
            return try SS58.decode(text).publicKey
        } catch {
            throw TxInputError("--operator: \(error)")
        }
    }
}
