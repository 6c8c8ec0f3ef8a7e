import Testing
import TestSupport
@testable import Scale

/// `scale_compact` and `scale_fixed` of reference-vectors.json, computed by
/// independent implementations.
@Suite struct ReferenceVectorTests {
    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func compactVectors() throws {
        let vectors = try #require(try Fixtures.referenceVectors()["scale_compact"] as? [String: String])
        #expect(vectors.count >= 12)
        for (decimal, hex) in vectors {
            let value = try #require(UInt128(decimal))
            var e = ScaleEncoder()
            e.encodeCompact(value)
            #expect(Hex.encode(e.bytes) == hex, "compact \(decimal)")
            #expect(try scaleDecode(Compact<UInt128>.self, from: Hex.decode(hex)).value == value)
        }
    }

    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func fixedVectors() throws {
        let vectors = try #require(try Fixtures.referenceVectors()["scale_fixed"] as? [String: String])
        func check<T: ScaleCodable & Equatable>(_ name: String, _ value: T) throws {
            let hex = try #require(vectors[name], "missing vector \(name)")
            #expect(Hex.encode(scaleEncoded(value)) == hex, "\(name)")
            #expect(try scaleDecode(T.self, from: Hex.decode(hex)) == value, "\(name)")
        }
        try check("u8 255", UInt8(255))
        try check("u16 513", UInt16(513))
        try check("u32 16777216", UInt32(16_777_216))
        try check("u64 2^40+1", UInt64(1 << 40 + 1))
        try check("u128 1e18", UInt128(1_000_000_000_000_000_000))
        try check("i32 -1", Int32(-1))
        try check("bool true", true)
        try check("Option<u32> None", UInt32?.none)
        try check("Option<u32> 7", UInt32?.some(7))
        try check("Vec<u8> 01 02 03", [UInt8]([1, 2, 3]))
        try check("String 'Khala'", "Khala")
        try check("Vec<u32> [1,2]", [UInt32]([1, 2]))
        #expect(vectors.count == 12, "a new vector was added; cover it here")
    }
}
