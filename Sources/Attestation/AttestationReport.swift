import Scale

/// The chain's `AttestationReport` (PROTOCOL.md §1.6, §5): what
/// `register_worker_v2` takes, as `Box<Option<AttestationReport>>`, and what
/// pRuntime hands out SCALE-encoded in `GetRuntimeInfo`'s `encoded_report`.
///
/// Variants: 0 `SgxIas {ra_report, signature, raw_signing_cert}` (all `Vec<u8>`),
/// 1 `SgxDcap {quote: Vec<u8>, collateral: Option<Collateral>}` with
/// `Collateral` = 0 `SgxV30(SgxV30QuoteCollateral)` (absent before spec ~1260).
public enum AttestationReport: Sendable, Equatable {
    case sgxIas(IASSignedReport)
    case sgxDcap(quote: [UInt8], collateral: SgxV30QuoteCollateral?)

    public var provider: AttestationProvider {
        switch self {
        case .sgxIas: return .ias
        case .sgxDcap: return .dcap
        }
    }

    /// Decodes SCALE `Option<AttestationReport>`, consuming every byte; nil is `None` (dev mode).
    public static func decodeOptional(_ bytes: [UInt8]) throws(AttestationError) -> AttestationReport? {
        do {
            return try scaleDecode(Optional<AttestationReport>.self, from: bytes)
        } catch let error as AttestationError {
            throw error
        } catch {
            throw .malformed(what: "attestation (SCALE Option<AttestationReport>): \(error)")
        }
    }

    /// SCALE `Option<AttestationReport>` of `report`.
    public static func encodeOptional(_ report: AttestationReport?) -> [UInt8] { scaleEncoded(report) }

    /// Verifies at `atUnixSeconds` (the block time) as the chain does (§5.2, §5.4).
    public func verify(atUnixSeconds now: Int64, policy: AttestationPolicy) throws(AttestationError) -> AttestationOutcome {
        switch self {
        case .sgxIas(let report):
            return try IASVerifier.verify(report, atUnixSeconds: now, policy: policy)
        case .sgxDcap(let quote, let collateral):
            // The pallet refuses a DCAP quote without SgxV30 collateral (UnsupportedAttestationType).
            guard let collateral else { throw .collateralMissing }
            return try DCAPVerifier.verify(quote: quote, collateral: collateral, atUnixSeconds: now, policy: policy)
        }
    }
}

extension AttestationReport: ScaleCodable {
    public init(from decoder: inout ScaleDecoder) throws {
        let at = decoder.offset
        switch try decoder.readByte() {
        case 0:
            let report = try decoder.decode([UInt8].self)
            let signature = try decoder.decode([UInt8].self)
            let cert = try decoder.decode([UInt8].self)
            self = .sgxIas(IASSignedReport(reportBytes: report, signature: signature, signingCertificateDER: cert))
        case 1:
            let quote = try decoder.decode([UInt8].self)
            let tagAt = decoder.offset
            switch try decoder.readByte() {
            case 0:
                self = .sgxDcap(quote: quote, collateral: nil)
            case 1:
                let variantAt = decoder.offset
                guard try decoder.readByte() == 0 else {
                    throw ScaleError.invalidValue(offset: variantAt, expected: "Collateral variant 0 (SgxV30)")
                }
                self = .sgxDcap(quote: quote, collateral: try decoder.decode(SgxV30QuoteCollateral.self))
            default:
                throw ScaleError.invalidValue(offset: tagAt, expected: "Option<Collateral> tag 0 or 1")
            }
        default:
            throw ScaleError.invalidValue(offset: at, expected: "AttestationReport variant 0 (SgxIas) or 1 (SgxDcap)")
        }
    }

    public func encode(to encoder: inout ScaleEncoder) {
        switch self {
        case .sgxIas(let r):
            encoder.append([0])
            encoder.encode(r.reportBytes)
            encoder.encode(r.signature)
            encoder.encode(r.signingCertificateDER)
        case .sgxDcap(let quote, let collateral):
            encoder.append([1])
            encoder.encode(quote)
            if let collateral {
                encoder.append([1, 0])
                encoder.encode(collateral)
            } else {
                encoder.append([0])
            }
        }
    }
}
