// SCALE conformances of Result, tuples (via parameter packs), fixed arrays
// and the unit type.

extension Result: ScaleEncodable where Success: ScaleEncodable, Failure: ScaleEncodable {
    /// `Result<T, E>`: 0x00 then the success value, 0x01 then the error.
    public func encode(to encoder: inout ScaleEncoder) {
        switch self {
        case .success(let v):
            encoder.appendByte(0)
            v.encode(to: &encoder)
        case .failure(let e):
            encoder.appendByte(1)
            e.encode(to: &encoder)
        }
    }
}

extension Result: ScaleDecodable where Success: ScaleDecodable, Failure: ScaleDecodable {
    public init(from decoder: inout ScaleDecoder) throws {
        let at = decoder.offset
        switch try decoder.readByte() {
        case 0: self = .success(try Success(from: &decoder))
        case 1: self = .failure(try Failure(from: &decoder))
        default:
            decoder.offset = at
            throw ScaleError.invalidValue(offset: at, expected: "Result tag 0 (Ok) or 1 (Err)")
        }
    }
}

extension ScaleEncoder {
    /// A tuple `(A, B, ...)`: the fields one after another, no prefix.
    public mutating func encodeTuple<each T: ScaleEncodable>(_ value: (repeat each T)) {
        repeat (each value).encode(to: &self)
    }

    /// A fixed-size array `[T; N]`: the elements with no length prefix.
    public mutating func encodeFixedArray<T: ScaleEncodable>(_ elements: [T]) {
        if T.self == UInt8.self, let raw = elements as? [UInt8] {
            bytes.append(contentsOf: raw)
            return
        }
        for e in elements { e.encode(to: &self) }
    }
}

extension ScaleDecoder {
    /// Decodes a tuple `(A, B, ...)`, fields in order.
    public mutating func decodeTuple<each T: ScaleDecodable>(_ types: repeat (each T).Type) throws -> (repeat each T) {
        (repeat try decodeElement(each types))
    }

    @inline(__always)
    private mutating func decodeElement<T: ScaleDecodable>(_: T.Type) throws -> T {
        try T(from: &self)
    }

    /// Decodes a fixed-size array `[T; count]` (no length prefix); the count is
    /// checked against the remaining bytes before allocating.
    public mutating func decodeFixedArray<T: ScaleDecodable>(_: T.Type, count: Int) throws -> [T] {
        guard count >= 0 else { throw ScaleError.invalidValue(offset: offset, expected: "non-negative array length") }
        if T.self == UInt8.self { return try readBytes(count) as? [T] ?? [] }
        let (needed, overflow) = count.multipliedReportingOverflow(by: T.scaleMinimumSize)
        if overflow || needed > remaining {
            throw ScaleError.truncated(offset: offset, needed: overflow ? Int.max : needed, available: remaining)
        }
        var out: [T] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(try T(from: &self)) }
        return out
    }
}

@available(macOS 26.0, *)
extension InlineArray: ScaleEncodable where Element: ScaleEncodable {
    /// `[T; N]`: N elements, no length prefix.
    public func encode(to encoder: inout ScaleEncoder) {
        for i in indices { self[i].encode(to: &encoder) }
    }
}

@available(macOS 26.0, *)
extension InlineArray: ScaleDecodable where Element: ScaleDecodable {
    public init(from decoder: inout ScaleDecoder) throws {
        try decoder.require(Self.count * Element.scaleMinimumSize)
        self = try InlineArray { _ in try Element(from: &decoder) }
    }

    public static var scaleMinimumSize: Int { count * Element.scaleMinimumSize }
}

/// The unit type `()`, which encodes to no bytes (used as `Result<(), E>`'s success).
public struct ScaleUnit: ScaleCodable, Sendable, Hashable {
    public init() {}
    public init(from decoder: inout ScaleDecoder) throws {}
    public func encode(to encoder: inout ScaleEncoder) {}
    public static var scaleMinimumSize: Int { 0 }
}
