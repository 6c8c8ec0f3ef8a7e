/// Display width of text in terminal columns: 0 for combining marks and
/// zero-width format characters, 2 for East Asian Wide/Fullwidth characters and
/// emoji presentation, 1 otherwise.
///
/// Why a table of our own: `wcwidth` lives in libc (I/O-free but locale
/// dependent) and Foundation has no column width. The ranges below follow
/// Unicode 15 EastAsianWidth.txt (W and F) for the blocks a dashboard can
/// meet (CJK, Hangul, fullwidth forms, emoji) and the general categories
/// Mn/Me/Cf for zero width, so widths are the same on every machine.
public enum CharWidth {
    /// Columns taken by one Unicode scalar on its own.
    @inlinable
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v >= 0x20 ? 1 : 0 }
        if v < 0xA0 { return 0 }  // DEL and C1 controls
        if v < 0x300 { return 1 }
        if isZeroWidth(v) { return 0 }
        if isWide(v) { return 2 }
        return 1
    }

    /// Columns taken by one grapheme cluster (a Swift `Character`): the width of
    /// its first non-zero-width scalar, widened to 2 by an emoji presentation
    /// selector (U+FE0F) or a zero-width joiner sequence of emoji.
    @inlinable
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        if first.value < 0x7F, scalars.count == 1 { return first.value >= 0x20 ? 1 : 0 }
        var width = 0
        for scalar in scalars {
            let w = of(scalar)
            if width == 0 { width = w }
            if scalar.value == 0xFE0F, width == 1 { width = 2 }
        }
        if isControl(first) { return 0 }
        return width
    }

    /// Columns taken by a whole string (sum over its grapheme clusters).
    public static func of(_ string: some StringProtocol) -> Int {
        var total = 0
        for character in string { total += of(character) }
        return total
    }

    /// True for C0/C1 control characters, which are never drawn as-is (they
    /// could move the terminal cursor or start an escape sequence).
    @inlinable
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (v >= 0x7F && v < 0xA0)
    }

    @usableFromInline
    static func isZeroWidth(_ v: UInt32) -> Bool {
        if inRanges(v, zeroWidthRanges) { return true }
        if v < 0x300 { return false }
        switch Unicode.Scalar(v)?.properties.generalCategory {
        case .nonspacingMark?, .enclosingMark?, .format?: return true
        default: return false
        }
    }

    @usableFromInline
    static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        return inRanges(v, wideRanges)
    }

    @usableFromInline
    static func inRanges(_ v: UInt32, _ ranges: [ClosedRange<UInt32>]) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let r = ranges[mid]
            if v < r.lowerBound { high = mid - 1 } else if v > r.upperBound { low = mid + 1 } else { return true }
        }
        return false
    }

    /// Zero-width scalars that are not (all) Mn/Me/Cf: Hangul medial and final
    /// jamo, which join the preceding syllable, and the common marks, listed so
    /// the hot ones skip the property look-up.
    @usableFromInline
    static let zeroWidthRanges: [ClosedRange<UInt32>] = [
        0x0300...0x036F, 0x0483...0x0489, 0x0591...0x05BD, 0x0610...0x061A,
        0x064B...0x065F, 0x1160...0x11FF, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF,
        0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x20D0...0x20FF,
        0xD7B0...0xD7FF, 0xFE00...0xFE0F, 0xFE20...0xFE2F, 0xFEFF...0xFEFF,
        0x1F3FB...0x1F3FF, 0xE0000...0xE0FFF,
    ]

    /// East Asian Wide (W) and Fullwidth (F), merged into sorted ranges.
    @usableFromInline
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC,
        0x23F0...0x23F0, 0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615,
        0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693, 0x26A1...0x26A1,
        0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE,
        0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5,
        0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B,
        0x2728...0x2728, 0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755,
        0x2757...0x2757, 0x2795...0x2797, 0x27B0...0x27B0, 0x27BF...0x27BF,
        0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55, 0x2E80...0x303E,
        0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
        0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
        0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F004...0x1F004, 0x1F0CF...0x1F0CF,
        0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F202, 0x1F210...0x1F23B,
        0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265, 0x1F300...0x1F320,
        0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA,
        0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4...0x1F3F4, 0x1F3F8...0x1F3FA,
        0x1F400...0x1F43E, 0x1F440...0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D,
        0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A...0x1F57A, 0x1F595...0x1F596,
        0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC...0x1F6CC,
        0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF, 0x1F6EB...0x1F6EC,
        0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F7F0...0x1F7F0, 0x1F90C...0x1F93A,
        0x1F93C...0x1F945, 0x1F947...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD,
        0x30000...0x3FFFD,
    ]
}
