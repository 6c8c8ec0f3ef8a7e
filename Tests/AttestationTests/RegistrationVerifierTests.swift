import ChainCrypto
import Foundation
import Scale
import Testing
import TestSupport
@testable import Attestation

/// Deciding a registration locally as the chain would (issue 8; PB registry.rs
/// `register_worker_v2`, utils/attestation.rs `validate`): dev-mode `None`
/// only where NoneAttestation is enabled, real IAS and DCAP reports checked
/// through to their commitment, tampering refused, para id and relay genesis.
struct RegistrationVerifierTests {
    static let kusama = try! Hex.decode("b0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe")

    static func info(paraId: UInt32 = 2004, genesis: [UInt8] = kusama) -> WorkerRegistrationInfoV2 {
        WorkerRegistrationInfoV2(version: 2 << 16 | 2 << 8, machineId: [], pubkey: [UInt8](repeating: 7, count: 32),
                                 ecdhPubkey: [UInt8](repeating: 8, count: 32), genesisBlockHash: genesis,
                                 features: [4, 1], operatorAccount: [UInt8](repeating: 9, count: 32), paraId: paraId,
                                 maxConsensusVersion: 0)
    }

    static let devRules = RegistrationVerifier.ChainRules(pRuntimeAllowList: [], noneAttestationEnabled: true,
                                                          paraId: 2004, relayGenesisAllowList: [kusama])

    @Test func devModeNoneIsAcceptedOnlyWhereTheChainEnablesIt() {
        let encoded = scaleEncoded(Self.info())
        let ok = RegistrationVerifier.verify(encodedRuntimeInfo: encoded, encodedAttestation: [0], atUnixSeconds: 1,
                                             rules: Self.devRules)
        #expect(ok.status == .unattested && ok.isAccepted && ok.confidenceLevel == 128 && ok.provider == nil)
        #expect(ok.registrationInfo == Self.info())
        #expect(ok.lines.contains { $0.contains("pRuntime 2.2.0") })
        var khala = Self.devRules
        khala.noneAttestationEnabled = false
        let refused = RegistrationVerifier.verify(encodedRuntimeInfo: encoded, encodedAttestation: [0], atUnixSeconds: 1,
                                                  rules: khala)
        #expect(refused.status == .refused(.attestation(.noneAttestationDisabled)) && !refused.isAccepted)
        #expect(refused.lines.last?.hasPrefix("REFUSED:") == true)
    }

    @Test func paraIdAndRelayGenesisAreCheckedAfterTheAttestation() {
        let wrongPara = RegistrationVerifier.verify(encodedRuntimeInfo: scaleEncoded(Self.info(paraId: 2035)),
                                                    encodedAttestation: [0], atUnixSeconds: 1, rules: Self.devRules)
        #expect(wrongPara.status == .refused(.paraIdMismatch(found: 2035, expected: 2004)))
        let otherRelay = [UInt8](repeating: 3, count: 32)
        let wrongRelay = RegistrationVerifier.verify(encodedRuntimeInfo: scaleEncoded(Self.info(genesis: otherRelay)),
                                                     encodedAttestation: [0], atUnixSeconds: 1, rules: Self.devRules)
        #expect(wrongRelay.status == .refused(.genesisHashRejected(otherRelay)))
        // Attestation failures come first, as in the pallet.
        var khala = Self.devRules
        khala.noneAttestationEnabled = false
        let both = RegistrationVerifier.verify(encodedRuntimeInfo: scaleEncoded(Self.info(paraId: 2035)),
                                               encodedAttestation: [0], atUnixSeconds: 1, rules: khala)
        #expect(both.status == .refused(.attestation(.noneAttestationDisabled)))
    }

    @Test func malformedMaterialIsRefusedNotTrapped() {
        let encoded = scaleEncoded(Self.info())
        for cut in 0..<encoded.count {
            let v = RegistrationVerifier.verify(encodedRuntimeInfo: Array(encoded.prefix(cut)), encodedAttestation: [0],
                                                atUnixSeconds: 1, rules: Self.devRules)
            guard case .refused(.malformedRuntimeInfo) = v.status else {
                Issue.record("cut \(cut): \(v.status)")
                continue
            }
        }
        for bad: [UInt8] in [[], [2], [1], [1, 2], [1, 0, 0xff], [0, 0], [1, 1, 0, 1, 5]] {
            let v = RegistrationVerifier.verify(encodedRuntimeInfo: encoded, encodedAttestation: bad, atUnixSeconds: 1,
                                                rules: Self.devRules)
            guard case .refused(.attestation(.malformed)) = v.status else {
                Issue.record("\(bad): \(v.status)")
                continue
            }
        }
    }

    // MARK: real reports (../shared/fixtures)

