/// Reads SCALE-encoded values from a byte buffer, front to back.
///
/// Every read checks the remaining bytes first and throws `ScaleError`
/// (never traps); lengths are checked before anything is allocated.
public struct ScaleDecoder: Sendable {
    public let bytes: [UInt8]
    /// Position of the next byte to read; callers may move it (to re-read or
    /// skip), and it is kept within `0...bytes.count` so no read can go outside.
    public var offset: Int {
        didSet { if UInt(bitPattern: offset) > UInt(bytes.count) { offset = min(max(0, offset), bytes.count) } }
    }
    /// Current nesting depth of dynamic/recursive decoding (guards recursion bombs).
    public var depth: Int = 0

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.offset = 0
    }

    public init(_ bytes: [UInt8], offset: Int) {
        self.bytes = bytes
        self.offset = min(max(0, offset), bytes.count)
    }

    /// Bytes not yet read.
    @inlinable public var remaining: Int { bytes.count - offset }
    @inlinable public var isAtEnd: Bool { offset >= bytes.count }

    @inlinable
    public mutating func decode<T: ScaleDecodable>(_ type: T.Type = T.self) throws -> T {
        try T(from: &self)
    }

    /// Throws `.truncated` unless `count` bytes remain.
    @inlinable
    public func require(_ count: Int) throws {
        if count > remaining || count < 0 {
            throw ScaleError.truncated(offset: offset, needed: count, available: remaining)
        }
    }

    @inlinable
    public mutating func readByte() throws -> UInt8 {
        guard offset < bytes.count else {
            throw ScaleError.truncated(offset: offset, needed: 1, available: 0)
        }
        let b = bytes[offset]
        offset += 1
        return b
    }

    @inlinable
    public mutating func readBytes(_ count: Int) throws -> [UInt8] {
        try require(count)
        let start = offset
        let out = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBufferPointer { source in
                if count > 0, let dst = buffer.baseAddress, let src = source.baseAddress {
                    dst.update(from: src + start, count: count)
                }
            }
            initialized = count
        }
        offset += count
        return out
    }

    /// Advances past `count` bytes without copying them.
    @inlinable
    public mutating func skip(_ count: Int) throws {
        try require(count)
        offset += count
    }

    /// Reads a little-endian fixed-width unsigned integer of `byteCount` bytes.
    @inlinable
    public mutating func readLittleEndian<T: FixedWidthInteger & UnsignedInteger>(_: T.Type, byteCount: Int) throws -> T {
        try require(byteCount)
        var v: T = 0
        var i = byteCount - 1
        while i >= 0 {
            v = (v << 8) | T(bytes[offset + i])
            i -= 1
        }
        offset += byteCount
        return v
    }

    /// Reads a compact-encoded unsigned integer that must fit in 64 bits.
    public mutating func decodeCompactUInt64() throws -> UInt64 {
        let start = offset
        let v = try decodeCompactUInt128()
        guard v <= UInt128(UInt64.max) else {
            throw ScaleError.invalidValue(offset: start, expected: "compact integer fitting in 64 bits")
        }
        return UInt64(v)
    }

    /// Reads a compact-encoded unsigned integer (all four modes, big-integer up to u128).
    /// Non-canonical encodings (a value encoded in a longer mode than needed) are rejected,
    /// as parity-scale-codec does.
    public mutating func decodeCompactUInt128() throws -> UInt128 {
        let start = offset
        let first = try readByte()
        switch first & 0b11 {
        case 0b00:
            return UInt128(first >> 2)
        case 0b01:
            let second = try readByte()
            let v = (UInt16(second) << 8 | UInt16(first)) >> 2
            guard v > 0b0011_1111 else {
                throw ScaleError.invalidValue(offset: start, expected: "canonical compact (two-byte mode for value > 63)")
            }
            return UInt128(v)
        case 0b10:
            offset = start
            let raw = try readLittleEndian(UInt32.self, byteCount: 4)
            let v = raw >> 2
            guard v > 0b0011_1111_1111_1111 else {
                offset = start
                throw ScaleError.invalidValue(offset: start, expected: "canonical compact (four-byte mode for value > 16383)")
            }
            return UInt128(v)
        default:
            let count = Int(first >> 2) + 4
            guard count <= 16 else {
                offset = start
                throw ScaleError.invalidValue(offset: start, expected: "compact big-integer of at most 16 bytes, found \(count)")
            }
            let v = try readLittleEndian(UInt128.self, byteCount: count)
            // Canonical: the top byte must be non-zero and the value must need this mode.
            let minimum: UInt128 = count == 4 ? (1 << 30) : (UInt128(1) << UInt128((count - 1) * 8))
            guard v >= minimum else {
                offset = start
                throw ScaleError.invalidValue(offset: start, expected: "canonical compact big-integer of \(count) bytes")
            }
            return v
        }
    }

    /// Reads a compact length prefix and checks it against the remaining bytes
    /// (each element needs at least one byte).
    public mutating func decodeCompactLength() throws -> Int {
        try decodeCompactLength(minimumElementSize: 1)
    }

    /// Reads a compact length prefix of a collection whose elements need at least
    /// `minimumElementSize` bytes each; fails fast before any allocation when
    /// the remaining input cannot hold that many.
    @inlinable
    public mutating func decodeCompactLength(minimumElementSize: Int) throws -> Int {
        let start = offset
        let n: UInt128
        if start < bytes.count, bytes[start] & 0b11 != 0b11 {
            n = UInt128(try decodeCompactUInt32())
        } else {
            n = try decodeCompactUInt128()
        }
        let minSize = UInt128(max(0, minimumElementSize))
        let (needed, overflow) = n.multipliedReportingOverflow(by: minSize)
        // Zero-sized elements take no input, so cap their count instead.
        let cap: UInt128 = minSize == 0 ? 1 << 20 : UInt128(Int32.max)
        if overflow || needed > UInt128(remaining) || n > cap {
            let remainingAfterPrefix = remaining
            offset = start
            throw ScaleError.lengthTooLarge(offset: start, claimed: UInt64(clamping: n), remaining: remainingAfterPrefix)
        }
        return Int(n)
    }

    /// Throws `.trailingBytes` unless every byte was consumed.
    public func requireAtEnd() throws {
        if !isAtEnd { throw ScaleError.trailingBytes(offset: offset, remaining: remaining) }
    }
}

