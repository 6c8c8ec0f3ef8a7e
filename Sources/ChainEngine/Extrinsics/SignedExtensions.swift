import Scale

/// The `extra` (carried in the extrinsic) and `additional` (only signed)
/// bytes of every signed extension the metadata lists, in its order
/// (PROTOCOL.md §1.6: Khala 1251 has `CheckMqSequence`; later runtimes add
/// `CheckMetadataHash`, which we use in its disabled mode).
///
/// Each value is checked by decoding it as the extension's metadata type, so
/// a runtime that changes an extension's shape yields a typed error rather
/// than an extrinsic the node rejects as a bad signature.
public struct SignedExtensions: Sendable, Hashable {
    /// Per extension, in metadata order: identifier, extra bytes, additional bytes.
    public struct Part: Sendable, Hashable {
        public var identifier: String
        public var extra: [UInt8]
        public var additional: [UInt8]
    }

    public let parts: [Part]

    public var extra: [UInt8] { parts.flatMap(\.extra) }
    public var additional: [UInt8] { parts.flatMap(\.additional) }

    /// Fills in every extension of `metadata` from `parameters`.
    public init(metadata: RuntimeMetadataV14, codec: DynamicCodec, parameters p: SigningParameters) throws(ExtrinsicError) {
        guard p.genesisHash.count == 32 else { throw .badHashLength(what: "genesis hash", count: p.genesisHash.count) }
        guard p.eraBirthHash.count == 32 else { throw .badHashLength(what: "era birth block hash", count: p.eraBirthHash.count) }
        var parts: [Part] = []
        for ext in metadata.extrinsic.signedExtensions {
            let id = ext.identifier
            var extra: [UInt8] = []
            var additional: [UInt8] = []
            switch id {
            case "CheckNonZeroSender", "CheckWeight", "CheckMqSequence":
                break
            case "CheckSpecVersion":
                additional = scaleEncoded(p.specVersion)
            case "CheckTxVersion":
                additional = scaleEncoded(p.transactionVersion)
            case "CheckGenesis":
                additional = p.genesisHash
            case "CheckMortality", "CheckEra":
                extra = p.era.encoded
                additional = p.eraBirthHash
            case "CheckNonce":
                var e = ScaleEncoder()
                e.encodeCompact(p.nonce)
                extra = e.bytes
            case "ChargeTransactionPayment":
                var e = ScaleEncoder()
                e.encodeCompact(p.tipPlanck)
                extra = e.bytes
            case "CheckMetadataHash":
                extra = [0]       // Mode::Disabled
                additional = [0]  // Option<[u8; 32]>::None
            default:
                let registry = metadata.registry
                guard Self.isEmpty(ext.type, registry), Self.isEmpty(ext.additionalSigned, registry) else {
                    throw .unsupportedSignedExtension(
                        identifier: id,
                        reason: "it carries data (extra \(registry.typeName(ext.type)), additional "
                            + "\(registry.typeName(ext.additionalSigned))) khalatop does not know how to fill in")
                }
            }
            try Self.check(extra, type: ext.type, identifier: id, part: "extra", codec)
            try Self.check(additional, type: ext.additionalSigned, identifier: id, part: "additional", codec)
            parts.append(Part(identifier: id, extra: extra, additional: additional))
        }
        self.parts = parts
    }

    static func check(_ bytes: [UInt8], type: UInt32, identifier: String, part: String,
                      _ codec: DynamicCodec) throws(ExtrinsicError) {
        do { _ = try codec.decode(type: type, from: bytes) } catch {
            throw .signedExtensionType(identifier: identifier, part: part,
                                       reason: "\(codec.registry.typeName(type)) does not decode \(bytes.count) bytes: \(error)")
        }
    }

    /// True when every value of the type encodes to zero bytes (`()`, an
    /// empty struct, or structs/tuples/zero-length arrays of those).
    static func isEmpty(_ id: UInt32, _ registry: PortableRegistry, depth: Int = 0) -> Bool {
        guard depth < 32, let t = registry[id] else { return false }
        switch t.def {
        case .composite(let fs): return fs.allSatisfy { isEmpty($0.type, registry, depth: depth + 1) }
        case .tuple(let ids): return ids.allSatisfy { isEmpty($0, registry, depth: depth + 1) }
        case .array(let n, let e): return n == 0 || isEmpty(e, registry, depth: depth + 1)
        default: return false
        }
    }
}
