import Scale

/// One runtime the devnet can execute: its version, metadata and the codec
/// that decodes calls through that metadata. The chain starts on Khala spec
/// 1251 (`base`); a runtime upgrade (`upgraded()`) moves to the next spec
/// with the DCAP changes of later Phala runtimes (PROTOCOL.md §1.6).
///
/// Error indices: the devnet's pallets raise errors by name against the
/// 1251 tables (`DevnetErrors`); `reindex(_:)` maps them to this runtime's
/// indices, so a runtime whose error enum moved (`InvalidDCAPQuote` inserted
/// at 13) reports them as a node running it would.
public struct DevnetRuntime: Sendable {
    public let version: DevnetRuntimeVersion
    public let metadata: RuntimeMetadataV14
    /// The prefixed SCALE blob `state_getMetadata` returns.
    public let encodedMetadata: [UInt8]
    let codec: DynamicCodec
    /// Whether `AttestationProvider::Dcap` and `AttestationReport::SgxDcap` exist.
    public let supportsDcap: Bool

    init(version: DevnetRuntimeVersion, metadata: RuntimeMetadataV14, encodedMetadata: [UInt8]? = nil) {
        self.version = version
        self.metadata = metadata
        self.encodedMetadata = encodedMetadata ?? metadata.encoded
        self.codec = DynamicCodec(registry: metadata.registry)
        self.supportsDcap = metadata.registry.types.contains { t in
            guard t.path.last == "AttestationProvider", case .variant(let vs) = t.def else { return false }
            return vs.contains { $0.name == "Dcap" }
        }
    }

    /// Khala spec 1251: the built-in tables.
    public static let base = DevnetRuntime(version: .fromMetadata, metadata: DevnetMetadata.metadata,
                                           encodedMetadata: DevnetMetadata.encoded)

    /// The next runtime: spec version + 1 with the DCAP types. The transaction
    /// version stays: the DCAP changes only add variants, so every call that
    /// encoded before encodes the same way after (a node bumps
    /// `transaction_version` only when existing call encodings change).
    public func upgraded() -> DevnetRuntime {
        var next = version
        next.specVersion += 1
        return DevnetRuntime(version: next, metadata: DevnetMetadata.withDcap(metadata, version: next))
    }

    /// `SCALE(OpaqueMetadata)`, as the `Metadata_metadata` runtime call returns it.
    var opaqueMetadata: [UInt8] { scaleEncoded(encodedMetadata) }

    /// A module error raised against the 1251 tables, re-indexed by name for this runtime.
    func reindex(_ error: DispatchError) -> DispatchError {
        guard case .module(let p, let i) = error, version.specVersion != DevnetRuntime.base.version.specVersion,
              let named = DevnetErrors.name(palletIndex: p, errorIndex: i),
              let here = metadata.error(pallet: named.pallet, name: named.error) else { return error }
        return .module(pallet: p, error: here.index)
    }
}
