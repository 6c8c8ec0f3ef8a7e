/// Appends SCALE encodings of values to a growing byte buffer.
///
/// Encoding cannot fail: every Swift value of a supported type has exactly
/// one SCALE encoding.
public struct ScaleEncoder: Sendable {
    public var bytes: [UInt8]

    public init() { bytes = [] }

    public init(reservingCapacity capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    @inlinable
    public mutating func encode<T: ScaleEncodable>(_ value: T) {
        value.encode(to: &self)
    }

    @inlinable
    public mutating func append(_ raw: some Sequence<UInt8>) {
        bytes.append(contentsOf: raw)
    }

    @inlinable
    public mutating func appendByte(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends the low `byteCount` bytes of `value`, little-endian.
    @inlinable
    public mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T, byteCount: Int) {
        var v = value
        for _ in 0..<byteCount {
            bytes.append(UInt8(truncatingIfNeeded: v))
            v = v >> 8
        }
    }

    /// Compact encoding (single-byte, two-byte, four-byte or big-integer mode).
    public mutating func encodeCompact(_ v: UInt64) {
        if v <= 0x3F {
            bytes.append(UInt8(v) << 2)
        } else if v <= 0x3FFF {
            appendLittleEndian(UInt16(v) << 2 | 0b01, byteCount: 2)
        } else if v <= 0x3FFF_FFFF {
            appendLittleEndian(UInt32(v) << 2 | 0b10, byteCount: 4)
        } else {
            encodeCompactBig(UInt128(v))
        }
    }

    public mutating func encodeCompact(_ v: UInt128) {
        if v <= UInt128(UInt64.max) {
            encodeCompact(UInt64(v))
        } else {
            encodeCompactBig(v)
        }
    }

    public mutating func encodeCompact(_ v: Int) {
        encodeCompact(UInt64(clamping: v))
    }

    private mutating func encodeCompactBig(_ v: UInt128) {
        let byteCount = max(4, (UInt128.bitWidth - v.leadingZeroBitCount + 7) / 8)
        bytes.append(UInt8((byteCount - 4) << 2) | 0b11)
        appendLittleEndian(v, byteCount: byteCount)
    }
}

/// The SCALE encoding of `v`.
public func scaleEncoded<T: ScaleEncodable>(_ v: T) -> [UInt8] {
    var e = ScaleEncoder()
    v.encode(to: &e)
    return e.bytes
}

/// Decodes a `T` from `bytes`, requiring every byte to be consumed.
public func scaleDecode<T: ScaleDecodable>(_ t: T.Type, from bytes: [UInt8]) throws -> T {
    var d = ScaleDecoder(bytes)
    let v = try T(from: &d)
    try d.requireAtEnd()
    return v
}