    static func iasAttestation(_ file: String = "ias_report_phala_pruntime_2021-09-12.json") throws -> (AttestationReport, [UInt8]) {
        let report = AttestationReport.sgxIas(try IASSignedReport(json: Fixtures.bytes(file)))
        return (report, AttestationReport.encodeOptional(report))
    }

    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func realIASReportPassesIntelsChecksAndIsRefusedOnlyForTheCommitment() throws {
        let (report, encoded) = try Self.iasAttestation()
        #expect(try AttestationReport.decodeOptional(encoded) == report)
        guard case .sgxIas(let ias) = report else { return }
        let pRuntimeHash = try IASVerifier.verify(ias, atUnixSeconds: IASVerifierTests.phalaTimestamp).pRuntimeHash
        var rules = Self.devRules
        rules.pRuntimeAllowList = [pRuntimeHash]
        let info = Self.info()
        let v = RegistrationVerifier.verify(encodedRuntimeInfo: scaleEncoded(info), encodedAttestation: encoded,
                                            atUnixSeconds: IASVerifierTests.phalaTimestamp, rules: rules)
        // Signature, chain to Intel's CA, quote status, allow list and age all pass; the report
        // commits to another worker's info (report data 3178d13c… from the fixture README).
        let found = try Hex.decode("3178d13cb51f21159337cbe864c13ea2dff17dd5d49da05db3b53c1f0ff23e8c")
        #expect(v.status == .refused(.attestation(.reportDataMismatch(expected: info.reportDataHash, found: found))))
        #expect(v.report == report)
        // Not on the allow list: PRuntimeRejected's cause.
        rules.pRuntimeAllowList = []
        let notAllowed = RegistrationVerifier.verify(encodedRuntimeInfo: scaleEncoded(info), encodedAttestation: encoded,
                                                     atUnixSeconds: IASVerifierTests.phalaTimestamp, rules: rules)
        #expect(notAllowed.status == .refused(.attestation(.pRuntimeNotAllowed(hash: pRuntimeHash))))
        // Today the Intel signing certificate has expired (2026-11-20).
        let today = RegistrationVerifier.verify(encodedRuntimeInfo: scaleEncoded(info), encodedAttestation: encoded,
                                                atUnixSeconds: IASFailureTests.today, rules: rules)
        guard case .refused(.attestation(.certificateExpired)) = today.status else {
            Issue.record("expected certificateExpired, got \(today.status)")
            return
        }
    }

    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func tamperedIASReportIsRefusedAsAlteredEvenWhenNoneWouldBeAccepted() throws {
        let (report, _) = try Self.iasAttestation()
        guard case .sgxIas(var ias) = report else { return }
        // Bump the quote status text's first letter: the bytes Intel signed changed.
        let text = String(decoding: ias.reportBytes, as: UTF8.self)
        let range = try #require(text.range(of: "SW_HARDENING_NEEDED"))
        let offset = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
        ias.reportBytes[offset] = UInt8(ascii: "O")
        let encoded = AttestationReport.encodeOptional(.sgxIas(ias))
        let v = RegistrationVerifier.verify(encodedRuntimeInfo: scaleEncoded(Self.info()), encodedAttestation: encoded,
                                            atUnixSeconds: IASVerifierTests.phalaTimestamp, rules: Self.devRules)
        #expect(v.status == .refused(.attestation(.signatureInvalid)))
        #expect(!v.isAccepted)
    }

    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func dcapReportWithCollateralRoundTripsAndVerifiesToItsCommitment() throws {
        let quote = try DCAPVerifierTests.quote()
        let collateral = try DCAPVerifierTests.collateral()
        let report = AttestationReport.sgxDcap(quote: quote, collateral: collateral)
        let encoded = AttestationReport.encodeOptional(report)
        #expect(Array(encoded.prefix(2)) == [1, 1])
        #expect(try AttestationReport.decodeOptional(encoded) == report)
        let v = RegistrationVerifier.verify(encodedRuntimeInfo: scaleEncoded(Self.info()), encodedAttestation: encoded,
                                            atUnixSeconds: DCAPVerifierTests.upstreamNow,
                                            rules: .init(noneAttestationEnabled: false, paraId: 2004))
        guard case .refused(.attestation(.reportDataMismatch(_, let found))) = v.status else {
            Issue.record("expected reportDataMismatch, got \(v.status)")
            return
        }
        #expect(Array(found.prefix(13)) == Array("Hello, world!".utf8))
        // Without collateral the pallet answers UnsupportedAttestationType.
        let bare = AttestationReport.encodeOptional(.sgxDcap(quote: quote, collateral: nil))
        let noCollateral = RegistrationVerifier.verify(encodedRuntimeInfo: scaleEncoded(Self.info()), encodedAttestation: bare,
                                                       atUnixSeconds: DCAPVerifierTests.upstreamNow, rules: Self.devRules)
        #expect(noCollateral.status == .refused(.attestation(.collateralMissing)))
    }

    /// Our `Option<AttestationReport>` bytes decode through the real Khala 1251 metadata's
    /// type for `register_worker_v2`'s attestation argument (metadata-driven, not our codec).
    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func attestationBytesDecodeAsThe1251MetadataType() throws {
        let md = try RuntimeMetadataV14(bytes: Fixtures.bytes("khala_metadata_spec1251.scale"))
        let call = try #require(md.call(pallet: "PhalaRegistry", name: "register_worker_v2"))
        #expect(call.fields.map(\.name) == ["pruntime_info", "attestation"])
        let codec = DynamicCodec(registry: md.registry)
        let (_, encoded) = try Self.iasAttestation()
        let value = try codec.decode(type: call.fields[1].type, from: encoded)
        guard case .variant("Some", _, let some) = value, case .variant("SgxIas", _, let fields)? = some.first?.value else {
            Issue.record("decoded as \(value)")
            return
        }
        #expect(fields.map(\.name) == ["ra_report", "signature", "raw_signing_cert"])
        #expect(try codec.encode(value, type: call.fields[1].type) == encoded)
        let none = try codec.decode(type: call.fields[1].type, from: [0])
        guard case .variant("None", _, _) = none else { Issue.record("None decoded as \(none)"); return }
        // And the registration info as its V2 type.
        let info = try codec.decode(type: call.fields[0].type, from: scaleEncoded(Self.info()))
        #expect(try codec.encode(info, type: call.fields[0].type) == scaleEncoded(Self.info()))
    }
}
