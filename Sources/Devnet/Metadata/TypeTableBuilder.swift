import Scale

/// Builds the devnet's portable type registry one type per statement, ids
/// assigned in order (so the table reads like a numbered list).
///
/// The table in `DevnetTypeTable.swift` copies the Khala 1251 shapes (paths,
/// field names and order, `typeName` strings) that clients such as
/// py-substrate-interface rely on (PROTOCOL.md §1); `DevnetMetadataTests`
/// holds it against the real blob.
struct TypeTableBuilder {
    private(set) var types: [PortableType] = []

    init(capacity: Int = 0) { types.reserveCapacity(capacity) }

    private mutating func add(_ path: String, _ params: [(String, UInt32?)], _ def: TypeDef) {
        let segments = path.isEmpty ? [] : path.split(separator: ":", omittingEmptySubsequences: true).map(String.init)
        types.append(PortableType(id: UInt32(types.count), path: segments,
                                  params: params.map { TypeParameter(name: $0.0, type: $0.1) }, def: def, docs: []))
    }

    mutating func composite(_ path: String, params: [(String, UInt32?)] = [], _ fields: [TypeField]) {
        add(path, params, .composite(fields))
    }

    mutating func variant(_ path: String, params: [(String, UInt32?)] = [], _ variants: [TypeVariant]) {
        add(path, params, .variant(variants))
    }

    mutating func sequence(_ element: UInt32) { add("", [], .sequence(element)) }
    mutating func array(_ length: UInt32, _ element: UInt32) { add("", [], .array(length: length, element: element)) }
    mutating func tuple(_ ids: [UInt32]) { add("", [], .tuple(ids)) }
    mutating func primitive(_ p: TypePrimitive) { add("", [], .primitive(p)) }
    mutating func compact(_ element: UInt32) { add("", [], .compact(element)) }
    mutating func bitSequence(store: UInt32, order: UInt32) { add("", [], .bitSequence(store: store, order: order)) }

    /// `sp_runtime::generic::era::Era`: `Immortal` then `Mortal1`...`Mortal255`,
    /// each holding one `u8` (the second byte of a mortal era).
    mutating func era(u8: UInt32) {
        var vs = [TypeVariant(name: "Immortal", fields: [], index: 0, docs: [])]
        for i in 1...255 {
            vs.append(TypeVariant(name: "Mortal\(i)", fields: [TypeField(name: nil, type: u8, typeName: nil, docs: [])],
                                  index: UInt8(i), docs: []))
        }
        add("sp_runtime::generic::era::Era", [], .variant(vs))
    }
}

/// A field: `f("pubkey", 1, "WorkerPublicKey")`, or unnamed `f(nil, 1, "[u8; 32]")`.
func f(_ name: String?, _ type: UInt32, _ typeName: String? = nil) -> TypeField {
    TypeField(name: name, type: type, typeName: typeName, docs: [])
}

/// An enum variant: `v("Id", 0, [f(nil, 0, "AccountId")])`.
func v(_ name: String, _ index: UInt8, _ fields: [TypeField] = []) -> TypeVariant {
    TypeVariant(name: name, fields: fields, index: index, docs: [])
}

/// A storage entry of the devnet pallets (docs are left out: clients do not need them).
func entry(_ name: String, _ modifier: StorageEntryModifier, plain value: UInt32, default hex: String) -> StorageEntry {
    StorageEntry(name: name, modifier: modifier, type: .plain(value), defaultBytes: bytes(hex), docs: [])
}

func entry(_ name: String, _ modifier: StorageEntryModifier, map hashers: [StorageHasherKind], key: UInt32,
           value: UInt32, default hex: String) -> StorageEntry {
    StorageEntry(name: name, modifier: modifier, type: .map(hashers: hashers, key: key, value: value),
                 defaultBytes: bytes(hex), docs: [])
}

func constant(_ name: String, _ type: UInt32, _ hex: String) -> PalletConstant {
    PalletConstant(name: name, type: type, value: bytes(hex), docs: [])
}

/// Hex literals of the built-in tables; they are compile-time constants
/// checked by the metadata test, so bad digits cannot come from outside.
func bytes(_ hex: String) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(hex.utf8.count / 2)
    var high: UInt8?
    for c in hex.utf8.dropFirst(hex.hasPrefix("0x") ? 2 : 0) {
        let n: UInt8
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): n = c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): n = c - UInt8(ascii: "a") + 10
        default: continue
        }
        if let h = high { out.append(h << 4 | n); high = nil } else { high = n }
    }
    return out
}
