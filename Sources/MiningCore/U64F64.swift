/// An unsigned fixed-point number with 64 integer and 64 fractional bits,
/// stored as its bits (`U64F64Bits = u128`, §1): V, Ve, rho, slash_rate,
/// budget_per_block and the other tokenomic parameters (§1.2, §4.4).
///
/// Arithmetic follows the `fixed` crate the chain uses: multiplication and
/// division keep the full-width intermediate and truncate the result
/// (round toward zero); overflow is reported, never trapped.
public struct U64F64: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The value × 2^64.
    public var bits: UInt128

    public init(bits: UInt128) { self.bits = bits }

    /// An exact integer value.
    public init(integer: UInt64) { bits = UInt128(integer) << 64 }

    public static let zero = U64F64(bits: 0)
    public static let one = U64F64(integer: 1)
    public static let max = U64F64(bits: .max)

    /// The integer part (floor).
    public var integerPart: UInt64 { UInt64(truncatingIfNeeded: bits >> 64) }

    /// The fractional bits.
    public var fractionBits: UInt64 { UInt64(truncatingIfNeeded: bits) }

    /// Approximate value for display and estimates (53-bit mantissa).
    public var doubleValue: Double {
        // Two word conversions: much cheaper than the generic UInt128 → Double.
        Double(integerPart) + Double(fractionBits) / 18446744073709551616.0
    }

    /// The nearest representable value to a Double (non-finite or negative → 0,
    /// too large → max). For estimates only; never used where the chain is exact.
    public init(approximately x: Double) {
        guard x.isFinite, x > 0 else { self = .zero; return }
        let scaled = x * 18446744073709551616.0
        guard scaled < 3.4028236692093846e38 else { self = .max; return }
        bits = UInt128(scaled.rounded())
    }

    /// Parses a non-negative decimal literal ("1.5", "0.0000033333333333333240063")
    /// rounding to the nearest 2^-64, as the `fixed_macro` literals in the
    /// chain's source do. Nil for malformed or out-of-range text.
    public init?(decimal text: String) {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let intText = parts.first, !(intText.isEmpty && parts.count == 1) else { return nil }
        let fracText = parts.count == 2 ? parts[1] : ""
        guard intText.allSatisfy(\.isASCII), fracText.allSatisfy(\.isASCII),
              intText.allSatisfy(\.isNumber), fracText.allSatisfy(\.isNumber),
              !(intText.isEmpty && fracText.isEmpty) else { return nil }
        let integer: UInt64
        if intText.isEmpty { integer = 0 } else {
            guard let i = UInt64(intText) else { return nil }
            integer = i
        }
        // Keep at most 38 fraction digits (10^38 < 2^127, so doubling cannot overflow).
        let digits = fracText.prefix(38)
        var numerator: UInt128 = 0
        var denominator: UInt128 = 1
        for d in digits.utf8 {
            numerator = numerator * 10 + UInt128(d - 0x30)
            denominator *= 10
        }
        // Binary long division: 64 fraction bits, then round to nearest.
        var frac: UInt64 = 0
        for _ in 0..<64 {
            numerator <<= 1
            frac <<= 1
            if numerator >= denominator { frac |= 1; numerator -= denominator }
        }
        var result = UInt128(integer) << 64 | UInt128(frac)
        if numerator << 1 >= denominator {
            guard result < .max else { return nil }
            result += 1
        }
        bits = result
    }

    /// Shortest-ish decimal rendering with up to 18 fraction digits, for logs
    /// and tests; displays use `doubleValue` or `planck`.
    public var description: String {
        var out = String(integerPart)
        var frac = UInt128(fractionBits)
        guard frac != 0 else { return out }
        out += "."
        var digits = 0
        while frac != 0, digits < 18 {
            frac *= 10
            out += String(UInt64(truncatingIfNeeded: frac >> 64))
            frac &= UInt128(UInt64.max)
            digits += 1
        }
        return out
    }

    public static func < (a: U64F64, b: U64F64) -> Bool { a.bits < b.bits }
}
