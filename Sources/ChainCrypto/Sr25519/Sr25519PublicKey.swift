import Scale

/// An sr25519 public key: a Ristretto255 point, 32 bytes on chain
/// (PROTOCOL.md §1: worker keys are `sp_core::sr25519::Public` = [u8;32];
/// accounts are `AccountId32`, for sr25519 the same 32 bytes).
///
/// Construction validates the encoding, so a value of this type is always a
/// point signatures can be checked against. Soft derivation (`/x`) works on
/// public keys alone, as in Substrate, which is why this type exists beside
/// the key pair.
public struct Sr25519PublicKey: Sendable, Hashable, CustomStringConvertible {
    /// The 32-byte compressed Ristretto encoding.
    public let bytes: [UInt8]
    let point: RistrettoPoint

    public init(bytes: [UInt8]) throws {
        guard bytes.count == 32 else {
            throw Sr25519Error.invalidLength(what: "public key", expected: 32, actual: bytes.count)
        }
        guard let point = RistrettoPoint(encoded: bytes) else { throw Sr25519Error.invalidPublicKey }
        self.bytes = bytes
        self.point = point
    }

    init(point: RistrettoPoint) {
        self.point = point
        self.bytes = point.encoded()
    }

    /// Soft (`/x`) derivation with a 32-byte chain code, as Substrate's
    /// `Public::derive` (schnorrkel `derived_key_simple(cc, [])`).
    /// A chain code is 32 bytes; other lengths are zero-padded or BLAKE2b-256
    /// hashed, as Substrate turns raw junction bytes into a chain code.
    public func deriveSoft(chainCode: [UInt8]) -> Sr25519PublicKey {
        var t = Sr25519Derivation.softTranscript()
        let scalar = Sr25519Derivation.softScalar(&t, chainCode: Sr25519Derivation.normalized(chainCode), publicKey: bytes)
        return Sr25519PublicKey(point: point + RistrettoPoint.mulBase(scalar))
    }

    /// Checks an sr25519 signature (context "substrate") by this key.
    public func verify(signature: [UInt8], message: [UInt8]) -> Bool {
        Sr25519Signing.verify(signature: signature, message: message, publicKey: self)
    }

    public static func == (a: Sr25519PublicKey, b: Sr25519PublicKey) -> Bool { a.bytes == b.bytes }
    public func hash(into h: inout Hasher) { h.combine(bytes) }

    public var description: String { "Sr25519PublicKey(\(Hex.encode(bytes)))" }
}
