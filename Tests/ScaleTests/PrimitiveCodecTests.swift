import Testing
import TestSupport
@testable import Scale

@Suite struct PrimitiveCodecTests {
    @Test func fixedIntegersAreLittleEndian() throws {
        #expect(scaleEncoded(UInt16(513)) == [0x01, 0x02])
        #expect(scaleEncoded(Int32(-1)) == [0xff, 0xff, 0xff, 0xff])
        #expect(scaleEncoded(Int8(-2)) == [0xfe])
        #expect(try scaleDecode(Int64.self, from: scaleEncoded(Int64.min)) == Int64.min)
        #expect(try scaleDecode(UInt128.self, from: scaleEncoded(UInt128.max)) == UInt128.max)
        #expect(try scaleDecode(Int128.self, from: scaleEncoded(Int128.min)) == Int128.min)
        #expect(scaleEncoded(UInt128(1) << 64) == [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
    }

    @Test func boolAndOptionBool() throws {
        #expect(scaleEncoded(true) == [1])
        #expect(scaleEncoded(Bool?.none) == [0])
        #expect(scaleEncoded(Bool?.some(true)) == [1])
        #expect(scaleEncoded(Bool?.some(false)) == [2])
        #expect(try scaleDecode(Bool?.self, from: [2]) == false)
        #expect(try scaleDecode(Bool?.self, from: [0]) == nil)
        #expect(throws: ScaleError.invalidValue(offset: 0, expected: "Option<bool> tag 0, 1 or 2")) {
            try scaleDecode(Bool?.self, from: [3])
        }
        #expect(throws: ScaleError.self) { try scaleDecode(Bool.self, from: [2]) }
        #expect(scaleEncoded(UInt32?.some(7)) == [1, 7, 0, 0, 0])
        #expect(scaleEncoded(UInt32??.some(nil)) == [1, 0])
    }

    @Test func compactModesAndCanonicalForm() throws {
        for v: UInt128 in [0, 1, 63, 64, 16383, 16384, (1 << 30) - 1, 1 << 30, UInt128(UInt64.max), UInt128.max] {
            var e = ScaleEncoder()
            e.encodeCompact(v)
            var d = ScaleDecoder(e.bytes)
            #expect(try d.decodeCompactUInt128() == v)
            #expect(d.isAtEnd)
        }
        // Non-canonical: 1 encoded in two-byte mode.
        #expect(throws: ScaleError.self) { try scaleDecode(Compact<UInt32>.self, from: [0x05, 0x00]) }
        // Too big for the wrapped type.
        #expect(throws: ScaleError.self) { try scaleDecode(Compact<UInt8>.self, from: [0x01, 0x04]) }
        #expect(try scaleDecode(Compact<UInt8>.self, from: [0xfd, 0x03]).value == 255)
    }

    @Test func lengthClaimsFailFastBeforeAllocating() {
        // 4-byte compact claiming 2^30 - 1 elements with no bytes behind it.
        let huge: [UInt8] = [0xfe, 0xff, 0xff, 0xff]
        #expect(throws: ScaleError.lengthTooLarge(offset: 0, claimed: (1 << 30) - 1, remaining: 0)) {
            try scaleDecode([UInt64].self, from: huge)
        }
        #expect(throws: ScaleError.self) { try scaleDecode(String.self, from: huge) }
        // 10 u32 need 40 bytes; 12 available.
        #expect(throws: ScaleError.lengthTooLarge(offset: 0, claimed: 10, remaining: 12)) {
            try scaleDecode([UInt32].self, from: [40] + [UInt8](repeating: 0, count: 12))
        }
    }

    @Test func stringsAndVecs() throws {
        #expect(scaleEncoded("Khala") == [0x14, 0x4b, 0x68, 0x61, 0x6c, 0x61])
        #expect(try scaleDecode(String.self, from: [0x08, 0xc3, 0xa9]) == "é")
        #expect(throws: ScaleError.invalidValue(offset: 1, expected: "UTF-8 string of 1 bytes")) {
            try scaleDecode(String.self, from: [0x04, 0xff])
        }
        #expect(try scaleDecode([[UInt16]].self, from: scaleEncoded([[UInt16(1)], [], [2, 3]])) == [[1], [], [2, 3]])
        #expect(throws: ScaleError.trailingBytes(offset: 1, remaining: 1)) { try scaleDecode(UInt8.self, from: [1, 2]) }
        #expect(throws: ScaleError.truncated(offset: 0, needed: 4, available: 3)) {
            try scaleDecode(UInt32.self, from: [1, 2, 3])
        }
    }

    @Test func hexRoundTripAndErrors() throws {
        #expect(Hex.encode([0x00, 0xab, 0xff]) == "0x00abff")
        #expect(Hex.encode([0x0f], prefix: false) == "0f")
        #expect(try Hex.decode("0xABcd") == [0xab, 0xcd])
        #expect(try Hex.decode("") == [])
        #expect(try Hex.decode("0x") == [])
        #expect(throws: ScaleError.self) { try Hex.decode("0xabc") }
        #expect(throws: ScaleError.invalidHex(position: 3, reason: "not a hex digit")) { try Hex.decode("0xag") }
    }
}

@Suite struct DecoderOffsetTests {
    @Test func offsetStaysInsideTheBuffer() throws {
        var d = ScaleDecoder([1, 2, 3])
        d.offset = -5
        #expect(d.offset == 0)
        #expect(try d.readByte() == 1)
        d.offset = 99
        #expect(d.offset == 3 && d.isAtEnd && d.remaining == 0)
        #expect(throws: ScaleError.truncated(offset: 3, needed: 1, available: 0)) { try d.readByte() }
        d.offset = 1
        #expect(try d.readBytes(2) == [2, 3])
    }
}

@Suite struct Bytes32Tests {
    @Test func roundTripsAndOrdersLikeBytes() throws {
        var rng = SeededGenerator(seed: 40)
        var previous: (Bytes32, [UInt8])?
        for _ in 0..<300 {
            let raw = rng.bytes(32)
            let key = try #require(Bytes32(raw))
            #expect(key.bytes == raw)
            #expect(scaleEncoded(key) == raw)
            #expect(try scaleDecode(Bytes32.self, from: raw) == key)
            #expect(key.description == Hex.encode(raw))
            if let (p, pRaw) = previous {
                #expect((p < key) == pRaw.lexicographicallyPrecedes(raw))
            }
            previous = (key, raw)
        }
        #expect(Bytes32([1, 2]) == nil)
        #expect(throws: ScaleError.truncated(offset: 0, needed: 32, available: 31)) {
            try scaleDecode(Bytes32.self, from: [UInt8](repeating: 0, count: 31))
        }
        #expect(try scaleDecode([Bytes32].self, from: [4] + [UInt8](repeating: 7, count: 32)) == [Bytes32([UInt8](repeating: 7, count: 32))!])
        #expect(throws: ScaleError.self) { try scaleDecode([Bytes32].self, from: [8] + [UInt8](repeating: 7, count: 40)) }
    }
}
