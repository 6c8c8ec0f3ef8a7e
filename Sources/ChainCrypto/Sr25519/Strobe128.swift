/// The subset of STROBE v1.0.2 at 128-bit security that Merlin uses
/// (meta-AD, AD, PRF, KEY), over Keccak-f[1600] with rate 166 bytes.
///
/// Merlin transcripts (and therefore every sr25519 challenge, nonce and HDKD
/// output) are defined as these STROBE operations, byte for byte.
struct Strobe128: Sendable {
    static let rate = 166
    private static let flagI: UInt8 = 1, flagA: UInt8 = 1 << 1, flagC: UInt8 = 1 << 2
    private static let flagT: UInt8 = 1 << 3, flagM: UInt8 = 1 << 4, flagK: UInt8 = 1 << 5

    private var state: [UInt8]
    private var position = 0
    private var positionBegin = 0
    private var currentFlags: UInt8 = 0

    init(protocolLabel: [UInt8]) {
        var st = [UInt8](repeating: 0, count: 200)
        let head: [UInt8] = [1, UInt8(Self.rate + 2), 1, 0, 1, 96] + Array("STROBEv1.0.2".utf8)
        for (i, b) in head.enumerated() { st[i] = b }
        KeccakF1600.permute(bytes: &st)
        state = st
        metaAD(protocolLabel, more: false)
    }

    mutating func metaAD(_ data: [UInt8], more: Bool) {
        beginOperation(Self.flagM | Self.flagA, more: more)
        absorb(data)
    }

    mutating func ad(_ data: [UInt8], more: Bool) {
        beginOperation(Self.flagA, more: more)
        absorb(data)
    }

    mutating func prf(count: Int, more: Bool) -> [UInt8] {
        beginOperation(Self.flagI | Self.flagA | Self.flagC, more: more)
        return squeeze(count: count)
    }

    mutating func key(_ data: [UInt8], more: Bool) {
        beginOperation(Self.flagA | Self.flagC, more: more)
        overwrite(data)
    }

    /// Overwrites the sponge state with zeros (secret-bearing transcripts).
    mutating func wipe() {
        for i in 0..<state.count { state[i] = 0 }
    }

    private mutating func runF() {
        state[position] ^= UInt8(positionBegin)
        state[position + 1] ^= 0x04
        state[Self.rate + 1] ^= 0x80
        KeccakF1600.permute(bytes: &state)
        position = 0
        positionBegin = 0
    }

    private mutating func absorb(_ data: [UInt8]) {
        for b in data {
            state[position] ^= b
            position += 1
            if position == Self.rate { runF() }
        }
    }

    private mutating func overwrite(_ data: [UInt8]) {
        for b in data {
            state[position] = b
            position += 1
            if position == Self.rate { runF() }
        }
    }

    private mutating func squeeze(count: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        for i in 0..<count {
            out[i] = state[position]
            state[position] = 0
            position += 1
            if position == Self.rate { runF() }
        }
        return out
    }

    private mutating func beginOperation(_ flags: UInt8, more: Bool) {
        // Continuing an operation with `more` needs the same flags; every caller
        // in this module passes matching pairs, so there is nothing to check at run time.
        if more { return }
        let oldBegin = UInt8(positionBegin)
        positionBegin = position + 1
        currentFlags = flags
        absorb([oldBegin, flags])
        let forceF = (flags & (Self.flagC | Self.flagK)) != 0
        if forceF && position != 0 { runF() }
    }
}
