import ChainCrypto
import Scale

/// A signed extrinsic v4 ready to submit: its bytes, hash and what went into
/// it (PROTOCOL.md §1.6). `description` shows the hash and signer only; no
/// key material is ever held here.
public struct SignedExtrinsic: Sendable, Hashable, CustomStringConvertible {
    /// `compact length ‖ 0x84 ‖ address ‖ signature ‖ extra ‖ call`.
    public let bytes: [UInt8]
    public let call: EncodedCall
    public let signerPublicKey: [UInt8]
    public let scheme: KeyScheme
    /// `call ‖ extra ‖ additional` as signed (before the >256-byte hashing).
    public let signingPayload: [UInt8]
    /// The 64-byte signature.
    public let signature: [UInt8]
    public let parameters: SigningParameters

    /// `blake2_256(bytes)`: the hash nodes report in `author_submitExtrinsic`.
    public var hash: [UInt8] { blake2_256(bytes) }

    public var description: String {
        "SignedExtrinsic(\(call.pallet).\(call.name), \(bytes.count) bytes, hash \(Hex.encode(hash)), "
            + "signer \(Hex.encode(signerPublicKey)) \(scheme.rawValue), nonce \(parameters.nonce))"
    }
}
