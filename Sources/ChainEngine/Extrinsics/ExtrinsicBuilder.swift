import ChainCrypto
import Scale

/// Builds signed extrinsics v4 through the live metadata (PROTOCOL.md §1.6,
/// §2): calls by name (`CallEncoder`), the signed extensions the metadata
/// lists (`SignedExtensions`), the address and signature variants of the
/// runtime's `UncheckedExtrinsic` type (`MultiAddress::Id`,
/// `MultiSignature::Sr25519`/`Ed25519`), and Substrate's rule that a signing
/// payload longer than 256 bytes is signed as its BLAKE2b-256 hash.
public struct ExtrinsicBuilder: Sendable {
    public let encoder: CallEncoder
    public var metadata: RuntimeMetadataV14 { encoder.metadata }

    public init(metadata: RuntimeMetadataV14) throws(ExtrinsicError) {
        guard metadata.extrinsic.version == 4 else { throw .unsupportedExtrinsicVersion(metadata.extrinsic.version) }
        self.encoder = CallEncoder(metadata: metadata)
    }

    /// The call bytes of an action.
    public func call(_ action: ActionCall) throws(ExtrinsicError) -> EncodedCall {
        try action.encode(with: encoder)
    }

    /// `call ‖ extra ‖ additional` (unhashed).
    public func signingPayload(call: [UInt8], parameters: SigningParameters) throws(ExtrinsicError) -> [UInt8] {
        let ext = try SignedExtensions(metadata: metadata, codec: encoder.codec, parameters: parameters)
        return call + ext.extra + ext.additional
    }

    /// What the key signs: the payload, or its BLAKE2b-256 hash when longer than 256 bytes.
    public static func bytesToSign(_ payload: [UInt8]) -> [UInt8] {
        payload.count > 256 ? blake2_256(payload) : payload
    }

    /// Signs `call` with `signer`.
    public func sign(_ call: EncodedCall, signer: KeyPair, parameters: SigningParameters) throws(ExtrinsicError) -> SignedExtrinsic {
        let ext = try SignedExtensions(metadata: metadata, codec: encoder.codec, parameters: parameters)
        let payload = call.bytes + ext.extra + ext.additional
        let signature: [UInt8]
        do { signature = try signer.sign(Self.bytesToSign(payload)) } catch {
            throw .signingFailed("\(signer.scheme.rawValue) signer could not sign")
        }
        let bytes = try assemble(call: call.bytes, signer: signer.publicKey, scheme: signer.scheme,
                                 signature: signature, extra: ext.extra)
        return SignedExtrinsic(bytes: bytes, call: call, signerPublicKey: signer.publicKey, scheme: signer.scheme,
                               signingPayload: payload, signature: signature, parameters: parameters)
    }

    /// Signs an action.
    public func sign(_ action: ActionCall, signer: KeyPair, parameters: SigningParameters) throws(ExtrinsicError) -> SignedExtrinsic {
        try sign(try call(action), signer: signer, parameters: parameters)
    }

    /// `compact length ‖ 0x84 ‖ address ‖ signature ‖ extra ‖ call`.
    public func assemble(call: [UInt8], signer publicKey: [UInt8], scheme: KeyScheme, signature: [UInt8],
                         extra: [UInt8]) throws(ExtrinsicError) -> [UInt8] {
        var body: [UInt8] = [0x84]
        body += try addressPrefix() + publicKey
        body += try signaturePrefix(scheme) + signature
        body += extra
        body += call
        var e = ScaleEncoder()
        e.encodeCompact(UInt64(body.count))
        e.append(body)
        return e.bytes
    }

    /// The `Address`/`Signature` type parameters of the runtime's `UncheckedExtrinsic`.
    private func extrinsicParam(_ name: String) -> UInt32? {
        metadata.registry[metadata.extrinsic.type]?.params.first { $0.name == name }?.type
    }

    /// `MultiAddress::Id` index byte, or nothing when the address is a bare `AccountId32`.
    func addressPrefix() throws(ExtrinsicError) -> [UInt8] {
        guard let id = extrinsicParam("Address") else { return [0] }  // no params: assume MultiAddress (index 0)
        let registry = metadata.registry
        switch registry[id]?.def {
        case .variant(let vs)?:
            guard let v = vs.first(where: { $0.name == "Id" }) else {
                throw .argumentType(call: "extrinsic", argument: "address", expected: registry.typeName(id), reason: "no Id variant")
            }
            return [v.index]
        case .composite?, .array?:
            return []
        default:
            throw .argumentType(call: "extrinsic", argument: "address", expected: registry.typeName(id), reason: "unknown address type")
        }
    }

    /// `MultiSignature::Ed25519` (0) / `Sr25519` (1) index byte, from the metadata when it says.
    func signaturePrefix(_ scheme: KeyScheme) throws(ExtrinsicError) -> [UInt8] {
        let name = scheme == .sr25519 ? "Sr25519" : "Ed25519"
        guard let id = extrinsicParam("Signature") else { return [scheme == .sr25519 ? 1 : 0] }
        guard let v = metadata.variants(ofType: id).first(where: { $0.name == name }) else {
            throw .argumentType(call: "extrinsic", argument: "signature", expected: metadata.registry.typeName(id),
                                reason: "no \(name) variant")
        }
        return [v.index]
    }
}
