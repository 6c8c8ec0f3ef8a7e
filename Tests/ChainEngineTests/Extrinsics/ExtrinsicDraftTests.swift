import ChainCrypto
import ChainEngine
import Devnet
import MiningCore
import Scale
import SubstrateRPC
import Testing

/// The dashboard's two-step path (issue 8): a draft with nonce and fee and
/// no signature, signed only when the operator confirms. On the devnet over
/// loopback WebSocket: the fee of the placeholder-signed copy equals the fee
/// of the signed extrinsic (same length), the signed draft is byte for byte
/// what `prepare` builds with the same parameters, and it is accepted and
/// finalized; a different key cannot sign the draft.
@Suite(.serialized)
struct ExtrinsicDraftTests {
    @Test func draftThenSignMatchesPrepareAndFinalizes() async throws {
        let h = try await DevnetSubmissionTests.Harness.start()
        defer { Task { await h.stop() } }
        let alice = try KeyPair(secretURI: "//Alice")
        let worker = try WorkerKey(try #require(await h.node.workerPublicKeys.first))
        let action = ActionCall.stopComputing(pid: 0, worker: worker)

        let draft = try await h.client.draft(action, signerPublicKey: alice.publicKey, scheme: alice.scheme)
        #expect(draft.parameters.nonce == 0)
        #expect(draft.chainName == "Khala Devnet")
        #expect(draft.signerAddress == (try SS58.checkedEncode(alice.publicKey, prefix: ExtrinsicClient.ss58Prefix(draft.metadata))))
        let prepared = try await h.client.prepare(action, signer: alice)
        let signed = try draft.sign(with: alice)
        // Same parameters (nonce, era born at the same best block) → the same payload as prepare's.
        #expect(signed.signingPayload == prepared.extrinsic.signingPayload)
        #expect(signed.bytes.count == prepared.extrinsic.bytes.count)
        #expect(try draft.fee.get() == (try prepared.fee.get()), "the placeholder signature has the real length")
        #expect(Sr25519KeyPair.verify(signature: signed.signature, message: ExtrinsicBuilder.bytesToSign(signed.signingPayload),
                                      publicKey: alice.publicKey))

        let bob = try KeyPair(secretURI: "//Bob")
        #expect(throws: ExtrinsicError.self) { _ = try draft.sign(with: bob) }

        var statuses: [ExtrinsicStatus] = []
        var outcome: DispatchOutcome?
        for try await status in try await h.client.submitAndWatch(signed.bytes) {
            statuses.append(status)
            switch status {
            case .ready: await h.node.produceBlocks(1)
            case .finalized(let hash): outcome = try await h.client.outcome(of: signed.bytes, inBlock: hash, metadata: draft.metadata)
            default: break
            }
        }
        if case .finalized? = statuses.last {} else { Issue.record("not finalized: \(statuses)") }
        #expect(outcome == .success)
    }
}
