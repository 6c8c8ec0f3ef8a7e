/// Why protobuf bytes could not be read; `offset` is where in the message.
public enum ProtobufError: Error, Sendable, Equatable {
    /// The message ends inside a field (tag, varint or length-delimited body).
    case truncated(offset: Int)
    /// A varint longer than 10 bytes or overflowing 64 bits.
    case varintTooLong(offset: Int)
    /// A wire type this reader does not know (3/4 groups are deprecated and refused).
    case unsupportedWireType(Int, offset: Int)
    /// A field has the wrong wire type for its declared protobuf type.
    case wrongWireType(field: UInt32, expected: String, offset: Int)
    /// Nested messages deeper than the reader allows.
    case tooDeep(offset: Int)
    /// A string field is not valid UTF-8.
    case invalidUTF8(field: UInt32)
}

/// Protobuf wire types (https://protobuf.dev/programming-guides/encoding/).
public enum ProtobufWireType: Int, Sendable {
    case varint = 0, fixed64 = 1, lengthDelimited = 2, fixed32 = 5
}

/// One field as read off the wire: number, wire type and payload.
public struct ProtobufField: Sendable, Equatable {
    public var number: UInt32
    public var wireType: ProtobufWireType
    /// The varint, or the fixed32/fixed64 bits.
    public var scalar: UInt64
    /// The body of a length-delimited field (bytes, string, nested message).
    public var bytes: [UInt8]
    /// Offset of the field's tag in the message.
    public var offset: Int

    public func bool() throws(ProtobufError) -> Bool { try varint() != 0 }

    public func uint64() throws(ProtobufError) -> UInt64 { try varint() }

    /// `uint32`: proto3 truncates a wider varint to its low 32 bits.
    public func uint32() throws(ProtobufError) -> UInt32 { UInt32(truncatingIfNeeded: try varint()) }

    /// `int32`: negative values travel as 10-byte two's-complement varints.
    public func int32() throws(ProtobufError) -> Int32 { Int32(truncatingIfNeeded: Int64(bitPattern: try varint())) }

    public func data() throws(ProtobufError) -> [UInt8] {
        guard wireType == .lengthDelimited else {
            throw .wrongWireType(field: number, expected: "length-delimited", offset: offset)
        }
        return bytes
    }

    public func string() throws(ProtobufError) -> String {
        let b = try data()
        guard let s = String(validating: b, as: UTF8.self) else { throw .invalidUTF8(field: number) }
        return s
    }

    private func varint() throws(ProtobufError) -> UInt64 {
        guard wireType == .varint else { throw .wrongWireType(field: number, expected: "varint", offset: offset) }
        return scalar
    }
}

/// Reads the fields of one protobuf message, in wire order, without a schema.
///
/// The pRuntime's prpc API speaks protobuf by default (PROTOCOL.md §5.1; PB
/// crates/phactory/api/proto/pruntime_rpc.proto). Every length is checked
/// against the bytes left before anything is copied, so hostile input gives a
/// typed error, never a trap or a huge allocation.
public struct ProtobufReader: Sendable {
    let bytes: [UInt8]
    public private(set) var offset = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var isAtEnd: Bool { offset >= bytes.count }

    /// All fields of the message.
    public static func fields(of bytes: [UInt8]) throws(ProtobufError) -> [ProtobufField] {
        var reader = ProtobufReader(bytes)
        var out: [ProtobufField] = []
        while let f = try reader.next() { out.append(f) }
        return out
    }

    /// The next field, or nil at the end of the message.
    public mutating func next() throws(ProtobufError) -> ProtobufField? {
        guard !isAtEnd else { return nil }
        let start = offset
        let key = try readVarint()
        let number = UInt32(truncatingIfNeeded: key >> 3)
        guard let type = ProtobufWireType(rawValue: Int(key & 7)) else {
            throw .unsupportedWireType(Int(key & 7), offset: start)
        }
        switch type {
        case .varint:
            return ProtobufField(number: number, wireType: type, scalar: try readVarint(), bytes: [], offset: start)
        case .fixed64:
            return ProtobufField(number: number, wireType: type, scalar: try readFixed(8), bytes: [], offset: start)
        case .fixed32:
            return ProtobufField(number: number, wireType: type, scalar: try readFixed(4), bytes: [], offset: start)
        case .lengthDelimited:
            let length = try readVarint()
            guard length <= UInt64(bytes.count - offset) else { throw .truncated(offset: offset) }
            let n = Int(length)
            let body = Array(bytes[offset..<offset + n])
            offset += n
            return ProtobufField(number: number, wireType: type, scalar: length, bytes: body, offset: start)
        }
    }

    mutating func readVarint() throws(ProtobufError) -> UInt64 {
        let start = offset
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count else { throw .truncated(offset: offset) }
            let byte = bytes[offset]
            offset += 1
            if shift == 63, byte > 1 { throw .varintTooLong(offset: start) }
            value |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
            if shift > 63 { throw .varintTooLong(offset: start) }
        }
    }

    mutating func readFixed(_ count: Int) throws(ProtobufError) -> UInt64 {
        guard bytes.count - offset >= count else { throw .truncated(offset: offset) }
        var value: UInt64 = 0
        for k in 0..<count { value |= UInt64(bytes[offset + k]) << (8 * UInt64(k)) }
        offset += count
        return value
    }
}

/// Writes protobuf fields (the subset the pRuntime messages use).
public struct ProtobufWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func varint(_ field: UInt32, _ value: UInt64) {
        key(field, .varint)
        writeVarint(value)
    }

    public mutating func bool(_ field: UInt32, _ value: Bool) { varint(field, value ? 1 : 0) }

    /// `int32` as proto3 writes it (negative = 10-byte sign extension).
    public mutating func int32(_ field: UInt32, _ value: Int32) {
        varint(field, UInt64(bitPattern: Int64(value)))
    }

    public mutating func data(_ field: UInt32, _ value: [UInt8]) {
        key(field, .lengthDelimited)
        writeVarint(UInt64(value.count))
        bytes += value
    }

    public mutating func string(_ field: UInt32, _ value: String) { data(field, Array(value.utf8)) }

    mutating func key(_ field: UInt32, _ type: ProtobufWireType) {
        writeVarint(UInt64(field) << 3 | UInt64(type.rawValue))
    }

    mutating func writeVarint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7f) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }
}
