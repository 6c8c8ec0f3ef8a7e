import Foundation
import Testing
import TestSupport
import Scale
@testable import Devnet

/// The v4 extrinsic decoder and signing payload against `extrinsic_v4` of
/// reference-vectors.json (signed by py-substrate-interface against a
/// synthetic runtime), and the verifier on it (issue 5).
@Suite struct ExtrinsicDecodeTests {
    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func referenceVectorDecodesAndVerifies() throws {
        let v = try #require(try Fixtures.referenceVectors()["extrinsic_v4"] as? [String: Any])
        func hex(_ k: String) throws -> [UInt8] { hexBytes(try #require(v[k] as? String, "\(k)")) }
        let x = try UncheckedExtrinsic(bytes: try hex("extrinsic"))
        let sig = try #require(x.signature)
        #expect(sig.signer == (try hex("signer_ed25519_public")))
        #expect(sig.scheme == .ed25519)
        #expect(sig.signature == (try hex("signature")))
        #expect(sig.nonce == 5)
        #expect(sig.tipPlanck == 0)
        #expect(sig.era == .mortal(period: 64, phase: 42))
        #expect(sig.era.birth(current: 42) == 42)
        #expect(sig.era.birth(current: 100) == 42)  // the latest block ≡ 42 (mod 64) not after 100
        #expect(sig.era.birth(current: 110) == 106)
        #expect(x.call == (try hex("call")))
        #expect(x.hash == (try hex("extrinsic_hash_blake2_256")))
        let payload = UncheckedExtrinsic.signingPayload(
            call: x.call, extra: sig.extra, specVersion: 100, transactionVersion: 1,
            genesisHash: try hex("genesis_hash"), birthHash: try hex("era_birth_block_hash"))
        #expect(payload == (try hex("signing_payload")))
        let verifier = ChainCryptoVerifier()
        #expect(verifier.verify(scheme: .ed25519, signature: sig.signature, message: payload, publicKey: sig.signer) == true)
        var tampered = payload
        tampered[tampered.count - 1] ^= 1
        #expect(verifier.verify(scheme: .ed25519, signature: sig.signature, message: tampered, publicKey: sig.signer) == false)
    }

    @Test func malformedExtrinsicsAreErrorsNotTraps() {
        let good: [UInt8] = [0x14, 0x04, 0x00, 0x00, 0x04, 0x41]  // unsigned System.remark("A")
        #expect((try? UncheckedExtrinsic(bytes: good))?.call == [0, 0, 4, 0x41])
        for bad: [UInt8] in [[], [0x04], [0x08, 0x05, 0x00], [0x14, 0x84, 0x00, 0x00, 0x04], [0xff, 0xff, 0xff, 0xff, 0x04],
                             [0x0c, 0x84, 0x01, 0x02]] {
            #expect(throws: (any Error).self) { try UncheckedExtrinsic(bytes: bad) }
        }
        var seeded = SeededRandom(seed: 7)
        for _ in 0..<2000 {
            let n = Int(seeded.next() % 120)
            _ = try? UncheckedExtrinsic(bytes: seeded.bytes(n))
        }
    }

    @Test func eraEncodingRoundTrips() throws {
        // Mortal era bytes for period 64, phase 42 (the vector), read back.
        var d = ScaleDecoder([0xa5, 0x02])
        #expect(try Era(from: &d) == .mortal(period: 64, phase: 42))
        var immortal = ScaleDecoder([0x00])
        #expect(try Era(from: &immortal) == .immortal)
        #expect(Era.mortal(period: 64, phase: 42).death(current: 50) == 42 + 64)
    }
}

/// sr25519 signatures made by py-substrate-interface verify with the devnet's verifier.
@Suite(.enabled(if: ReferencePython.available || ReferencePython.required, "needs the reference Python venv"))
struct Sr25519InteropTests {
    @Test func pythonSignedMessagesVerify() throws {
        let out = try ReferencePython.run("""
            from substrateinterface import Keypair
            kp = Keypair.create_from_uri('//Alice')
            for m in [b'hello', bytes(range(200)), bytes(300)]:
                print(kp.public_key.hex(), m.hex(), kp.sign(m).hex())
            """)
        let verifier = ChainCryptoVerifier()
        var count = 0
        for line in out.split(separator: "\n") {
            let parts = line.split(separator: " ").map { hexBytes(String($0)) }
            guard parts.count == 3 else { continue }
            #expect(verifier.verify(scheme: .sr25519, signature: parts[2], message: parts[1], publicKey: parts[0]) == true)
            count += 1
        }
        #expect(count == 3)
    }
}
