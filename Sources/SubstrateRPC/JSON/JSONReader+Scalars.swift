/// Strings and numbers: the hot paths of frame parsing (hex payloads are long strings).
extension JSONReader {
    /// Parses a string starting at the opening quote.
    mutating func parseString() throws(JSONParseError) -> String {
        let start = index + 1
        var i = start
        var asciiOnly = true
        // Fast path: scan to the closing quote; no escapes means one slice.
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<i])
                index = i + 1
                if asciiOnly { return String(decoding: slice, as: UTF8.self) }
                guard let s = String(validating: slice, as: UTF8.self) else { throw fail(.invalidUTF8, at: start) }
                return s
            }
            if c == UInt8(ascii: "\\") { break }
            if c < 0x20 { throw fail(.controlCharacterInString, at: i) }
            if c >= 0x80 { asciiOnly = false }
            i += 1
        }
        guard i < bytes.count else { throw fail(.unexpectedEnd(expected: "'\"'"), at: i) }
        return try parseEscapedString(start: start, firstEscape: i)
    }

    /// Slow path for strings with escapes: copies into a buffer, then validates UTF-8.
    mutating func parseEscapedString(start: Int, firstEscape: Int) throws(JSONParseError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(firstEscape - start + 16)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<firstEscape]))
        var i = firstEscape
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                index = i + 1
                guard let s = String(validating: out, as: UTF8.self) else { throw fail(.invalidUTF8, at: start) }
                return s
            }
            if c < 0x20 { throw fail(.controlCharacterInString, at: i) }
            if c != UInt8(ascii: "\\") {
                out.append(c)
                i += 1
                continue
            }
            guard i + 1 < bytes.count else { throw fail(.unexpectedEnd(expected: "an escape"), at: i + 1) }
            let e = bytes[i + 1]
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                let scalar = try parseUnicodeEscape(at: i)
                appendUTF8(scalar.value, to: &out)
                i = index
                continue
            default: throw fail(.invalidEscape, at: i)
            }
            i += 2
        }
        throw fail(.unexpectedEnd(expected: "'\"'"), at: i)
    }

    /// Reads `\uXXXX` (and its low-surrogate partner) at `at`; leaves `index` after it.
    mutating func parseUnicodeEscape(at escape: Int) throws(JSONParseError) -> Unicode.Scalar {
        let high = try hex4(at: escape + 2)
        var end = escape + 6
        var value = UInt32(high)
        if (0xD800...0xDBFF).contains(high) {
            guard end + 1 < bytes.count, bytes[end] == UInt8(ascii: "\\"), bytes[end + 1] == UInt8(ascii: "u") else {
                throw fail(.invalidUnicodeEscape, at: escape)
            }
            let low = try hex4(at: end + 2)
            guard (0xDC00...0xDFFF).contains(low) else { throw fail(.invalidUnicodeEscape, at: end) }
            value = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            end += 6
        } else if (0xDC00...0xDFFF).contains(high) {
            throw fail(.invalidUnicodeEscape, at: escape)
        }
        guard let scalar = Unicode.Scalar(value) else { throw fail(.invalidUnicodeEscape, at: escape) }
        index = end
        return scalar
    }

    func hex4(at offset: Int) throws(JSONParseError) -> UInt16 {
        guard offset + 4 <= bytes.count else { throw fail(.unexpectedEnd(expected: "4 hex digits"), at: bytes.count) }
        var v: UInt16 = 0
        for k in 0..<4 {
            let c = bytes[offset + k]
            let d: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10
            default: throw fail(.invalidUnicodeEscape, at: offset + k)
            }
            v = v << 4 | UInt16(d)
        }
        return v
    }

    func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Parses a number per the RFC 8259 grammar; 64-bit integers stay exact.
    mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        let start = index
        var i = index
        let negative = bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        @inline(__always) func isDigit(_ k: Int) -> Bool {
            k < bytes.count && bytes[k] >= UInt8(ascii: "0") && bytes[k] <= UInt8(ascii: "9")
        }
        guard isDigit(i) else { throw fail(.invalidNumber, at: start) }
        var magnitude: UInt64 = 0
        var overflow = false
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if isDigit(i) { throw fail(.invalidNumber, at: start) }  // leading zero
        } else {
            while isDigit(i) {
                let (m1, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (m2, o2) = m1.addingReportingOverflow(UInt64(bytes[i] - UInt8(ascii: "0")))
                overflow = overflow || o1 || o2
                magnitude = m2
                i += 1
            }
        }
        var integral = true
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            integral = false
            i += 1
            guard isDigit(i) else { throw fail(.invalidNumber, at: start) }
            while isDigit(i) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            integral = false
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard isDigit(i) else { throw fail(.invalidNumber, at: start) }
            while isDigit(i) { i += 1 }
        }
        index = i
        if integral && !overflow {
            if !negative { return JSONNumber(magnitude) }
            if magnitude <= UInt64(Int64.max) { return .int(-Int64(magnitude)) }
            if magnitude == UInt64(Int64.max) + 1 { return .int(Int64.min) }
        }
        return .text(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
    }
}
