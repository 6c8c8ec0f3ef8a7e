/// The hasher of one key of a storage map, as named in runtime metadata V14.
///
/// A map entry's storage key is `twox128(pallet) ‖ twox128(entry)` followed by
/// one hashed part per key (PROTOCOL.md §1.5). The `*Concat` hashers and
/// `Identity` append the SCALE key itself, so keys can be read back from
/// `state_getKeysPaged` results (`StorageKey.splitConcat`); the others cannot.
public enum StorageHasher: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case blake2_128, blake2_256, blake2_128Concat, twox128, twox256, twox64Concat, identity

    /// The hashed part for the SCALE-encoded `key`.
    public func hash(_ key: [UInt8]) -> [UInt8] {
        switch self {
        case .blake2_128: return ChainCrypto.blake2_128(key)
        case .blake2_256: return ChainCrypto.blake2_256(key)
        case .blake2_128Concat: return ChainCrypto.blake2_128(key) + key
        case .twox128: return ChainCrypto.twox128(key)
        case .twox256: return ChainCrypto.twox256(key)
        case .twox64Concat: return ChainCrypto.twox64(key) + key
        case .identity: return key
        }
    }

    /// Appends `hash(key)` to `out` without intermediate arrays (storage-key building).
    func appendHash(of key: [UInt8], to out: inout [UInt8]) {
        switch self {
        case .blake2_128, .blake2_256, .blake2_128Concat:
            out += Blake2b.hash(key, outputLength: hashPrefixLength)
        case .twox128, .twox256, .twox64Concat:
            appendTwox(key, lanes: hashPrefixLength / 8, to: &out)
        case .identity:
            break
        }
        if isTransparent { out += key }
    }

    /// True for `Blake2_128Concat` and `Twox64Concat`: a hash followed by the key itself.
    public var isConcat: Bool { self == .blake2_128Concat || self == .twox64Concat }

    /// True when the SCALE key can be read back from the storage key (`*Concat` and `Identity`).
    public var isTransparent: Bool { isConcat || self == .identity }

    /// Bytes of hash before the key (`*Concat`), the whole hash (opaque hashers), 0 for `Identity`.
    public var hashPrefixLength: Int {
        switch self {
        case .blake2_128, .blake2_128Concat, .twox128: return 16
        case .blake2_256, .twox256: return 32
        case .twox64Concat: return 8
        case .identity: return 0
        }
    }

    /// Variant index in the metadata V14 `StorageHasher` enum (Blake2_128 = 0 ... Identity = 6).
    public var metadataIndex: UInt8 {
        switch self {
        case .blake2_128: return 0
        case .blake2_256: return 1
        case .blake2_128Concat: return 2
        case .twox128: return 3
        case .twox256: return 4
        case .twox64Concat: return 5
        case .identity: return 6
        }
    }

    /// The hasher with metadata V14 variant index `index`, nil when unknown.
    public init?(metadataIndex index: UInt8) {
        guard let found = Self.allCases.first(where: { $0.metadataIndex == index }) else { return nil }
        self = found
    }

    /// The hasher with metadata name `name` (`"Twox64Concat"`, ...), nil when unknown.
    public init?(metadataName name: String) {
        guard let found = Self.allCases.first(where: { $0.metadataName == name }) else { return nil }
        self = found
    }

    /// The name used in runtime metadata and polkadot.js (`Blake2_128Concat`, ...).
    public var metadataName: String {
        switch self {
        case .blake2_128: return "Blake2_128"
        case .blake2_256: return "Blake2_256"
        case .blake2_128Concat: return "Blake2_128Concat"
        case .twox128: return "Twox128"
        case .twox256: return "Twox256"
        case .twox64Concat: return "Twox64Concat"
        case .identity: return "Identity"
        }
    }

    public var description: String { metadataName }
}
