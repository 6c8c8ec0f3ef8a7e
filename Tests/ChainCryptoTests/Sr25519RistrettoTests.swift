import Testing
import TestSupport
@testable import ChainCrypto

/// Field, scalar and RFC 9496 ristretto255 checks under the sr25519 code.
@Suite struct Sr25519RistrettoTests {
    // RFC 9496 Appendix A.1: encodings of B·i for i = 0..<16.
    static let multiples = [
        "0000000000000000000000000000000000000000000000000000000000000000",
        "e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76",
        "6a493210f7499cd17fecb510ae0cea23a110e8d5b901f8acadd3095c73a3b919",
        "94741f5d5d52755ece4f23f044ee27d5d1ea1e2bd196b462166b16152a9d0259",
        "da80862773358b466ffadfe0b3293ab3d9fd53c5ea6c955358f568322daf6a57",
        "e882b131016b52c1d3337080187cf768423efccbb517bb495ab812c4160ff44e",
        "f64746d3c92b13050ed8d80236a7f0007c3b3f962f5ba793d19a601ebb1df403",
        "44f53520926ec81fbd5a387845beb7df85a96a24ece18738bdcfa6a7822a176d",
        "903293d8f2287ebe10e2374dc1a53e0bc887e592699f02d077d5263cdd55601c",
        "02622ace8f7303a31cafc63f8fc48fdc16e1c8c8d234b2f0d6685282a9076031",
        "20706fd788b2720a1ed2a5dad4952b01f413bcf0e7564de8cdc816689e2db95f",
        "bce83f8ba5dd2fa572864c24ba1810f9522bc6004afe95877ac73241cafdab42",
        "e4549ee16b9aa03099ca208c67adafcafa4c3f3e4e5303de6026e3ca8ff84460",
        "aa52e000df2e16f55fb1032fc33bc42742dad6bd5a8fc0be0167436c5948501f",
        "46376b80f409b29dc2b5f6f0c52591990896e5716f41477cd30085ab7f10301e",
        "e0c418f7c8d9c4cdd7395b93ea124f3ad99021bb681dfc3302a9d99a2e53e64e",
    ]

    // RFC 9496 Appendix A.2: encodings a decoder must reject.
    static let badEncodings = [
        // non-canonical field encodings
        "00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "f3ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        // negative field elements
        "0100000000000000000000000000000000000000000000000000000000000000",
        "01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "ed57ffd8c914fb201471d1c3d245ce3c746fcbe63a3679d51b6a516ebebe0e20",
        "c34c4e1826e5d403b78e246e88aa051c36ccf0aafebffe137d148a2bf9104562",
        "c940e5a4404157cfb1628b108db051a8d439e1a421394ec4ebccb9ec92a8ac78",
        "47cfc5497c53dc8e61c91d17fd626ffb1c49e2bca94eed052281b510b1117a24",
        "f1c6165d33367351b0da8f6e4511010c68174a03b6581212c71c0e1d026c3c72",
        "87260f7a2f12495118360f02c26a470f450dadf34a413d21042b43b9d93e1309",
        // non-square x^2
        "26948d35ca62e643e26a83177332e6b6afeb9d08e4268b650f1f5bbd8d81d371",
        "4eac077a713c57b4f4397629a4145982c661f48044dd3f96427d40b147d9742f",
        "de6a7b00deadc788eb6b6c8d20c0ae96c2f2019078fa604fee5b87d6e989ad7b",
        "bcab477be20861e01e4a0e295284146a510150d9817763caf1a6f4b422d67042",
        "2a292df7e32cababbd9de088d1d1abec9fc0440f637ed2fba145094dc14bea08",
        "f4a9e534fc0d216c44b218fa0c42d99635a0127ee2e53c712f70609649fdff22",
        "8268436f8c4126196cf64b3c7ddbda90746a378625f9813dd9b8457077256731",
        "2810e5cbc2cc4d4eece54f61c6f69758e289aa7ab440b3cbeaa21995c2f4232b",
        // negative xy value
        "3eb858e78f5a7254d8c9731174a94f76755fd3941c0ac93735c07ba14579630e",
        "a45fdc55c76448c049a1ab33f17023edfb2be3581e9c7aade8a6125215e04220",
        "d483fe813c6ba647ebbfd3ec41adca1c6130c2beeee9d9bf065c8d151c5f396e",
        "8a2e1d30050198c65a54483123960ccc38aef6848e1ec8f5f780e8523769ba32",
        "32888462f8b486c68ad7dd9610be5192bbeaf3b443951ac1a8118419d9fa097b",
        "227142501b9d4355ccba290404bde41575b037693cef1f438c47f8fbf35d1165",
        // s = -1, which gives y = 0
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    ]

