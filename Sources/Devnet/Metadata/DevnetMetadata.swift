import Scale

/// The devnet's runtime metadata V14, built in code: the Khala pallets the
/// devnet serves with their real names, indices, storage hashers, type
/// shapes, events, errors and signed extensions (PROTOCOL.md §1-§3), so a
/// third-party client (py-substrate-interface) reads and signs against it as
/// against a Khala node.
///
/// The tables are a selection of the real Khala spec 1251 metadata
/// (`DevnetTypeTable*.swift`, `DevnetPalletTable.swift`), held against the
/// real blob by `DevnetMetadataTests` when `../shared/fixtures` is present.
public enum DevnetMetadata {
    /// The metadata value (built once).
    public static let metadata: RuntimeMetadataV14 = RuntimeMetadataV14(
        registry: PortableRegistry(types: typeTable()), pallets: palletTable(),
        extrinsic: extrinsicTable, runtimeType: runtimeTypeId)

    /// The prefixed SCALE blob `state_getMetadata` returns (`meta`, 14, body).
    public static let encoded: [UInt8] = metadata.encoded

    /// `OpaqueMetadata` as the `Metadata_metadata` runtime call returns it: `Vec<u8>` of `encoded`.
    public static var opaque: [UInt8] { scaleEncoded(encoded) }
}
