import Scale

extension SgxV30QuoteCollateral: ScaleCodable {
    /// Decodes the nine fields in order (Strings and Vec<u8> are compact-length prefixed).
    public init(from decoder: inout ScaleDecoder) throws {
        pckCrlIssuerChain = try decoder.decode(String.self)
        rootCaCrl = try decoder.decode(String.self)
        pckCrl = try decoder.decode(String.self)
        tcbInfoIssuerChain = try decoder.decode(String.self)
        tcbInfo = try decoder.decode(String.self)
        tcbInfoSignature = try decoder.decode([UInt8].self)
        qeIdentityIssuerChain = try decoder.decode(String.self)
        qeIdentity = try decoder.decode(String.self)
        qeIdentitySignature = try decoder.decode([UInt8].self)
    }

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encode(pckCrlIssuerChain)
        encoder.encode(rootCaCrl)
        encoder.encode(pckCrl)
        encoder.encode(tcbInfoIssuerChain)
        encoder.encode(tcbInfo)
        encoder.encode(tcbInfoSignature)
        encoder.encode(qeIdentityIssuerChain)
        encoder.encode(qeIdentity)
        encoder.encode(qeIdentitySignature)
    }

    /// Decodes the SCALE bytes of a collateral file (raw, or hex text); every byte must be consumed.
    public init(scaleBytes: [UInt8]) throws(AttestationError) {
        do {
            self = try scaleDecode(SgxV30QuoteCollateral.self, from: AttestationDocument.decodingHexText(scaleBytes))
        } catch let error as ScaleError {
            throw .malformed(what: "DCAP collateral (SgxV30QuoteCollateral): \(error)")
        } catch {
            throw .malformed(what: "DCAP collateral (SgxV30QuoteCollateral): \(error)")
        }
    }
}
