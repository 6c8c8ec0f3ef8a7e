import Scale

/// The SCALE layout a typed fast decoder expects of a registry type
/// (PROTOCOL.md §1.1-§1.3 give the 1251 layouts), checked against a
/// runtime's metadata once, when its `ChainDecoder` is built.
///
/// The check is about encoding and meaning: field names and order, integer
/// widths, `Option` as `None`=0/`Some`=1, `Vec` elements, 32-byte keys
/// (single-field wrappers such as `AccountId32` are looked through, as the
/// dynamic readers do). Anything else — a new field, a compact integer, a
/// renamed field — fails the check and the item decodes dynamically.
indirect enum TypeShape: Sendable {
    case u8, u32, u64, u128
    /// `[u8; 32]`, possibly wrapped in single-field composites.
    case key32
    /// `Vec<u8>`, possibly wrapped in single-field composites (`Topic`, `Path`).
    case bytes
    case option(TypeShape)
    case vec(TypeShape)
    /// A struct with exactly these named fields, in this order.
    case fields([(String, TypeShape)])
    /// An enum whose variants carry no fields; its index → name table is
    /// recorded under `tag` (the typed decoder maps names, not indices).
    case unitEnum(tag: String)
    /// An enum with a variant `name` holding one value of `inner`; its index
    /// is recorded under `tag`. Other variants may have any shape (the typed
    /// decoder leaves values of those to the dynamic path).
    case variantWith(name: String, inner: TypeShape, tag: String)
}

/// What a successful shape check learned: the variant tables of the enums.
struct ShapeFacts: Sendable {
    /// Per `unitEnum` tag: index byte → variant name.
    var unitEnums: [String: [UInt8: String]] = [:]
    /// Per `variantWith` tag: the index byte of the named variant.
    var variantIndices: [String: UInt8] = [:]
}

extension PortableRegistry {
    /// True when type `id` has exactly `shape`; enum tables go into `facts`.
    func matches(_ id: UInt32, _ shape: TypeShape, _ facts: inout ShapeFacts) -> Bool {
        switch shape {
        case .u8: return primitive(unwrapped(id)) == .u8
        case .u32: return primitive(unwrapped(id)) == .u32
        case .u64: return primitive(unwrapped(id)) == .u64
        case .u128: return primitive(unwrapped(id)) == .u128
        case .key32:
            guard case .array(32, let element)? = self[unwrapped(id)]?.def else { return false }
            return primitive(element) == .u8
        case .bytes:
            guard case .sequence(let element)? = self[unwrapped(id)]?.def else { return false }
            return primitive(element) == .u8
        case .option(let inner):
            guard case .variant(let vs)? = self[id]?.def, vs.count == 2,
                  let none = vs.first(where: { $0.name == "None" }), none.index == 0, none.fields.isEmpty,
                  let some = vs.first(where: { $0.name == "Some" }), some.index == 1, some.fields.count == 1
            else { return false }
            return matches(some.fields[0].type, inner, &facts)
        case .vec(let element):
            guard case .sequence(let e)? = self[id]?.def else { return false }
            return matches(e, element, &facts)
        case .fields(let expected):
            guard case .composite(let fs)? = self[id]?.def, fs.count == expected.count else { return false }
            for (f, (name, inner)) in zip(fs, expected) {
                guard f.name == name, matches(f.type, inner, &facts) else { return false }
            }
            return true
        case .unitEnum(let tag):
            guard case .variant(let vs)? = self[id]?.def, vs.allSatisfy({ $0.fields.isEmpty }) else { return false }
            var table: [UInt8: String] = [:]
            for v in vs {
                guard table[v.index] == nil else { return false }
                table[v.index] = v.name
            }
            facts.unitEnums[tag] = table
            return true
        case .variantWith(let name, let inner, let tag):
            guard case .variant(let vs)? = self[id]?.def, let v = vs.first(where: { $0.name == name }), v.fields.count == 1,
                  vs.filter({ $0.index == v.index }).count == 1
            else { return false }
            guard matches(v.fields[0].type, inner, &facts) else { return false }
            facts.variantIndices[tag] = v.index
            return true
        }
    }

    /// Looks through single-field composites (`AccountId32`, `Permill`...), at most a few levels.
    private func unwrapped(_ id: UInt32) -> UInt32 {
        var current = id
        for _ in 0..<4 {
            guard case .composite(let fs)? = self[current]?.def, fs.count == 1 else { return current }
            current = fs[0].type
        }
        return current
    }

    private func primitive(_ id: UInt32) -> TypePrimitive? {
        if case .primitive(let p)? = self[id]?.def { return p }
        return nil
    }
}
