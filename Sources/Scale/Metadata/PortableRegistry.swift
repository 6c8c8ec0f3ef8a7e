/// The portable type registry of metadata V14: every type the runtime
/// exposes, addressed by id (PROTOCOL.md §1: e.g. WorkerInfoV2 is type 592
/// in spec 1251).
///
/// Ids are normally 0..<n in order; look-up is then an array index. Any
/// other id layout falls back to a dictionary.
public struct PortableRegistry: Sendable, Hashable {
    public private(set) var types: [PortableType]
    private var positionById: [UInt32: Int]?

    public init(types: [PortableType]) {
        self.types = types
        let sequential = types.enumerated().allSatisfy { UInt32($0.offset) == $0.element.id }
        if sequential {
            positionById = nil
        } else {
            var map: [UInt32: Int] = [:]
            for (i, t) in types.enumerated() where map[t.id] == nil { map[t.id] = i }
            positionById = map
        }
    }

    /// The type with this id, or nil.
    @inlinable
    public subscript(id: UInt32) -> PortableType? {
        if let i = position(of: id) { return types[i] }
        return nil
    }

    @usableFromInline
    func position(of id: UInt32) -> Int? {
        if let map = positionById { return map[id] }
        return Int(id) < types.count ? Int(id) : nil
    }

    /// The type with this id, or `ScaleError.unknownType`.
    public func type(_ id: UInt32, context: @autoclosure () -> String = "") throws -> PortableType {
        guard let t = self[id] else { throw ScaleError.unknownType(id: id, context: context()) }
        return t
    }

    /// The first type whose path joined with `::` equals `path`.
    public func type(path: String) -> PortableType? {
        types.first { $0.path.joined(separator: "::") == path }
    }
}

extension PortableRegistry: ScaleCodable {
    public init(from d: inout ScaleDecoder) throws {
        self.init(types: try d.decode([PortableType].self))
    }

    public func encode(to e: inout ScaleEncoder) {
        e.encode(types)
    }
}
