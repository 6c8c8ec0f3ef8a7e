import Testing
@testable import Attestation

/// Quote body offsets of §5.2 and the two pRuntime hash byte orders (§5.2, §5.4).
struct QuoteLayoutTests {
    /// A 432-byte body where every byte holds its own offset (mod 256), with a few fields set.
    static func body() -> [UInt8] {
        var b = (0..<432).map { UInt8(truncatingIfNeeded: $0) }
        b[304] = 0x34; b[305] = 0x12  // isv_prod_id 0x1234 (LE)
        b[306] = 0x02; b[307] = 0x01  // isv_svn 0x0102
        return b
    }

    @Test func fieldsSitAtTheProtocolOffsets() throws {
        let bytes = Self.body()
        let quote = try EPIDQuoteBody(bytes: bytes)
        #expect(quote.version == 0x0100 && quote.signType == 0x0302)
        #expect(quote.epidGroupId == Array(bytes[4..<8]))
        #expect(quote.qeSvn == 0x0908 && quote.pceSvn == 0x0b0a)
        #expect(quote.basename == Array(bytes[16..<48]))
        let r = quote.report
        #expect(r.cpuSvn == Array(bytes[48..<64]))
        #expect(r.miscSelect == 0x4342_4140)
        #expect(r.attributes == Array(bytes[96..<112]))
        #expect(r.mrEnclave == Array(bytes[112..<144]))
        #expect(r.mrSigner == Array(bytes[176..<208]))
        #expect(r.configId == Array(bytes[240..<304]))
        #expect(r.isvProdId == 0x1234 && r.isvSvn == 0x0102)
        #expect(r.configSvn == UInt16(bytes[309]) << 8 | UInt16(bytes[308]))
        #expect(r.isvFamilyId == Array(bytes[352..<368]))
        #expect(r.reportData == Array(bytes[368..<432]))
        #expect(throws: AttestationError.malformed(what: "isvEnclaveQuoteBody: 431 bytes, expected 432")) {
            try EPIDQuoteBody(bytes: Array(bytes.dropLast()))
        }
    }

    @Test func pRuntimeHashByteOrders() throws {
        let bytes = Self.body()
        let report = try EPIDQuoteBody(bytes: bytes).report
        let ias = PRuntimeHash.ias(report)
        let dcap = PRuntimeHash.dcap(report)
        #expect(ias.count == 68 && dcap.count == 68)
        #expect(ias == Array(bytes[112..<144]) + [0x34, 0x12, 0x02, 0x01] + Array(bytes[176..<208]))
        #expect(dcap == Array(bytes[112..<144]) + [0x12, 0x34, 0x01, 0x02] + Array(bytes[176..<208]))
    }
}
