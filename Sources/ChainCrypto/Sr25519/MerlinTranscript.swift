/// A Merlin v1.0 transcript (STROBE-128 based Fiat-Shamir), as schnorrkel
/// uses for sr25519 signing contexts, challenges, witness nonces and HDKD.
///
/// `appendMessage` = meta-AD(label) ‖ meta-AD(LE32(len), more) ‖ AD(message);
/// `challengeBytes` = meta-AD(label) ‖ meta-AD(LE32(n), more) ‖ PRF(n).
struct MerlinTranscript: Sendable {
    private var strobe: Strobe128

    init(label: String) { self.init(label: Array(label.utf8)) }

    init(label: [UInt8]) {
        strobe = Strobe128(protocolLabel: Array("Merlin v1.0".utf8))
        appendMessage(label: Array("dom-sep".utf8), label)
    }

    static func lengthBytes(_ n: Int) -> [UInt8] {
        let v = UInt32(truncatingIfNeeded: n)
        return [UInt8(v & 0xff), UInt8((v >> 8) & 0xff), UInt8((v >> 16) & 0xff), UInt8(v >> 24)]
    }

    mutating func appendMessage(label: [UInt8], _ message: [UInt8]) {
        strobe.metaAD(label, more: false)
        strobe.metaAD(Self.lengthBytes(message.count), more: true)
        strobe.ad(message, more: false)
    }

    mutating func appendMessage(_ label: String, _ message: [UInt8]) {
        appendMessage(label: Array(label.utf8), message)
    }

    mutating func challengeBytes(_ label: String, count: Int) -> [UInt8] {
        strobe.metaAD(Array(label.utf8), more: false)
        strobe.metaAD(Self.lengthBytes(count), more: true)
        return strobe.prf(count: count, more: false)
    }

    /// schnorrkel `challenge_scalar`: 64 challenge bytes reduced mod ℓ.
    mutating func challengeScalar(_ label: String) -> Scalar25519 {
        Scalar25519(reducingWide: challengeBytes(label, count: 64))
    }

    /// Merlin's transcript RNG: a fork of this transcript rekeyed with the
    /// secret witnesses under `label`, then with 32 fresh random bytes, then
    /// squeezed. The transcript itself is not changed.
    func witnessBytes(_ label: String, count: Int, witnesses: [[UInt8]], randomBytes: [UInt8]) -> [UInt8] {
        var fork = strobe
        let labelBytes = Array(label.utf8)
        for w in witnesses {
            fork.metaAD(labelBytes, more: false)
            fork.metaAD(Self.lengthBytes(w.count), more: true)
            fork.key(w, more: false)
        }
        fork.metaAD(Array("rng".utf8), more: false)
        fork.key(randomBytes, more: false)
        fork.metaAD(Self.lengthBytes(count), more: false)
        let out = fork.prf(count: count, more: false)
        fork.wipe()
        return out
    }

    /// schnorrkel `witness_scalar`: 64 witness bytes reduced mod ℓ.
    func witnessScalar(_ label: String, witnesses: [[UInt8]], randomBytes: [UInt8]) -> Scalar25519 {
        Scalar25519(reducingWide: witnessBytes(label, count: 64, witnesses: witnesses, randomBytes: randomBytes))
    }
}
