/// One pallet of runtime metadata V14: storage, call/event/error enum type
/// ids, constants and its index byte (PROTOCOL.md §1 lists Khala's indices).
public struct PalletMetadata: Sendable, Hashable {
    public var name: String
    public var storage: PalletStorage?
    /// Type id of the pallet's `Call` enum.
    public var callType: UInt32?
    /// Type id of the pallet's `Event` enum.
    public var eventType: UInt32?
    public var constants: [PalletConstant]
    /// Type id of the pallet's `Error` enum.
    public var errorType: UInt32?
    /// The pallet index byte (first byte of call indices and event records).
    public var index: UInt8

    public init(name: String, storage: PalletStorage?, callType: UInt32?, eventType: UInt32?,
                constants: [PalletConstant], errorType: UInt32?, index: UInt8) {
        self.name = name; self.storage = storage; self.callType = callType; self.eventType = eventType
        self.constants = constants; self.errorType = errorType; self.index = index
    }
}

/// A pallet's storage: the key prefix (usually the pallet name) and its entries.
public struct PalletStorage: Sendable, Hashable {
    public var prefix: String
    public var entries: [StorageEntry]
    public init(prefix: String, entries: [StorageEntry]) { self.prefix = prefix; self.entries = entries }
}

/// One storage item: whether absent reads give `default`, its plain or map type, docs.
public struct StorageEntry: Sendable, Hashable {
    public var name: String
    public var modifier: StorageEntryModifier
    public var type: StorageEntryType
    /// SCALE bytes returned when the key is absent (meaningful for `.default`).
    public var defaultBytes: [UInt8]
    public var docs: [String]

    public init(name: String, modifier: StorageEntryModifier, type: StorageEntryType,
                defaultBytes: [UInt8], docs: [String]) {
        self.name = name; self.modifier = modifier; self.type = type
        self.defaultBytes = defaultBytes; self.docs = docs
    }

    /// Type id of the stored value.
    public var valueType: UInt32 {
        switch type {
        case .plain(let v): return v
        case .map(_, _, let v): return v
        }
    }
}

/// `Optional` (absent reads as None) or `Default` (absent reads as the default bytes).
public enum StorageEntryModifier: UInt8, Sendable, Hashable, ScaleEnum {
    case optional = 0
    case `default` = 1
}

/// A plain value, or a map keyed through one hasher per key part.
public enum StorageEntryType: Sendable, Hashable {
    case plain(UInt32)
    case map(hashers: [StorageHasherKind], key: UInt32, value: UInt32)
}

/// The storage hashers of metadata V14, by index byte. (Computing them is
/// ChainCrypto's job; Scale only names them.)
public enum StorageHasherKind: UInt8, Sendable, Hashable, CaseIterable, ScaleEnum {
    case blake2_128 = 0, blake2_256, blake2_128Concat, twox128, twox256, twox64Concat, identity

    /// True when the hashed key is followed by the raw SCALE key.
    public var isConcat: Bool { self == .blake2_128Concat || self == .twox64Concat || self == .identity }
}

/// A pallet constant: name, type id, SCALE value bytes, docs.
public struct PalletConstant: Sendable, Hashable {
    public var name: String
    public var type: UInt32
    public var value: [UInt8]
    public var docs: [String]
    public init(name: String, type: UInt32, value: [UInt8], docs: [String]) {
        self.name = name; self.type = type; self.value = value; self.docs = docs
    }
}

/// The extrinsic format: its type id, version and signed extensions.
public struct ExtrinsicMetadata: Sendable, Hashable {
    public var type: UInt32
    public var version: UInt8
    public var signedExtensions: [SignedExtensionMetadata]
    public init(type: UInt32, version: UInt8, signedExtensions: [SignedExtensionMetadata]) {
        self.type = type; self.version = version; self.signedExtensions = signedExtensions
    }
}

/// A signed extension: identifier, the type of its extra data, the type of its additional signed data.
public struct SignedExtensionMetadata: Sendable, Hashable {
    public var identifier: String
    public var type: UInt32
    public var additionalSigned: UInt32
    public init(identifier: String, type: UInt32, additionalSigned: UInt32) {
        self.identifier = identifier; self.type = type; self.additionalSigned = additionalSigned
    }
}
