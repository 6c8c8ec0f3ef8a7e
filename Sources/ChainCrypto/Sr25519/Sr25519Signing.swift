/// schnorrkel Schnorr signatures over Ristretto255 with Merlin transcripts,
/// signing context "substrate" (what `sp_core::sr25519` signs and checks).
///
/// Transcript: "SigningContext" ‖ ""=context ‖ "sign-bytes"=message ‖
/// "proto-name"="Schnorr-sig" ‖ "sign:pk" ‖ "sign:R", challenge "sign:c"
/// (64 bytes mod ℓ). Signature = R ‖ s with bit 7 of byte 63 set (the
/// schnorrkel marker Substrate requires).
enum Sr25519Signing {
    static let substrateContext = Array("substrate".utf8)

    static func transcript(context: [UInt8], message: [UInt8]) -> MerlinTranscript {
        var t = MerlinTranscript(label: "SigningContext")
        t.appendMessage("", context)
        t.appendMessage("sign-bytes", message)
        return t
    }

    /// Signs with a secret (key, nonce seed); `randomBytes` feeds the witness
    /// RNG beside the nonce seed, so bad randomness alone cannot leak the key.
    static func sign(message: [UInt8], secret: Sr25519SecretMaterial, publicKey: [UInt8],
                     context: [UInt8] = substrateContext, randomBytes: [UInt8]) -> [UInt8] {
        var t = transcript(context: context, message: message)
        t.appendMessage("proto-name", Array("Schnorr-sig".utf8))
        t.appendMessage("sign:pk", publicKey)
        var nonceSeed = secret.nonce
        let r = t.witnessScalar("signing", witnesses: [nonceSeed], randomBytes: randomBytes)
        Sr25519Secrets.wipe(&nonceSeed)
        let commitment = RistrettoPoint.mulBase(r).encoded()
        t.appendMessage("sign:R", commitment)
        let k = t.challengeScalar("sign:c")
        let s = k * secret.key + r
        var signature = commitment + s.toBytes()
        signature[63] |= 0x80
        return signature
    }

    static func verify(signature: [UInt8], message: [UInt8], publicKey: Sr25519PublicKey,
                       context: [UInt8] = substrateContext) -> Bool {
        guard signature.count == 64, signature[63] & 0x80 != 0 else { return false }
        var sBytes = Array(signature[32..<64])
        sBytes[31] &= 0x7f
        guard let s = Scalar25519(canonical: sBytes) else { return false }
        let commitment = Array(signature[0..<32])
        var t = transcript(context: context, message: message)
        t.appendMessage("proto-name", Array("Schnorr-sig".utf8))
        t.appendMessage("sign:pk", publicKey.bytes)
        t.appendMessage("sign:R", commitment)
        let k = t.challengeScalar("sign:c")
        // R = s·B - k·A
        let expected = EdwardsPoint25519.vartimeDoubleMul(a: k, point: publicKey.point.edwards.negated, b: s)
        return RistrettoPoint(edwards: expected).encoded() == commitment
    }
}
