/// The SGX facts Intel puts in a PCK certificate (§5.4).
///
/// From extension 1.2.840.113741.1.13.1: FMSPC (sub-OID .4, 6 bytes) and the
/// platform TCB (sub-OID .2): PCE SVN (.2.17) and CPU SVN (.2.18, 16 bytes),
/// which select the TCB level in the TCB info.
public struct PCKExtensions: Sendable, Equatable {
    public static let sgxExtensionOID = "1.2.840.113741.1.13.1"

    /// Family-Model-Stepping-Platform-CustomSKU, 6 bytes.
    public var fmspc: [UInt8]
    /// The platform's PCE security version.
    public var pceSvn: UInt16
    /// The platform's 16 CPU security version components.
    public var cpuSvn: [UInt8]

    /// Reads the extension from the PCK leaf.
    init(certificate: X509Certificate) throws(AttestationError) {
        guard let raw = try certificate.extensionValue(oid: Self.sgxExtensionOID) else {
            throw .malformed(what: "PCK certificate has no SGX extension \(Self.sgxExtensionOID)")
        }
        try self.init(extensionDER: raw)
    }

    /// Parses the extension value (the DER inside the extension's OCTET STRING).
    init(extensionDER raw: [UInt8]) throws(AttestationError) {
        let what = "PCK certificate SGX extension"
        let top = try DERElement.parseAll(raw[...], what: what)
        guard top.count == 1 else { throw .malformed(what: "\(what): expected one SEQUENCE") }
        let pairs = try top[0].children(what: what)
        let base = Self.sgxExtensionOID
        let fmspcValue = try DERElement.lookup(base + ".4", in: pairs, what: what)
        guard fmspcValue.tag == DERElement.octetStringTag, fmspcValue.content.count == 6 else {
            throw .malformed(what: "\(what): FMSPC is not a 6-byte OCTET STRING")
        }
        let tcb = try DERElement.lookup(base + ".2", in: pairs, what: what).children(what: "\(what) TCB")
        let pce = try DERElement.lookup(base + ".2.17", in: tcb, what: "\(what) TCB")
        let pceValue = try pce.unsignedValue(what: "\(what) PCESVN")
        guard pceValue <= UInt32(UInt16.max) else { throw .malformed(what: "\(what): PCESVN above 65535") }
        let cpu = try DERElement.lookup(base + ".2.18", in: tcb, what: "\(what) TCB")
        guard cpu.tag == DERElement.octetStringTag, cpu.content.count == 16 else {
            throw .malformed(what: "\(what): CPUSVN is not a 16-byte OCTET STRING")
        }
        self.fmspc = Array(fmspcValue.content)
        self.pceSvn = UInt16(pceValue)
        self.cpuSvn = Array(cpu.content)
    }
}
