import Attestation
import Scale
import Testing
import TestSupport
@testable import Devnet

/// `register_worker_v2` with a DCAP attestation (`SgxDcap {quote, collateral:
/// Some(SgxV30)}`, PROTOCOL.md §5.4) on the devnet: the 1251 runtime cannot
/// even decode the call; after the runtime upgrade the real quote and
/// collateral (fixtures) are verified with the Attestation module at block
/// time and refused only for the reason the chain would give, named through
/// the new runtime's error enum (`InvalidDCAPQuote` at 13, §1.6).
@Suite(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
struct DCAPRegistrationTests {
    /// Upstream `dcap::test::could_parse` time: the fixture's TCB info is current.
    static let quoteTime: Int64 = 1_699_301_000
    let quote: [UInt8]
    let collateralBytes: [UInt8]
    let pRuntimeHash: [UInt8]

    init() throws {
        quote = try Fixtures.bytes("dcap_quote_v3.bin")
        collateralBytes = try Fixtures.bytes("dcap_quote_collateral.scale")
        pRuntimeHash = try DCAPVerifier.verify(quote: quote, collateral: try SgxV30QuoteCollateral(scaleBytes: collateralBytes),
                                               atUnixSeconds: Self.quoteTime).pRuntimeHash
    }

    /// A chain whose next block runs the DCAP runtime (upgraded in block 1), or 1251.
    func chain(upgraded: Bool = true, allow: Bool = true, at seconds: Int64 = quoteTime) -> DevnetChain {
        var c = DevnetConfig()
        c.workers = 1
        c.genesisTimestampMs = UInt64(seconds) * 1000
        c.pruntimeAllowList = allow ? [pRuntimeHash] : []
        if upgraded { c.runtimeUpgrade = RuntimeUpgradePlan(atBlock: 1) }
        let chain = DevnetChain(config: c)
        chain.produceBlock()
        return chain
    }

    func call(collateral: Bool = true) -> [UInt8] {
        let info = Attestation.WorkerRegistrationInfoV2(
            version: 1, machineId: [1, 2], pubkey: [UInt8](repeating: 7, count: 32), ecdhPubkey: [UInt8](repeating: 8, count: 32),
            genesisBlockHash: DevnetChain.kusamaGenesis, features: [4, 1], operatorAccount: DevAccounts.publicKey("Alice"),
            paraId: 2004, maxConsensusVersion: 0)
        var e = ScaleEncoder()
        e.append([86, 7])
        e.encode(info)
        e.append([1, 1])  // Some(SgxDcap {
        e.encode(quote)
        if collateral { e.append([1, 0]); e.append(collateralBytes) } else { e.appendByte(0) }  // Some(SgxV30(..)) | None })
        return e.bytes
    }

    /// The error name as a client reading the executing runtime's metadata sees it.
    func outcome(_ chain: DevnetChain, _ call: [UInt8]) -> String? {
        do {
            try chain.dispatch(call: call, origin: DevAccounts.publicKey("Bob")!, unsigned: false)
            return nil
        } catch {
            guard case .module(let p, let i) = chain.runtime.reindex(error) else { return "\(error)" }
            return chain.runtime.metadata.error(palletIndex: p, errorIndex: i)?.error.name
        }
    }

    @Test func dcapRegistrationNeedsTheUpgradedRuntimeAndIsVerified() throws {
        #expect(outcome(chain(upgraded: false), call()) == "CallFiltered", "1251 has no SgxDcap variant")
        let upgraded = chain()
        #expect(upgraded.runtimeVersion.specVersion == 1252)
        // Signature chain, TCB and allow list pass; the quote commits to another worker's info.
        #expect(outcome(upgraded, call()) == "InvalidRuntimeInfoHash")
        #expect(outcome(chain(allow: false), call()) == "PRuntimeRejected")
        #expect(outcome(upgraded, call(collateral: false)) == "UnsupportedAttestationType")
        #expect(outcome(chain(at: 1_795_564_800), call()) == "InvalidDCAPQuote", "TCB info expired by now")
        // The new names really carry the new indices.
        let md = upgraded.runtime.metadata
        #expect(md.error(pallet: "PhalaRegistry", name: "UnsupportedAttestationType")?.index == 39)
        #expect(DevnetErrors.name(palletIndex: 86, errorIndex: 38)?.error == "InvalidDCAPQuote")
    }
}
