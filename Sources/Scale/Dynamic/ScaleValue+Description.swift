// A compact, readable rendering of dynamic values for logs, tests and the
// metadata inspector: `{pubkey: 0x12…, operator: Some(0x34…), features: [4, 1]}`.

extension ScaleValue: CustomStringConvertible {
    public var description: String { render(maxBytes: 32) }

    /// Renders the value; byte strings longer than `maxBytes` are shortened with `…`.
    public func render(maxBytes: Int = 32) -> String {
        func fields(_ fs: [ScaleField], _ open: String, _ close: String) -> String {
            open + fs.map { f in (f.name.map { "\($0): " } ?? "") + f.value.render(maxBytes: maxBytes) }
                .joined(separator: ", ") + close
        }
        switch self {
        case .composite(let fs):
            return fs.first?.name == nil ? fields(fs, "(", ")") : fields(fs, "{", "}")
        case .variant(let name, _, let fs):
            if fs.isEmpty { return name }
            return name + (fs.first?.name == nil ? fields(fs, "(", ")") : fields(fs, " {", "}"))
        case .sequence(let vs), .array(let vs):
            return "[" + vs.map { $0.render(maxBytes: maxBytes) }.joined(separator: ", ") + "]"
        case .tuple(let vs):
            return "(" + vs.map { $0.render(maxBytes: maxBytes) }.joined(separator: ", ") + ")"
        case .bytes(let b), .wide(let b):
            return b.count > maxBytes ? Hex.encode(b.prefix(maxBytes)) + "…(\(b.count) bytes)" : Hex.encode(b)
        case .bool(let b): return b ? "true" : "false"
        case .char(let c): return "'\(Character(c))'"
        case .string(let s): return "\"\(s)\""
        case .unsigned(let v), .compact(let v): return "\(v)"
        case .signed(let v): return "\(v)"
        case .bitSequence(let bits): return bits.description
        }
    }
}
