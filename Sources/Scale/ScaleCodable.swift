/// A value with a SCALE encoding (the Substrate wire format, PROTOCOL.md §1).
public protocol ScaleEncodable {
    func encode(to encoder: inout ScaleEncoder)
}

/// A value that can be read back from its SCALE encoding; throws `ScaleError`
/// on bad input, never traps.
public protocol ScaleDecodable {
    init(from decoder: inout ScaleDecoder) throws
    /// The fewest bytes any encoding of this type takes; used to reject
    /// collection lengths the remaining input cannot hold before allocating.
    static var scaleMinimumSize: Int { get }
}

extension ScaleDecodable {
    /// One byte by default: almost every SCALE value takes at least one.
    /// Types whose encoding can be empty (unit, empty tuples) override with 0.
    public static var scaleMinimumSize: Int { 1 }
}

/// Both directions; most SCALE types in khalatop are read and written.
public typealias ScaleCodable = ScaleEncodable & ScaleDecodable
