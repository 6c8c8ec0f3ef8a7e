import Scale

/// The runtime version the devnet reports (`sp_version::RuntimeVersion`), read
/// from the `System.Version` constant of the runtime's metadata, so what
/// `state_getRuntimeVersion` answers and what the metadata says always agree.
public struct DevnetRuntimeVersion: Sendable, Hashable {
    public var specName: String
    public var implName: String
    public var authoringVersion: UInt32
    public var specVersion: UInt32
    public var implVersion: UInt32
    public var apis: [(id: [UInt8], version: UInt32)]
    public var transactionVersion: UInt32
    public var stateVersion: UInt8

    public static func == (a: Self, b: Self) -> Bool {
        a.specName == b.specName && a.specVersion == b.specVersion && a.transactionVersion == b.transactionVersion
    }
    public func hash(into h: inout Hasher) { h.combine(specVersion) }

    /// Khala spec 1251, from the base devnet metadata.
    static let fromMetadata: DevnetRuntimeVersion = DevnetRuntimeVersion(metadata: DevnetMetadata.metadata)

    /// Decodes `System.Version` of `metadata`; spec 1251 defaults if it is missing or unreadable.
    init(metadata: RuntimeMetadataV14) {
        let value = metadata.constant(pallet: "System", name: "Version")?.value ?? []
        var d = ScaleDecoder(value)
        do {
            specName = try d.decode(String.self)
            implName = try d.decode(String.self)
            authoringVersion = try d.decode(UInt32.self)
            specVersion = try d.decode(UInt32.self)
            implVersion = try d.decode(UInt32.self)
            let count = try d.decodeCompactLength()
            var apis: [(id: [UInt8], version: UInt32)] = []
            for _ in 0..<count { apis.append((try d.readBytes(8), try d.decode(UInt32.self))) }
            self.apis = apis
            transactionVersion = try d.decode(UInt32.self)
            stateVersion = try d.readByte()
        } catch {
            specName = "khala"; implName = "khala"; authoringVersion = 1; specVersion = 1251
            implVersion = 0; apis = []; transactionVersion = 6; stateVersion = 0
        }
    }

    /// The SCALE encoding (`System.Version` constant, `Core_version` result).
    var encoded: [UInt8] {
        var e = ScaleEncoder()
        e.encode(specName); e.encode(implName); e.encode(authoringVersion); e.encode(specVersion)
        e.encode(implVersion); e.encodeCompact(UInt64(apis.count))
        for api in apis { e.append(api.id); e.encode(api.version) }
        e.encode(transactionVersion); e.appendByte(stateVersion)
        return e.bytes
    }
}
