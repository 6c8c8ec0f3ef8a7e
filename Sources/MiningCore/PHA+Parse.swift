/// Exact parsing of PHA amounts typed by a person (§7: 12 decimals).
extension PHA {
    /// Parses a PHA amount typed by a person into planck, exactly:
    /// "12.5" → 12_500_000_000_000. Accepts surrounding spaces, an optional
    /// " PHA" suffix and "," thousands separators in groups of three; rejects
    /// signs, exponents, more than 12 decimals and overflow.
    public static func parse(_ text: String) throws(AmountParseError) -> UInt128 {
        var body = Substring(text).drop(while: { $0 == " " })
        while body.last == " " { body = body.dropLast() }
        if body.uppercased().hasSuffix("PHA") {
            body = body.dropLast(3)
            while body.last == " " { body = body.dropLast() }
        }
        guard !body.isEmpty else { throw .empty }
        var whole: UInt128 = 0
        var fraction: UInt128 = 0
        var fractionDigits = 0
        var seenDot = false
        var digitsSinceSeparator = 0
        var sawSeparator = false
        var wholeDigits = 0
        for (i, c) in body.enumerated() {
            switch c {
            case "0"..."9":
                guard let ascii = c.asciiValue else { throw .invalidCharacter(c, position: i) }
                let d = UInt128(ascii - 48)
                if seenDot {
                    fractionDigits += 1
                    guard fractionDigits <= decimals else {
                        throw .tooManyDecimals(found: body.split(separator: ".").last?.count ?? fractionDigits)
                    }
                    fraction = fraction * 10 + d
                } else {
                    let (m, o1) = whole.multipliedReportingOverflow(by: 10)
                    let (s, o2) = m.addingReportingOverflow(d)
                    guard !o1, !o2 else { throw .tooLarge }
                    whole = s
                    wholeDigits += 1
                    digitsSinceSeparator += 1
                }
            case ",":
                guard !seenDot, wholeDigits > 0, !sawSeparator || digitsSinceSeparator == 3,
                      !(!sawSeparator && digitsSinceSeparator > 3) else { throw .misplacedSeparator(position: i) }
                sawSeparator = true
                digitsSinceSeparator = 0
            case ".":
                guard !seenDot else { throw .invalidCharacter(c, position: i) }
                if sawSeparator, digitsSinceSeparator != 3 { throw .misplacedSeparator(position: i) }
                seenDot = true
            default:
                throw .invalidCharacter(c, position: i)
            }
        }
        if !seenDot, sawSeparator, digitsSinceSeparator != 3 { throw .misplacedSeparator(position: body.count) }
        guard wholeDigits + fractionDigits > 0 else { throw .empty }
        var scale: UInt128 = 1
        for _ in 0..<(decimals - fractionDigits) { scale *= 10 }
        let (w, o1) = whole.multipliedReportingOverflow(by: planckPerPHA)
        let (total, o2) = w.addingReportingOverflow(fraction * scale)
        guard !o1, !o2 else { throw .tooLarge }
        return total
    }
}
