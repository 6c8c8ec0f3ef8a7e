// SCALE conformances of the fixed-width integers and Bool:
// little-endian, two's complement for signed (PROTOCOL.md §1).

/// Fixed-width integers encode as their `bitWidth / 8` little-endian bytes.
public protocol ScaleFixedWidthInteger: FixedWidthInteger, ScaleCodable {}

extension ScaleFixedWidthInteger {
    @inlinable
    public func encode(to encoder: inout ScaleEncoder) {
        encoder.appendLittleEndian(self, byteCount: Self.bitWidth / 8)
    }

    @inlinable
    public static var scaleMinimumSize: Int { Self.bitWidth / 8 }
}

extension ScaleFixedWidthInteger where Self: UnsignedInteger {
    @inlinable
    public init(from decoder: inout ScaleDecoder) throws {
        self = try decoder.readLittleEndian(Self.self, byteCount: Self.bitWidth / 8)
    }
}

extension UInt8: ScaleFixedWidthInteger {
    @inlinable
    public init(from decoder: inout ScaleDecoder) throws { self = try decoder.readByte() }
    @inlinable
    public func encode(to encoder: inout ScaleEncoder) { encoder.appendByte(self) }
}
extension UInt16: ScaleFixedWidthInteger {}
extension UInt32: ScaleFixedWidthInteger {}
extension UInt64: ScaleFixedWidthInteger {}
extension UInt128: ScaleFixedWidthInteger {}

extension Int8: ScaleFixedWidthInteger {
    @inlinable
    public init(from decoder: inout ScaleDecoder) throws { self = Int8(bitPattern: try decoder.readByte()) }
}
extension Int16: ScaleFixedWidthInteger {
    @inlinable
    public init(from decoder: inout ScaleDecoder) throws { self = Int16(bitPattern: try UInt16(from: &decoder)) }
}
extension Int32: ScaleFixedWidthInteger {
    @inlinable
    public init(from decoder: inout ScaleDecoder) throws { self = Int32(bitPattern: try UInt32(from: &decoder)) }
}
extension Int64: ScaleFixedWidthInteger {
    @inlinable
    public init(from decoder: inout ScaleDecoder) throws { self = Int64(bitPattern: try UInt64(from: &decoder)) }
}
extension Int128: ScaleFixedWidthInteger {
    @inlinable
    public init(from decoder: inout ScaleDecoder) throws { self = Int128(bitPattern: try UInt128(from: &decoder)) }
}

extension Bool: ScaleCodable {
    @inlinable
    public init(from decoder: inout ScaleDecoder) throws {
        let at = decoder.offset
        switch try decoder.readByte() {
        case 0: self = false
        case 1: self = true
        default:
            decoder.offset = at
            throw ScaleError.invalidValue(offset: at, expected: "bool (0x00 or 0x01)")
        }
    }

    @inlinable
    public func encode(to encoder: inout ScaleEncoder) { encoder.appendByte(self ? 1 : 0) }
}
