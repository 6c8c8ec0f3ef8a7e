/// Decodes and encodes `ScaleValue`s for any type id of a registry, through
/// per-type decode plans computed once (no registry walking per value).
///
/// Build one per metadata and reuse it: khalatop decodes every worker record
/// of a pool this way when the runtime's types drift (PROTOCOL.md §1.6).
public struct DynamicCodec: Sendable {
    public let registry: PortableRegistry
    /// One plan per registry position. Plans hold only ranges into the pools
    /// below, so reading one copies no reference-counted payload.
    @usableFromInline var plans: [Plan]
    /// Fewest encoded bytes per plan index (for length checks).
    @usableFromInline var minimumSizes: [Int]
    /// Field pools: name and plan index of every composite/variant field and tuple element.
    @usableFromInline var fieldNames: [String?] = []
    @usableFromInline var fieldTypes: [Int] = []
    /// Variant pools: name, index byte and field range of every variant.
    @usableFromInline var variantNames: [String] = []
    @usableFromInline var variantIndices: [UInt8] = []
    @usableFromInline var variantFields: [Range<Int>] = []
    /// 256 entries per enum type: index byte → position in the variant pools, or -1.
    @usableFromInline var variantTable: [Int32] = []
    @usableFromInline var invalidReasons: [String] = []
    /// Nesting limit of decoding and encoding (recursive types such as nested calls).
    public static let maxDepth = 128

    /// A flattened type definition, with every referenced id resolved to a plan index.
    @usableFromInline
    enum Plan: Sendable {
        case composite(fields: Range<Int>)
        /// `table` is the start of this enum's 256 entries in `variantTable`.
        case variant(table: Int, variants: Range<Int>)
        case sequence(element: Int, minimumElementSize: Int)
        case byteSequence
        case array(length: Int, element: Int)
        case byteArray(length: Int)
        case tuple(elements: Range<Int>)
        case primitive(TypePrimitive)
        /// `Compact<T>`; `bitWidth` of the unsigned integer inside T (128 when unknown).
        case compact(bitWidth: Int)
        case bitSequence
        /// A definition the codec cannot handle (unsupported bit store); error on use.
        case invalid(reason: Int)
    }

    public init(registry: PortableRegistry) {
        self.registry = registry
        self.plans = []
        self.minimumSizes = []
        let count = registry.types.count
        let minSizes = Self.minimumSizes(registry)
        // A dangling id becomes the negative plan index -(id + 1); using it throws `.unknownType(id)`.
        func pos(_ id: UInt32) -> Int { registry.position(of: id) ?? -(Int(id) + 1) }
        func isU8(_ p: Int) -> Bool {
            guard p >= 0, case .primitive(.u8) = registry.types[p].def else { return false }
            return true
        }
        var plans: [Plan] = []
        plans.reserveCapacity(count)
        var fieldNames: [String?] = [], fieldTypes: [Int] = []
        var variantNames: [String] = [], variantIndices: [UInt8] = [], variantFields: [Range<Int>] = []
        var variantTable: [Int32] = [], invalidReasons: [String] = []
        func addFields(_ fs: [TypeField]) -> Range<Int> {
            let start = fieldTypes.count
            for f in fs { fieldNames.append(f.name); fieldTypes.append(pos(f.type)) }
            return start..<fieldTypes.count
        }
        for t in registry.types {
            switch t.def {
            case .composite(let fs):
                plans.append(.composite(fields: addFields(fs)))
            case .variant(let vs):
                let table = variantTable.count
                variantTable.append(contentsOf: repeatElement(-1, count: 256))
                let first = variantNames.count
                for v in vs {
                    if variantTable[table + Int(v.index)] < 0 { variantTable[table + Int(v.index)] = Int32(variantNames.count) }
                    variantNames.append(v.name)
                    variantIndices.append(v.index)
                    variantFields.append(addFields(v.fields))
                }
                plans.append(.variant(table: table, variants: first..<variantNames.count))
            case .sequence(let e):
                let p = pos(e)
                plans.append(isU8(p) ? .byteSequence : .sequence(element: p, minimumElementSize: p >= 0 ? minSizes[p] : 0))
            case .array(let n, let e):
                let p = pos(e)
                plans.append(isU8(p) ? .byteArray(length: Int(n)) : .array(length: Int(n), element: p))
            case .tuple(let ids):
                let start = fieldTypes.count
                for id in ids { fieldNames.append(nil); fieldTypes.append(pos(id)) }
                plans.append(.tuple(elements: start..<fieldTypes.count))
            case .primitive(let prim):
                plans.append(.primitive(prim))
            case .compact(let inner):
                var width = 128
                if case .primitive(let prim)? = registry[registry.unwrapNewtypes(inner)]?.def,
                   [.u8, .u16, .u32, .u64, .u128].contains(prim), let size = prim.fixedSize {
                    width = size * 8
                }
                plans.append(.compact(bitWidth: width))
            case .bitSequence(let store, _):
                if isU8(pos(store)) {
                    plans.append(.bitSequence)
                } else {
                    invalidReasons.append("bit sequence with a store other than u8")
                    plans.append(.invalid(reason: invalidReasons.count - 1))
                }
            }
        }
        self.plans = plans
        self.minimumSizes = minSizes
        self.fieldNames = fieldNames; self.fieldTypes = fieldTypes
        self.variantNames = variantNames; self.variantIndices = variantIndices; self.variantFields = variantFields
        self.variantTable = variantTable; self.invalidReasons = invalidReasons
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
