// SCALE conformances of String, Vec (Array) and Option (Optional).

extension String: ScaleCodable {
    /// A compact byte length followed by UTF-8; invalid UTF-8 is an error, not a repair.
    public init(from decoder: inout ScaleDecoder) throws {
        let n = try decoder.decodeCompactLength()
        let start = decoder.offset
        // ASCII (most names and docs) needs no validation; anything else must be valid UTF-8.
        let decoded: String? = decoder.bytes.withUnsafeBufferPointer { all in
            let raw = UnsafeBufferPointer(rebasing: all[start..<(start + n)])
            var high: UInt8 = 0
            for b in raw { high |= b }
            if high < 0x80 { return String(decoding: raw, as: UTF8.self) }
            return String(validating: raw, as: UTF8.self)
        }
        guard let s = decoded else {
            throw ScaleError.invalidValue(offset: start, expected: "UTF-8 string of \(n) bytes")
        }
        decoder.offset += n
        self = s
    }

    public func encode(to encoder: inout ScaleEncoder) {
        let utf8 = self.utf8
        encoder.encodeCompact(UInt64(utf8.count))
        encoder.append(utf8)
    }
}

extension Array: ScaleEncodable where Element: ScaleEncodable {
    /// `Vec<T>`: compact element count, then the elements. `[UInt8]` takes a bulk path.
    @inlinable
    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encodeCompact(UInt64(count))
        if Element.self == UInt8.self, let raw = self as? [UInt8] {
            encoder.append(raw)
            return
        }
        for e in self { e.encode(to: &encoder) }
    }
}

extension Array: ScaleDecodable where Element: ScaleDecodable {
    @inlinable
    public init(from decoder: inout ScaleDecoder) throws {
        if Element.self == UInt8.self {
            let n = try decoder.decodeCompactLength()
            let raw = try decoder.readBytes(n)
            // Same type, checked above: the cast cannot fail.
            self = raw as? [Element] ?? []
            return
        }
        let n = try decoder.decodeCompactLength(minimumElementSize: Element.scaleMinimumSize)
        var out: [Element] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try Element(from: &decoder)) }
        self = out
    }
}

extension Optional: ScaleEncodable where Wrapped: ScaleEncodable {
    /// `Option<T>`: 0x00 for None, 0x01 then the value; `Option<bool>` is the
    /// single byte 0x00 None, 0x01 Some(true), 0x02 Some(false).
    @inlinable
    public func encode(to encoder: inout ScaleEncoder) {
        if Wrapped.self == Bool.self {
            switch self.map({ $0 as? Bool }) {
            case .none, .some(.none): encoder.appendByte(0)
            case .some(.some(true)): encoder.appendByte(1)
            case .some(.some(false)): encoder.appendByte(2)
            }
            return
        }
        switch self {
        case .none: encoder.appendByte(0)
        case .some(let v):
            encoder.appendByte(1)
            v.encode(to: &encoder)
        }
    }
}

extension Optional: ScaleDecodable where Wrapped: ScaleDecodable {
    @inlinable
    public init(from decoder: inout ScaleDecoder) throws {
        let at = decoder.offset
        let tag = try decoder.readByte()
        if Wrapped.self == Bool.self {
            let b: Bool?
            switch tag {
            case 0: b = nil
            case 1: b = true
            case 2: b = false
            default:
                decoder.offset = at
                throw ScaleError.invalidValue(offset: at, expected: "Option<bool> tag 0, 1 or 2")
            }
            self = b as? Wrapped
            return
        }
        switch tag {
        case 0: self = .none
        case 1: self = .some(try Wrapped(from: &decoder))
        default:
            decoder.offset = at
            throw ScaleError.invalidValue(offset: at, expected: "Option tag 0 or 1")
        }
    }
}
