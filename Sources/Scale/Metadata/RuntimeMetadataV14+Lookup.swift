// Look-ups by name in metadata V14: pallet, storage entry, call, event and
// error variants, constants (PROTOCOL.md §1-§3 name what khalatop reads).

extension RuntimeMetadataV14 {
    public func pallet(named name: String) -> PalletMetadata? {
        pallets.first { $0.name == name }
    }

    public func pallet(index: UInt8) -> PalletMetadata? {
        pallets.first { $0.index == index }
    }

    /// A storage entry, e.g. `storageEntry(pallet: "PhalaRegistry", name: "Workers")`.
    public func storageEntry(pallet: String, name: String) -> StorageEntry? {
        self.pallet(named: pallet)?.storage?.entries.first { $0.name == name }
    }

    /// The variants of an enum type id (empty when it is not an enum).
    public func variants(ofType id: UInt32?) -> [TypeVariant] {
        guard let id, case .variant(let vs)? = registry[id]?.def else { return [] }
        return vs
    }

    /// An event of a pallet by variant name (the pallet's `Event` enum).
    public func event(pallet: String, name: String) -> TypeVariant? {
        variants(ofType: self.pallet(named: pallet)?.eventType).first { $0.name == name }
    }

    /// A call of a pallet by variant name (the pallet's `Call` enum).
    public func call(pallet: String, name: String) -> TypeVariant? {
        variants(ofType: self.pallet(named: pallet)?.callType).first { $0.name == name }
    }

    /// An error of a pallet by variant name (the pallet's `Error` enum).
    public func error(pallet: String, name: String) -> TypeVariant? {
        variants(ofType: self.pallet(named: pallet)?.errorType).first { $0.name == name }
    }

    /// An error by the (pallet index, error index) of a `DispatchError::Module`.
    public func error(palletIndex: UInt8, errorIndex: UInt8) -> (pallet: String, error: TypeVariant)? {
        guard let p = pallet(index: palletIndex),
              let v = variants(ofType: p.errorType).first(where: { $0.index == errorIndex }) else { return nil }
        return (p.name, v)
    }

    public func constant(pallet: String, name: String) -> PalletConstant? {
        self.pallet(named: pallet)?.constants.first { $0.name == name }
    }

    /// (pallet index, call index) of a call: the first two bytes of its encoding (PROTOCOL.md §2).
    public func callIndex(pallet: String, name: String) -> (pallet: UInt8, call: UInt8)? {
        guard let p = self.pallet(named: pallet),
              let v = variants(ofType: p.callType).first(where: { $0.name == name }) else { return nil }
        return (p.index, v.index)
    }
}
