/// SS58 addresses: Base58 of `prefix ‖ public key ‖ checksum`.
///
/// Khala accounts display with prefix 30 (PROTOCOL.md §1.5 context; Phala is 30,
/// generic Substrate 42). The checksum is the first 2 bytes of
/// BLAKE2b-512("SS58PRE" ‖ prefix ‖ key). Prefixes 0...63 take one byte;
/// 64...16383 take two, with Substrate's bit layout (see `prefixBytes`).
public enum SS58 {
    /// Khala/Phala's address prefix.
    public static let khalaPrefix: UInt16 = 30
    /// Largest prefix SS58 can carry (14 bits).
    public static let maxPrefix: UInt16 = 16383
    /// Public key length of the addresses handled here (sr25519/ed25519 AccountId32).
    public static let publicKeyLength = 32
    static let checksumLength = 2
    static let checksumSalt = Array("SS58PRE".utf8)
    /// Longest string worth decoding: a 2-byte-prefix address of a 32-byte key is 36 bytes ≈ 50 characters.
    static let maxAddressCharacters = 64

    /// True when `prefix` fits SS58 (0...16383).
    public static func isValidPrefix(_ prefix: UInt16) -> Bool { prefix <= maxPrefix }

    /// The address of a 32-byte `publicKey` under `prefix`. Requires a 32-byte key and
    /// `prefix <= 16383` (programmer input; `checkedEncode` throws instead).
    public static func encode(_ publicKey: [UInt8], prefix: UInt16 = 30) -> String {
        precondition(publicKey.count == publicKeyLength, "SS58 public key must be 32 bytes")
        precondition(isValidPrefix(prefix), "SS58 prefix must be at most 16383")
        var payload = prefixBytes(prefix) + publicKey
        payload += checksum(payload)
        return Base58.encode(payload)
    }

    /// Like `encode`, but a wrong key length or an out-of-range prefix is a typed error.
    public static func checkedEncode(_ publicKey: [UInt8], prefix: UInt16 = 30) throws(SS58Error) -> String {
        guard publicKey.count == publicKeyLength else { throw .badLength(publicKey.count) }
        guard isValidPrefix(prefix) else { throw .invalidPrefix(prefix) }
        return encode(publicKey, prefix: prefix)
    }

    /// The public key and prefix of `address`, checksum verified.
    public static func decode(_ address: String) throws(SS58Error) -> (publicKey: [UInt8], prefix: UInt16) {
        guard address.utf8.count <= maxAddressCharacters else { throw .badLength(address.utf8.count) }
        let payload: [UInt8]
        switch Base58.decode(address) {
        case .success(let bytes): payload = bytes
        case .failure(let failure): throw .badBase58(position: failure.position)
        }
        guard let first = payload.first else { throw .badLength(0) }
        let prefix: UInt16
        let prefixLength: Int
        switch first {
        case 0...63:
            prefix = UInt16(first)
            prefixLength = 1
        case 64...127:
            guard payload.count >= 2 else { throw .badLength(payload.count) }
            // Inverse of `prefixBytes`: first = 01 p7..p2, second = p1 p0 p13..p8.
            let second = payload[1]
            let low = (UInt16(first & 0b0011_1111) << 2) | UInt16(second >> 6)
            let high = UInt16(second & 0b0011_1111)
            prefix = low | (high << 8)
            prefixLength = 2
        default:
            throw .reservedPrefix(firstByte: first)
        }
        guard payload.count == prefixLength + publicKeyLength + checksumLength else {
            throw .badLength(payload.count)
        }
        let body = Array(payload[0..<(prefixLength + publicKeyLength)])
        guard checksum(body).elementsEqual(payload[(prefixLength + publicKeyLength)...]) else { throw .badChecksum }
        return (Array(body[prefixLength...]), prefix)
    }

    /// The public key of `address`, which must use `prefix` (e.g. 30 for Khala).
    public static func decode(_ address: String, requiringPrefix prefix: UInt16) throws(SS58Error) -> [UInt8] {
        let decoded = try decode(address)
        guard decoded.prefix == prefix else { throw .wrongPrefix(expected: prefix, found: decoded.prefix) }
        return decoded.publicKey
    }

    /// The prefix bytes: one byte below 64; else two bytes
    /// `01 p7 p6 p5 p4 p3 p2` and `p1 p0 p13 p12 p11 p10 p9 p8` (Substrate's layout:
    /// first = ((p & 0xFC) >> 2) | 0x40, second = (p >> 8) | ((p & 3) << 6)).
    static func prefixBytes(_ prefix: UInt16) -> [UInt8] {
        if prefix < 64 { return [UInt8(prefix)] }
        let first = UInt8((prefix & 0b1111_1100) >> 2) | 0b0100_0000
        let second = UInt8(truncatingIfNeeded: prefix >> 8) | UInt8(truncatingIfNeeded: (prefix & 0b11) << 6)
        return [first, second]
    }

    static func checksum(_ body: [UInt8]) -> [UInt8] {
        var hasher = Blake2bHasher(outputLength: 64)
        hasher.update(checksumSalt)
        hasher.update(body)
        return Array(hasher.finalize()[0..<checksumLength])
    }
}
