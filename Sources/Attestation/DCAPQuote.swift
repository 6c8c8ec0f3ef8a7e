/// An SGX ECDSA (DCAP) quote, version 3 (§5.4; Intel's "SGX ECDSA Quote Library" layout).
///
/// Header (48 bytes: version, attestation key type, TEE type, QE SVN, PCE SVN,
/// QE vendor id, user data), the 384-byte enclave report, then a u32 length and
/// the signature data: ISV report signature (64, r‖s), attestation key (64, x‖y),
/// QE report (384), QE report signature (64), QE auth data (u16 length + bytes),
/// certification data (u16 type, u32 size, bytes). All integers little-endian.
/// Bytes after the declared signature data are ignored, as upstream's decoder does.
public struct DCAPQuote: Sendable, Equatable {
    public static let headerByteCount = 48
    /// Bytes covered by the ISV report signature (header + enclave report).
    public static let signedByteCount = 432

    public let version: UInt16
    public let attestationKeyType: UInt16
    public let teeType: UInt32
    public let qeSvn: UInt16
    public let pceSvn: UInt16
    public let qeVendorId: [UInt8]
    public let userData: [UInt8]
    public let report: EnclaveReport
    /// Quote bytes 0..432, which the attestation key signs.
    public let signedBytes: [UInt8]
    public let isvReportSignature: [UInt8]
    public let attestationKey: [UInt8]
    public let qeReport: EnclaveReport
    public let qeReportSignature: [UInt8]
    public let qeAuthData: [UInt8]
    public let certificationDataType: UInt16
    public let certificationData: [UInt8]

    /// Parses a quote; only version 3 with an ECDSA-P256 key (type 2) is accepted, as on chain.
    public init(bytes: [UInt8]) throws(AttestationError) {
        var reader = ByteReader(bytes: bytes, what: "DCAP quote")
        version = try reader.u16()
        guard version == 3 else { throw .unsupportedQuoteVersion(version) }
        attestationKeyType = try reader.u16()
        guard attestationKeyType == 2 else { throw .unsupportedAttestationKeyType(attestationKeyType) }
        teeType = try reader.u32()
        qeSvn = try reader.u16()
        pceSvn = try reader.u16()
        qeVendorId = try reader.bytes(16, field: "QE vendor id")
        userData = try reader.bytes(20, field: "user data")
        report = try EnclaveReport(bytes: reader.bytes(EnclaveReport.byteCount, field: "enclave report"))
        signedBytes = Array(bytes[0..<Self.signedByteCount])

        let signatureDataLength = Int(try reader.u32())
        var auth = ByteReader(bytes: try reader.bytes(signatureDataLength, field: "signature data"),
                              what: "DCAP quote signature data")
        isvReportSignature = try auth.bytes(64, field: "ISV report signature")
        attestationKey = try auth.bytes(64, field: "attestation key")
        qeReport = try EnclaveReport(bytes: auth.bytes(EnclaveReport.byteCount, field: "QE report"))
        qeReportSignature = try auth.bytes(64, field: "QE report signature")
        qeAuthData = try auth.bytes(Int(try auth.u16()), field: "QE auth data")
        certificationDataType = try auth.u16()
        certificationData = try auth.bytes(Int(try auth.u32()), field: "certification data")
    }

    /// The quick check for "is this a DCAP quote": version 3, key type 2.
    public static func looksLikeQuote(_ bytes: [UInt8]) -> Bool {
        bytes.count >= signedByteCount && bytes[0] == 3 && bytes[1] == 0 && bytes[2] == 2 && bytes[3] == 0
    }
}

/// Little-endian cursor over bytes whose every read is bounds-checked.
struct ByteReader {
    let bytes: [UInt8]
    let what: String
    var offset = 0

    init(bytes: [UInt8], what: String) {
        self.bytes = bytes
        self.what = what
    }

    mutating func bytes(_ count: Int, field: String) throws(AttestationError) -> [UInt8] {
        guard count >= 0, count <= bytes.count - offset else {
            throw .malformed(what: "\(what): \(field) needs \(count) bytes at offset \(offset), \(bytes.count - offset) remain")
        }
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }

    mutating func u16() throws(AttestationError) -> UInt16 {
        let b = try bytes(2, field: "u16")
        return UInt16(b[0]) | UInt16(b[1]) << 8
    }

    mutating func u32() throws(AttestationError) -> UInt32 {
        let b = try bytes(4, field: "u32")
        return b.enumerated().reduce(0) { $0 | UInt32($1.element) << (8 * UInt32($1.offset)) }
    }
}
