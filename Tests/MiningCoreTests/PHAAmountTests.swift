import Testing
@testable import MiningCore

/// §7: 12 decimals, exact formatting and parsing.
@Suite struct PHAAmountTests {
    @Test func standardFormatting() {
        #expect(PHA.format(1_234_500_000_000_000) == "1,234.5 PHA")
        #expect(PHA.format(0) == "0 PHA")
        #expect(PHA.format(1) == "0 PHA")  // below 4 shown digits: truncated, never rounded up
        #expect(PHA.format(999_999_999_999) == "0.9999 PHA")
        #expect(PHA.format(pha(1_000_000)) == "1,000,000 PHA")
        #expect(PHA.format(pha(100)) == "100 PHA")
        #expect(PHA.format(pha(999)) == "999 PHA")
    }

    @Test func exactFormattingKeepsEveryPlanck() {
        #expect(PHA.format(1, .exact) == "0.000000000001")
        #expect(PHA.format(1_234_500_000_000_001, .exact) == "1234.500000000001")
        #expect(PHA.format(UInt128.max, .exact) == "340282366920938463463374607.431768211455")
    }

    @Test func options() {
        let fixed2 = PHA.FormatOptions(maxFractionDigits: 2, minFractionDigits: 2, grouping: false, symbol: false)
        #expect(PHA.format(1_234_500_000_000_000, fixed2) == "1234.50")
        #expect(PHA.format(pha(3), fixed2) == "3.00")
        let none = PHA.FormatOptions(maxFractionDigits: 0, grouping: true, symbol: true)
        #expect(PHA.format(1_999_999_999_999_999, none) == "1,999 PHA")
        let silly = PHA.FormatOptions(maxFractionDigits: 40, minFractionDigits: -3)
        #expect(PHA.format(1, silly) == "0.000000000001 PHA")
    }

    @Test func parsing() throws {
        #expect(try PHA.parse("12.5") == 12_500_000_000_000)
        #expect(try PHA.parse("0.000000000001") == 1)
        #expect(try PHA.parse("  1,234.5 PHA ") == 1_234_500_000_000_000)
        #expect(try PHA.parse("1000000") == pha(1_000_000))
        #expect(try PHA.parse("5.") == pha(5))
        #expect(try PHA.parse(".5") == 500_000_000_000)
        #expect(try PHA.parse("0") == 0)
        #expect(try PHA.parse("12pha") == pha(12))
    }

    @Test func parsingRejects() {
        #expect(throws: AmountParseError.empty) { try PHA.parse("") }
        #expect(throws: AmountParseError.empty) { try PHA.parse(" PHA") }
        #expect(throws: AmountParseError.empty) { try PHA.parse(".") }
        #expect(throws: AmountParseError.tooManyDecimals(found: 13)) { try PHA.parse("0.0000000000001") }
        #expect(throws: AmountParseError.invalidCharacter("-", position: 0)) { try PHA.parse("-1") }
        #expect(throws: AmountParseError.invalidCharacter("e", position: 1)) { try PHA.parse("1e5") }
        #expect(throws: AmountParseError.invalidCharacter(".", position: 3)) { try PHA.parse("1.2.3") }
        #expect(throws: AmountParseError.self) { try PHA.parse("1,23") }
        #expect(throws: AmountParseError.self) { try PHA.parse("12,345,67.1") }
        #expect(throws: AmountParseError.self) { try PHA.parse(",123") }
        #expect(throws: AmountParseError.self) { try PHA.parse("1234,567") }
        #expect(throws: AmountParseError.tooLarge) { try PHA.parse("340282366920938463463374607.431768211456") }
        #expect(throws: AmountParseError.tooLarge) { try PHA.parse("999999999999999999999999999999999999999999") }
        #expect(throws: AmountParseError.self) { try PHA.parse("1\u{FE0F}\u{20E3}") }
    }

    @Test func parseThenFormatRoundTrips() throws {
        for text in ["0.000000000001", "1234.500000000001", "340282366920938463463374607.431768211455", "7"] {
            #expect(PHA.format(try PHA.parse(text), .exact) == text)
        }
    }
}
