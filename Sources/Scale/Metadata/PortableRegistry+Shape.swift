// A readable shape of a registry type, e.g. `{pubkey: [u8; 32], operator: Option<AccountId32>}`,
// for tests, logs and the `khalatop` metadata inspector.

extension PortableRegistry {
    /// A short type name: the last path segment with generic arguments, or the
    /// structural form for anonymous types (`[u8; 32]`, `Vec<u32>`, `(u32, u64)`).
    public func typeName(_ id: UInt32, depth: Int = 0) -> String {
        guard let t = self[id] else { return "<unknown type \(id)>" }
        guard depth < 8 else { return "…" }
        if let last = t.path.last {
            let args = t.params.compactMap { $0.type }.map { typeName($0, depth: depth + 1) }
            return args.isEmpty ? last : "\(last)<\(args.joined(separator: ", "))>"
        }
        switch t.def {
        case .primitive(let p): return "\(p)"
        case .sequence(let e): return "Vec<\(typeName(e, depth: depth + 1))>"
        case .array(let n, let e): return "[\(typeName(e, depth: depth + 1)); \(n)]"
        case .tuple(let ids): return "(" + ids.map { typeName($0, depth: depth + 1) }.joined(separator: ", ") + ")"
        case .compact(let e): return "Compact<\(typeName(e, depth: depth + 1))>"
        case .bitSequence(let s, let o):
            return "BitVec<\(typeName(s, depth: depth + 1)), \(typeName(o, depth: depth + 1))>"
        case .composite, .variant: return "<anonymous \(id)>"
        }
    }

    /// One level of structure: a composite's fields, a variant's cases with
    /// their indices, or the type name for everything else.
    public func shape(_ id: UInt32) -> String {
        guard let t = self[id] else { return "<unknown type \(id)>" }
        func fields(_ fs: [TypeField]) -> String {
            fs.map { f in (f.name.map { "\($0): " } ?? "") + typeName(f.type) }.joined(separator: ", ")
        }
        switch t.def {
        case .composite(let fs):
            return fs.first?.name == nil ? "(\(fields(fs)))" : "{\(fields(fs))}"
        case .variant(let vs):
            return vs.map { v in
                "\(v.index) \(v.name)" + (v.fields.isEmpty ? "" : (v.fields.first?.name == nil ? "(\(fields(v.fields)))" : "{\(fields(v.fields))}"))
            }.joined(separator: " | ")
        default:
            return typeName(id)
        }
    }

    /// Follows single-field composites (newtypes such as `AccountId32([u8; 32])`)
    /// and returns the innermost type id.
    public func unwrapNewtypes(_ id: UInt32) -> UInt32 {
        var current = id
        for _ in 0..<16 {
            guard case .composite(let fs)? = self[current]?.def, fs.count == 1 else { return current }
            current = fs[0].type
        }
        return current
    }
}
