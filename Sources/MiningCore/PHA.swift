/// PHA amounts: 12 decimals, amounts kept in planck (`UInt128`, §7).
///
/// Formatting is exact integer arithmetic (no Double), and truncates rather
/// than rounds, so a balance is never shown larger than it is.
public enum PHA {
    /// 10^12 planck per PHA (`UNIT`, §7).
    public static let planckPerPHA: UInt128 = 1_000_000_000_000
    /// Decimal places of PHA (§7).
    public static let decimals = 12

    /// How to render an amount.
    public struct FormatOptions: Sendable, Equatable {
        /// Fraction digits kept (0...12); further digits are truncated.
        public var maxFractionDigits: Int
        /// Always show at least this many fraction digits (padded with zeros).
        public var minFractionDigits: Int
        /// Thousands separators in the integer part ("1,234").
        public var grouping: Bool
        /// Append " PHA".
        public var symbol: Bool

        public init(maxFractionDigits: Int = 4, minFractionDigits: Int = 0, grouping: Bool = true, symbol: Bool = true) {
            self.maxFractionDigits = maxFractionDigits
            self.minFractionDigits = minFractionDigits
            self.grouping = grouping
            self.symbol = symbol
        }

        /// Every planck shown, no separators, no symbol: "1234.500000000001".
        public static let exact = FormatOptions(maxFractionDigits: 12, grouping: false, symbol: false)
        /// The dashboard default: "1,234.5 PHA".
        public static let standard = FormatOptions()
    }

    /// Renders `planck` as PHA, e.g. 1_234_500_000_000_000 → "1,234.5 PHA".
    public static func format(_ planck: UInt128, _ options: FormatOptions = .standard) -> String {
        let maxDigits = Swift.max(0, Swift.min(decimals, options.maxFractionDigits))
        let minDigits = Swift.max(0, Swift.min(maxDigits, options.minFractionDigits))
        let whole = planck / planckPerPHA
        let fraction = planck % planckPerPHA
        var integerText = String(whole)
        if options.grouping { integerText = grouped(integerText) }
        // All 12 fraction digits, then cut to the allowed width and trim zeros.
        let padded = String(fraction)
        var fractionText = String(repeating: "0", count: decimals - padded.count) + padded
        fractionText = String(fractionText.prefix(maxDigits))
        while fractionText.count > minDigits, fractionText.hasSuffix("0") { fractionText.removeLast() }
        var out = integerText
        if !fractionText.isEmpty { out += "." + fractionText }
        if options.symbol { out += " PHA" }
        return out
    }

    private static func grouped(_ digits: String) -> String {
        var out: [Character] = []
        for (i, c) in digits.reversed().enumerated() {
            if i > 0, i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }
}
