import Testing
@testable import MiningCore

@Suite struct UInt256Tests {
    @Test func bigAndLittleEndianRoundTrip() throws {
        let bytes = (0..<32).map { UInt8($0) }
        let be = try UInt256(bigEndianBytes: bytes)
        #expect(be.bigEndianBytes == bytes)
        #expect(be.l3 == 0x0001_0203_0405_0607)
        #expect(be.l0 == 0x1819_1a1b_1c1d_1e1f)
        let le = try UInt256(littleEndianBytes: bytes)
        #expect(le.littleEndianBytes == bytes)
        #expect(le.l0 == 0x0706_0504_0302_0100)
    }

    @Test func wrongLengthIsATypedError() {
        #expect(throws: MiningCoreError.wrongLength(what: "U256 (big-endian)", expected: 32, actual: 31)) {
            try UInt256(bigEndianBytes: [UInt8](repeating: 1, count: 31))
        }
        #expect(throws: MiningCoreError.self) { try UInt256(littleEndianBytes: [UInt8]()) }
    }

    @Test func decimalRoundTripAndLimits() throws {
        let max = "115792089237316195423570985008687907853269984665640564039457584007913129639935"
        #expect(UInt256.max.description == max)
        #expect(UInt256(decimal: max) == .max)
        #expect(UInt256(decimal: max + "0") == nil)
        #expect(UInt256(decimal: "12a") == nil)
        #expect(UInt256(decimal: "") == nil)
        #expect(UInt256.zero.description == "0")
        #expect(UInt256(decimal: "18446744073709551616") == UInt256(l0: 0, l1: 1, l2: 0, l3: 0))
    }

    @Test func shiftsMatchMultiplicationByPowersOfTwo() {
        let x = UInt256(l0: 0xdead_beef, l1: 0x1234, l2: 0, l3: 0)
        #expect((x << 64) == UInt256(l0: 0, l1: 0xdead_beef, l2: 0x1234, l3: 0))
        #expect(((x << 100) >> 100) == x)
        #expect((x << 3) == x.multipliedReportingOverflow(by: 8).partialValue)
        #expect((UInt256.max >> 255) == UInt256(1))
        #expect((UInt256.max >> 256) == .zero)
        #expect((UInt256.max << 256) == .zero)
        #expect((UInt256.max >> 24).l3 == 0x0000_00ff_ffff_ffff)
    }

    @Test func multiplyReportsOverflow() {
        #expect(UInt256.max.multipliedReportingOverflow(by: 2).overflow)
        #expect(!(UInt256.max >> 1).multipliedReportingOverflow(by: 2).overflow)
        #expect(UInt256(3).multipliedReportingOverflow(by: 5).partialValue == UInt256(15))
    }

    @Test func orderingIsNumeric() {
        #expect(UInt256(l0: .max, l1: 0, l2: 0, l3: 0) < UInt256(l0: 0, l1: 1, l2: 0, l3: 0))
        #expect(UInt256(l0: 0, l1: 0, l2: 0, l3: 1) > UInt256(l0: .max, l1: .max, l2: .max, l3: 0))
        #expect(UInt256(5) <= UInt256(5))
    }
}
