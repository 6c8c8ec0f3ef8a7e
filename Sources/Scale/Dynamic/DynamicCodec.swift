/// Decodes and encodes `ScaleValue`s for any type id of a registry, through
/// per-type decode plans computed once (no registry walking per value).
///
/// Build one per metadata and reuse it: khalatop decodes every worker record
/// of a pool this way when the runtime's types drift (PROTOCOL.md §1.6).
public struct DynamicCodec: Sendable {
    public let registry: PortableRegistry
    @usableFromInline var plans: [Plan]
    /// Fewest encoded bytes per plan index (for length checks).
    @usableFromInline var minimumSizes: [Int]
    /// Nesting limit of decoding and encoding (recursive types such as nested calls).
    public static let maxDepth = 128

    /// A flattened type definition, with every referenced id resolved to a plan index.
    @usableFromInline
    enum Plan: Sendable {
        case composite(names: [String?], types: [Int])
        /// `byIndex[i]` is the position in `variants` of index byte i, or -1.
        case variant(byIndex: [Int16], variants: [VariantPlan])
        case sequence(element: Int, minimumElementSize: Int)
        case byteSequence
        case array(length: Int, element: Int)
        case byteArray(length: Int)
        case tuple([Int])
        case primitive(TypePrimitive)
        case compact
        case bitSequence
        /// A definition the codec cannot handle (dangling id, unsupported bit store); error on use.
        case invalid(String)
    }

    @usableFromInline
    struct VariantPlan: Sendable {
        let name: String
        let index: UInt8
        let names: [String?]
        let types: [Int]
    }

    public init(registry: PortableRegistry) {
        self.registry = registry
        let count = registry.types.count
        let minSizes = Self.minimumSizes(registry)
        func pos(_ id: UInt32) -> Int { registry.position(of: id) ?? -1 }
        func isU8(_ p: Int) -> Bool {
            guard p >= 0, case .primitive(.u8) = registry.types[p].def else { return false }
            return true
        }
        var plans: [Plan] = []
        plans.reserveCapacity(count)
        for t in registry.types {
            switch t.def {
            case .composite(let fs):
                plans.append(.composite(names: fs.map(\.name), types: fs.map { pos($0.type) }))
            case .variant(let vs):
                var byIndex = [Int16](repeating: -1, count: 256)
                for (i, v) in vs.enumerated() where byIndex[Int(v.index)] < 0 { byIndex[Int(v.index)] = Int16(i) }
                plans.append(.variant(byIndex: byIndex, variants: vs.map {
                    VariantPlan(name: $0.name, index: $0.index, names: $0.fields.map(\.name), types: $0.fields.map { pos($0.type) })
                }))
            case .sequence(let e):
                let p = pos(e)
                plans.append(isU8(p) ? .byteSequence : .sequence(element: p, minimumElementSize: p >= 0 ? minSizes[p] : 0))
            case .array(let n, let e):
                let p = pos(e)
                plans.append(isU8(p) ? .byteArray(length: Int(n)) : .array(length: Int(n), element: p))
            case .tuple(let ids):
                plans.append(.tuple(ids.map(pos)))
            case .primitive(let prim):
                plans.append(.primitive(prim))
            case .compact:
                plans.append(.compact)
            case .bitSequence(let store, _):
                plans.append(isU8(pos(store)) ? .bitSequence : .invalid("bit sequence with a store other than u8"))
            }
        }
        self.plans = plans
        self.minimumSizes = minSizes
    }

    /// The fewest bytes each type's encoding can take (0 for types on a cycle,
    /// which is conservative); used to reject impossible lengths early.
    static func minimumSizes(_ registry: PortableRegistry) -> [Int] {
        let n = registry.types.count
        var sizes = [Int](repeating: -1, count: n)
        var visiting = [Bool](repeating: false, count: n)
        // Deep chains count as 0 (conservative) so a hostile registry cannot exhaust the stack.
        var depth = 0
        func size(_ id: UInt32) -> Int {
            guard let p = registry.position(of: id), depth < 200 else { return 0 }
            if sizes[p] >= 0 { return sizes[p] }
            if visiting[p] { return 0 }
            visiting[p] = true
            depth += 1
            defer { visiting[p] = false; depth -= 1 }
            let s: Int
            switch registry.types[p].def {
            case .composite(let fs): s = fs.reduce(0) { min($0 + size($1.type), 1 << 24) }
            case .variant(let vs):
                s = vs.map { v in v.fields.reduce(1) { min($0 + size($1.type), 1 << 24) } }.min() ?? 1
            case .sequence, .compact, .bitSequence: s = 1
            case .array(let len, let e): s = min(Int(len) * size(e), 1 << 24)
            case .tuple(let ids): s = ids.reduce(0) { min($0 + size($1), 1 << 24) }
            case .primitive(let prim): s = prim.fixedSize ?? 1
            }
            sizes[p] = s
            return s
        }
        for t in registry.types { _ = size(t.id) }
        return sizes.map { max(0, $0) }
    }

    @usableFromInline
    func planIndex(_ id: UInt32) throws -> Int {
        guard let p = registry.position(of: id) else { throw ScaleError.unknownType(id: id, context: "not in the registry") }
        return p
    }
}
