/// A minimal DER reader for the SGX certificate extension (§5.4).
///
/// The PCK certificate carries FMSPC and the platform TCB inside the Intel
/// extension 1.2.840.113741.1.13.1 as nested `SEQUENCE { OID, value }`
/// pairs. OpenSSL does not know that structure, so it is read here, with
/// every length checked against the bytes present.
struct DERElement: Sendable, Equatable {
    let tag: UInt8
    let content: ArraySlice<UInt8>

    static let sequenceTag: UInt8 = 0x30
    static let oidTag: UInt8 = 0x06
    static let integerTag: UInt8 = 0x02
    static let octetStringTag: UInt8 = 0x04
    static let enumeratedTag: UInt8 = 0x0a

    /// Reads consecutive elements covering all of `bytes`.
    static func parseAll(_ bytes: ArraySlice<UInt8>, what: String) throws(AttestationError) -> [DERElement] {
        var out: [DERElement] = []
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let tag = bytes[i]
            guard tag & 0x1f != 0x1f else { throw .malformed(what: "\(what): multi-byte DER tag") }
            i += 1
            guard i < bytes.endIndex else { throw .malformed(what: "\(what): DER length missing") }
            var length = Int(bytes[i])
            i += 1
            if length & 0x80 != 0 {
                let n = length & 0x7f
                guard n >= 1, n <= 4, bytes.endIndex - i >= n else {
                    throw .malformed(what: "\(what): bad DER long-form length")
                }
                length = 0
                for _ in 0..<n {
                    length = length << 8 | Int(bytes[i])
                    i += 1
                }
            }
            guard length <= bytes.endIndex - i else {
                throw .malformed(what: "\(what): DER element claims \(length) bytes, \(bytes.endIndex - i) remain")
            }
            out.append(DERElement(tag: tag, content: bytes[i..<(i + length)]))
            i += length
        }
        return out
    }

    /// The children of a SEQUENCE.
    func children(what: String) throws(AttestationError) -> [DERElement] {
        guard tag == Self.sequenceTag else { throw .malformed(what: "\(what): expected a DER SEQUENCE") }
        return try Self.parseAll(content, what: what)
    }

    /// A non-negative INTEGER (or ENUMERATED) that fits in 32 bits.
    func unsignedValue(what: String) throws(AttestationError) -> UInt32 {
        guard tag == Self.integerTag || tag == Self.enumeratedTag, let first = content.first, first & 0x80 == 0 else {
            throw .malformed(what: "\(what): expected a non-negative DER INTEGER")
        }
        let significant = content.drop { $0 == 0 }
        guard significant.count <= 4 else { throw .malformed(what: "\(what): integer too large") }
        return significant.reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// DER content bytes of an OBJECT IDENTIFIER given in dotted form.
    static func oidContent(_ dotted: String) -> [UInt8] {
        let arcs = dotted.split(separator: ".").compactMap { UInt64($0) }
        guard arcs.count >= 2 else { return [] }
        var out: [UInt8] = [UInt8(truncatingIfNeeded: arcs[0] * 40 + arcs[1])]
        for arc in arcs.dropFirst(2) {
            var chunk: [UInt8] = [UInt8(arc & 0x7f)]
            var v = arc >> 7
            while v > 0 {
                chunk.insert(UInt8(v & 0x7f) | 0x80, at: 0)
                v >>= 7
            }
            out += chunk
        }
        return out
    }

    /// In a SEQUENCE of `SEQUENCE { OID, value }`, the value for `oid`.
    static func lookup(_ oid: String, in pairs: [DERElement], what: String) throws(AttestationError) -> DERElement {
        let wanted = oidContent(oid)
        for pair in pairs {
            let parts = try pair.children(what: what)
            guard parts.count == 2, parts[0].tag == oidTag else {
                throw .malformed(what: "\(what): expected SEQUENCE { OID, value }")
            }
            if Array(parts[0].content) == wanted { return parts[1] }
        }
        throw .malformed(what: "\(what): OID \(oid) missing")
    }
}
