/// The stock xterm 256-colour palette as RGB, used to find the nearest colour
/// when a theme degrades to 256, 16 or 8 colours.
///
/// Why xterm's values: the 16 base colours differ per terminal, but xterm's
/// defaults are the common reference (the 6x6x6 cube steps 0,95,135,175,215,255
/// and the 24 greys 8+10n are fixed by the xterm-256 convention).
public enum XtermPalette {
    static let base16: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    static let cubeSteps: [UInt8] = [0, 95, 135, 175, 215, 255]

    /// RGB of palette entry `index` (0-255).
    public static func rgb(index: Int) -> (r: UInt8, g: UInt8, b: UInt8) {
        if index < 16 { let c = base16[max(0, index)]; return (c.0, c.1, c.2) }
        if index < 232 {
            let i = index - 16
            return (cubeSteps[i / 36], cubeSteps[(i / 6) % 6], cubeSteps[i % 6])
        }
        let grey = UInt8(8 + 10 * (min(index, 255) - 232))
        return (grey, grey, grey)
    }

    /// Squared distance, weighted for perceived brightness ("redmean").
    static func distance(_ a: (r: UInt8, g: UInt8, b: UInt8), _ b: (r: UInt8, g: UInt8, b: UInt8)) -> Int {
        let rMean = (Int(a.r) + Int(b.r)) / 2
        let dr = Int(a.r) - Int(b.r), dg = Int(a.g) - Int(b.g), db = Int(a.b) - Int(b.b)
        return (((512 + rMean) * dr * dr) >> 8) + 4 * dg * dg + (((767 - rMean) * db * db) >> 8)
    }

    /// Nearest index among entries `candidates` of the palette.
    static func nearest(_ c: (r: UInt8, g: UInt8, b: UInt8), in candidates: Range<Int>) -> Int {
        var best = candidates.lowerBound
        var bestDistance = Int.max
        for i in candidates {
            let d = distance(c, rgb(index: i))
            if d < bestDistance { bestDistance = d; best = i }
        }
        return best
    }

    /// Nearest of the 240 cube and grey entries (16-255); the base 16 are skipped
    /// because terminals recolour them.
    public static func nearest256(_ c: (r: UInt8, g: UInt8, b: UInt8)) -> UInt8 {
        UInt8(nearest(c, in: 16..<256))
    }

    /// Nearest of the 16 ANSI colours.
    public static func nearest16(_ c: (r: UInt8, g: UInt8, b: UInt8)) -> UInt8 {
        UInt8(nearest(c, in: 0..<16))
    }

    /// Nearest of the 8 basic ANSI colours.
    public static func nearest8(_ c: (r: UInt8, g: UInt8, b: UInt8)) -> UInt8 {
        UInt8(nearest(c, in: 0..<8))
    }
}
