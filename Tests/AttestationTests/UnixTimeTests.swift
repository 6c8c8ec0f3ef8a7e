import Testing
@testable import Attestation

/// RFC 3339 parsing as chrono's `parse_from_rfc3339` does it for the chain (§5.2, §5.4).
struct UnixTimeTests {
    // Expected values from `date -u -d ... +%s`.
    @Test(arguments: [
        ("2021-09-12T18:06:20.402478Z", Int64(1_631_469_980)),
        ("2023-10-18T09:01:15.022794Z", 1_697_619_675),
        ("2023-12-21T00:06:09Z", 1_703_117_169),
        ("1970-01-01T00:00:00Z", 0),
        ("2000-02-29T12:00:00Z", 951_825_600),
        ("2023-12-21T08:06:09+08:00", 1_703_117_169),
        ("2023-12-20T23:06:09-01:00", 1_703_117_169),
        ("2049-12-31t23:59:59z", 2_524_607_999),
    ])
    func parsesValidTimes(text: String, expected: Int64) {
        #expect(UnixTime.parseRFC3339(text) == expected)
    }

    @Test(arguments: [
        "", "2021-09-12T18:06:20.402478", "2021-09-12T18:06:20.402478ZZ", "2021-13-01T00:00:00Z",
        "2023-02-29T00:00:00Z", "2021-09-12T24:00:00Z", "2021-09-12T18:06:20.Z", "2021-9-12T18:06:20Z",
        "2021-09-12T18:06Z", "2021-09-12T18:06:20+0800", "abcd-09-12T18:06:20Z", "2021-09-12X18:06:20Z",
    ])
    func rejectsMalformedTimes(text: String) {
        #expect(UnixTime.parseRFC3339(text) == nil)
    }

    @Test func formatsAsUTC() {
        #expect(UnixTime.format(1_795_167_418) == "2026-11-20 09:36:58 UTC")
        #expect(UnixTime.format(0) == "1970-01-01 00:00:00 UTC")
        #expect(UnixTime.format(-1) == "1969-12-31 23:59:59 UTC")
    }

    @Test func civilRoundTripsOverFourCenturies() {
        for days in stride(from: Int64(-146_097), through: 146_097 * 2, by: 13) {
            let (y, m, d) = UnixTime.civilFromDays(days)
            #expect(UnixTime.daysFromCivil(year: y, month: m, day: d) == days)
        }
    }
}
