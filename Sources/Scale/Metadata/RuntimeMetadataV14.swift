/// Runtime metadata V14 as a node serves it from `state_getMetadata`:
/// the magic `meta`, version byte 14, the type registry, pallets, extrinsic
/// format and the runtime type id (PROTOCOL.md §1).
///
/// Decoding then encoding reproduces the input bytes exactly, so the devnet
/// can serve metadata it built or edited.
public struct RuntimeMetadataV14: Sendable, Hashable {
    /// `"meta"` read as a little-endian u32.
    public static let magic: UInt32 = 0x6174_656d
    public static let version: UInt8 = 14

    public var registry: PortableRegistry
    public var pallets: [PalletMetadata]
    public var extrinsic: ExtrinsicMetadata
    /// Type id of the `Runtime` type.
    public var runtimeType: UInt32

    public init(registry: PortableRegistry, pallets: [PalletMetadata], extrinsic: ExtrinsicMetadata, runtimeType: UInt32) {
        self.registry = registry; self.pallets = pallets; self.extrinsic = extrinsic; self.runtimeType = runtimeType
    }

    /// Decodes a complete prefixed metadata blob; all bytes must be consumed.
    public init(bytes: [UInt8]) throws {
        self = try scaleDecode(RuntimeMetadataV14.self, from: bytes)
    }

    /// Decodes the `OpaqueMetadata` a `Metadata_metadata` runtime call returns:
    /// the prefixed blob wrapped as a `Vec<u8>` (compact length first). A blob
    /// that already starts with the magic is accepted as is.
    public init(opaqueBytes bytes: [UInt8]) throws {
        if bytes.count >= 4, Array(bytes.prefix(4)) == [0x6d, 0x65, 0x74, 0x61] {
            try self.init(bytes: bytes)
            return
        }
        try self.init(bytes: try scaleDecode([UInt8].self, from: bytes))
    }

    /// The prefixed blob (magic, version, body).
    public var encoded: [UInt8] {
        var e = ScaleEncoder(reservingCapacity: 400_000)
        encode(to: &e)
        return e.bytes
    }
}

extension RuntimeMetadataV14: ScaleCodable {
    public init(from d: inout ScaleDecoder) throws {
        let start = d.offset
        let magic = try d.decode(UInt32.self)
        guard magic == Self.magic else {
            throw ScaleError.invalidValue(offset: start, expected: "metadata magic \"meta\" (0x6d657461)")
        }
        let versionOffset = d.offset
        let version = try d.readByte()
        guard version == Self.version else {
            throw ScaleError.invalidValue(offset: versionOffset, expected: "metadata version 14, found \(version)")
        }
        registry = try d.decode(PortableRegistry.self)
        pallets = try d.decode([PalletMetadata].self)
        extrinsic = try d.decode(ExtrinsicMetadata.self)
        runtimeType = try decodeTypeId(&d)
    }

    public func encode(to e: inout ScaleEncoder) {
        e.encode(Self.magic)
        e.appendByte(Self.version)
        e.encode(registry)
        e.encode(pallets)
        e.encode(extrinsic)
        encodeTypeId(runtimeType, &e)
    }
}