    @Test func sqrtMinusOneSquaresToMinusOne() {
        let i = FieldElement25519.sqrtM1
        #expect(FieldElement25519.ctEqual(i.squared(), -FieldElement25519.one) == 1)
    }

    @Test func inversionAndCanonicalBytes() {
        var x = FieldElement25519(small: 7)
        for _ in 0..<20 {
            x = x.squared() + FieldElement25519(small: 3)
            #expect(FieldElement25519.ctEqual(x * x.inverted(), .one) == 1)
        }
        // p - 1 round-trips; p itself encodes as zero.
        let pMinus1 = hexBytes("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")
        #expect(FieldElement25519(bytes: pMinus1).toBytes() == pMinus1)
        let p = hexBytes("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")
        #expect(FieldElement25519(bytes: p).toBytes() == [UInt8](repeating: 0, count: 32))
    }

    @Test func smallMultiplesOfTheGenerator() throws {
        var acc = RistrettoPoint.identity
        for (i, hex) in Self.multiples.enumerated() {
            let expected = hexBytes(hex)
            #expect(acc.encoded() == expected, "B·\(i) by addition")
            var bytes = [UInt8](repeating: 0, count: 32)
            bytes[0] = UInt8(i)
            let s = Scalar25519(reducing: bytes)
            #expect(RistrettoPoint.mulBase(s).encoded() == expected, "B·\(i) by the constant-time table")
            #expect(RistrettoPoint(edwards: EdwardsPoint25519.basePoint.vartimeMul(s)).encoded() == expected,
                    "B·\(i) by the variable-time path")
            let decoded = try #require(RistrettoPoint(encoded: expected), "decode B·\(i)")
            #expect(decoded.encoded() == expected)
            #expect(decoded == acc)
            acc = acc + .generator
        }
    }

    @Test func badEncodingsAreRejected() {
        for hex in Self.badEncodings {
            #expect(RistrettoPoint(encoded: hexBytes(hex)) == nil, "\(hex) must be rejected")
        }
        #expect(RistrettoPoint(encoded: [UInt8](repeating: 0, count: 31)) == nil)
    }

    @Test func groupOrderAnnihilatesTheGenerator() {
        // (ℓ-1)·B + B = identity.
        let lMinus1 = Scalar25519.zero - .one
        let p = RistrettoPoint.mulBase(lMinus1) + .generator
        #expect(p == .identity)
        #expect(p.encoded() == [UInt8](repeating: 0, count: 32))
    }

    @Test func scalarArithmeticAgreesWithPoints() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<8 {
            let a = Scalar25519(reducingWide: (0..<64).map { _ in UInt8.random(in: 0...255, using: &rng) })
            let b = Scalar25519(reducingWide: (0..<64).map { _ in UInt8.random(in: 0...255, using: &rng) })
            // (a+b)·B = a·B + b·B; (a·b)·B = a·(b·B); (a-b)+b = a
            #expect(RistrettoPoint.mulBase(a + b) == RistrettoPoint.mulBase(a) + RistrettoPoint.mulBase(b))
            let bB = EdwardsPoint25519.mulBase(b)
            #expect(RistrettoPoint.mulBase(a * b) == RistrettoPoint(edwards: bB.vartimeMul(a)))
            #expect((a - b) + b == a)
            // double-scalar path: a·(b·B) + b·B = (a·b + b)·B
            let lhs = EdwardsPoint25519.vartimeDoubleMul(a: a, point: bB, b: b)
            #expect(RistrettoPoint(edwards: lhs) == RistrettoPoint.mulBase(a * b + b))
        }
    }

    @Test func reductionModOrder() {
        let ell = hexBytes("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010")
        #expect(Scalar25519(reducing: ell) == .zero)
        #expect(Scalar25519(canonical: ell) == nil)
        var lMinus1 = ell; lMinus1[0] -= 1
        #expect(Scalar25519(canonical: lMinus1) != nil)
        #expect(Scalar25519(reducingWide: ell + [UInt8](repeating: 0, count: 32)) == .zero)
        // ℓ·2^256 reduces to zero too (exercises the high half).
        #expect(Scalar25519(reducingWide: [UInt8](repeating: 0, count: 32) + ell) == .zero)
        // 2^256 - 1 + ℓ·(small) style check: (2^512 - 1) mod ℓ = R^2 - 1 mod ℓ.
        let allOnes = Scalar25519(reducingWide: [UInt8](repeating: 0xff, count: 64))
        #expect(allOnes + .one == Scalar25519(words: Scalar25519.r2ModL))
    }
}