extension ScaleDecoder {
    /// Reads a compact integer that must fit in 32 bits (type ids, indices);
    /// a fast path for the one-, two- and four-byte modes.
    @inlinable
    public mutating func decodeCompactUInt32() throws -> UInt32 {
        if offset + 4 <= bytes.count, bytes[offset] & 0b11 == 0b10 {
            let start = offset
            let raw = UInt32(bytes[start]) | UInt32(bytes[start + 1]) << 8 | UInt32(bytes[start + 2]) << 16
                | UInt32(bytes[start + 3]) << 24
            let v = raw >> 2
            guard v > 0x3FFF else {
                throw ScaleError.invalidValue(offset: start, expected: "canonical compact (four-byte mode for value > 16383)")
            }
            offset = start + 4
            return v
        }
        let start = offset
        guard start < bytes.count else { throw ScaleError.truncated(offset: start, needed: 1, available: 0) }
        let first = bytes[start]
        switch first & 0b11 {
        case 0b00:
            offset = start + 1
            return UInt32(first >> 2)
        case 0b01:
            guard start + 2 <= bytes.count else {
                throw ScaleError.truncated(offset: start, needed: 2, available: bytes.count - start)
            }
            let v = (UInt32(bytes[start + 1]) << 8 | UInt32(first)) >> 2
            guard v > 0x3F else {
                throw ScaleError.invalidValue(offset: start, expected: "canonical compact (two-byte mode for value > 63)")
            }
            offset = start + 2
            return v
        default:
            let v = try decodeCompactUInt128()
            guard let r = UInt32(exactly: v) else {
                offset = start
                throw ScaleError.invalidValue(offset: start, expected: "compact integer fitting in 32 bits")
            }
            return r
        }
    }
}
