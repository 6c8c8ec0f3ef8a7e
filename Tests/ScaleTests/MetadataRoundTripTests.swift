import Testing
import TestSupport
@testable import Scale

@Suite struct MetadataRoundTripTests {
    static let fixture = "khala_metadata_spec1251.scale"

    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func khalaMetadataRoundTripsByteExact() throws {
        let raw = try Fixtures.bytes(Self.fixture)
        #expect(raw.count == 385_019)
        #expect(Array(raw.prefix(5)) == [0x6d, 0x65, 0x74, 0x61, 14])
        let metadata = try RuntimeMetadataV14(bytes: raw)
        #expect(metadata.registry.types.count > 500)
        #expect(metadata.pallets.count > 30)
        let again = metadata.encoded
        #expect(again.count == raw.count)
        #expect(again == raw)
        // And the re-decoded value is the same value.
        #expect(try RuntimeMetadataV14(bytes: again) == metadata)
    }

    @Test func rejectsWrongMagicAndVersion() {
        #expect(throws: ScaleError.invalidValue(offset: 0, expected: "metadata magic \"meta\" (0x6d657461)")) {
            try RuntimeMetadataV14(bytes: [0x6d, 0x65, 0x74, 0x62, 14, 0])
        }
        #expect(throws: ScaleError.invalidValue(offset: 4, expected: "metadata version 14, found 15")) {
            try RuntimeMetadataV14(bytes: [0x6d, 0x65, 0x74, 0x61, 15, 0])
        }
    }
}

@Suite struct OpaqueMetadataTests {
    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func opaqueMetadataIsUnwrapped() throws {
        let raw = try Fixtures.bytes("khala_metadata_spec1251.scale")
        let wrapped = scaleEncoded(raw)
        #expect(wrapped.count == raw.count + 4)
        let a = try RuntimeMetadataV14(opaqueBytes: wrapped)
        let b = try RuntimeMetadataV14(opaqueBytes: raw)
        #expect(a.encoded == raw && b.encoded == raw)
        #expect(throws: ScaleError.self) { try RuntimeMetadataV14(opaqueBytes: Array(wrapped.dropLast())) }
    }
}
