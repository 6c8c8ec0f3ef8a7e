import ChainCrypto
@testable import ChainEngine
import Scale
import TestSupport
import Testing

/// The `extrinsic_v4` vector of `../shared/fixtures/reference-vectors.json`:
/// built by py-substrate-interface with an ed25519 key (deterministic), so
/// every byte of our extrinsic must match.
@Suite(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
struct ExtrinsicVectorTests {
    func vector() throws -> [String: Any] {
        try #require(try Fixtures.referenceVectors()["extrinsic_v4"] as? [String: Any])
    }

    func str(_ v: [String: Any], _ k: String) throws -> String { try #require(v[k] as? String) }
    func int(_ v: [String: Any], _ k: String) throws -> Int { try #require(v[k] as? Int) }

    @Test func eraEncodingMatchesVector() throws {
        let v = try vector()
        let eraV = try #require(v["era"] as? [String: Any])
        let era = TransactionEra.mortal(period: UInt64(try int(eraV, "period")), currentBlock: UInt64(try int(eraV, "current")))
        #expect(Hex.encode(era.encoded) == (try str(eraV, "encoded")))
        #expect(era.birth(current: 42) == 42)
        #expect(era.birth(current: 100) == 42 + 64 * ((100 - 42) / 64))
    }

    @Test func extrinsicMatchesVectorByteForByte() throws {
        let v = try vector()
        let eraV = try #require(v["era"] as? [String: Any])
        let builder = try ExtrinsicBuilder(metadata: SyntheticMetadata.build())
        let call = try builder.encoder.encode(pallet: "System", call: "remark",
                                              arguments: [("remark", .bytes(Array("hello".utf8)))])
        #expect(Hex.encode(call.bytes) == (try str(v, "call")))

        let seed = SecretBytes((0..<32).map { UInt8($0) })
        let key = try KeyPair(scheme: .ed25519, miniSecret: seed)
        #expect(Hex.encode(key.publicKey) == (try str(v, "signer_ed25519_public")))

        let params = SigningParameters(
            nonce: UInt64(try int(v, "nonce")), tipPlanck: UInt128(try int(v, "tip")),
            era: .mortal(period: UInt64(try int(eraV, "period")), currentBlock: UInt64(try int(eraV, "current"))),
            specVersion: UInt32(try int(v, "spec_version")), transactionVersion: UInt32(try int(v, "transaction_version")),
            genesisHash: try Hex.decode(try str(v, "genesis_hash")), eraBirthHash: try Hex.decode(try str(v, "era_birth_block_hash")))
        #expect(Hex.encode(try builder.signingPayload(call: call.bytes, parameters: params)) == (try str(v, "signing_payload")))

        let xt = try builder.sign(call, signer: key, parameters: params)
        #expect(Hex.encode(xt.signingPayload) == (try str(v, "signing_payload")))
        #expect(Hex.encode(xt.signature) == (try str(v, "signature")))
        #expect(Hex.encode(xt.bytes) == (try str(v, "extrinsic")))
        #expect(Hex.encode(xt.hash) == (try str(v, "extrinsic_hash_blake2_256")))
    }

    @Test func changingAnySignedInputChangesTheSignature() throws {
        let v = try vector()
        let builder = try ExtrinsicBuilder(metadata: SyntheticMetadata.build())
        let call = try builder.encoder.encode(pallet: "System", call: "remark", arguments: [("remark", .bytes([1]))])
        let key = try KeyPair(scheme: .ed25519, miniSecret: SecretBytes((0..<32).map { UInt8($0) }))
        let base = SigningParameters(nonce: 5, era: .mortal(period: 64, currentBlock: 42), specVersion: 100,
                                     transactionVersion: 1, genesisHash: try Hex.decode(try str(v, "genesis_hash")),
                                     eraBirthHash: try Hex.decode(try str(v, "era_birth_block_hash")))
        let reference = try builder.sign(call, signer: key, parameters: base).signature
        var p = base; p.specVersion = 101
        #expect(try builder.sign(call, signer: key, parameters: p).signature != reference)
        p = base; p.eraBirthHash[0] ^= 1
        #expect(try builder.sign(call, signer: key, parameters: p).signature != reference)
        p = base; p.nonce = 6
        #expect(try builder.sign(call, signer: key, parameters: p).signature != reference)
    }
}
