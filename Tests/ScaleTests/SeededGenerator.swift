/// SplitMix64: a seeded, reproducible generator for property tests.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func bytes(_ n: Int) -> [UInt8] { (0..<n).map { _ in UInt8.random(in: 0...255, using: &self) } }

    /// Integers biased to the edges (0, max, powers of two) and the compact mode boundaries.
    mutating func uint128() -> UInt128 {
        switch Int.random(in: 0..<6, using: &self) {
        case 0: return UInt128(Int.random(in: 0..<70, using: &self))
        case 1: return UInt128(1) << UInt128(Int.random(in: 0..<128, using: &self))
        case 2: return (UInt128(1) << UInt128(Int.random(in: 1..<128, using: &self))) - 1
        case 3: return UInt128(UInt64.random(in: 0...UInt64.max, using: &self))
        case 4: return [UInt128(16383), 16384, (1 << 30) - 1, 1 << 30, UInt128.max][Int.random(in: 0..<5, using: &self)]
        default: return UInt128(next()) << 64 | UInt128(next())
        }
    }

    mutating func string() -> String {
        let pool: [Unicode.Scalar] = ["a", "Z", "0", " ", "é", "ß", "中", "🙂", "\u{0}", "\u{7f}", "\u{10FFFF}"]
        let n = Int.random(in: 0..<40, using: &self)
        var s = String.UnicodeScalarView()
        for _ in 0..<n { s.append(pool[Int.random(in: 0..<pool.count, using: &self)]) }
        return String(s)
    }
}
