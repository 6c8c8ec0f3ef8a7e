import Testing
import TestSupport

/// The named inputs of reference-vectors.json (`empty`, `abc`, `seq64`, `seq255`; `keys32`).
enum VectorInputs {
    static func message(_ name: String) -> [UInt8]? {
        switch name {
        case "empty": return []
        case "abc": return Array("abc".utf8)
        case "seq64": return (0..<64).map { UInt8($0) }
        case "seq255": return (0..<255).map { UInt8($0) }
        default: return nil
        }
    }

    /// A section of reference-vectors.json as name → hex string.
    static func section(_ name: String) throws -> [String: String] {
        let all = try Fixtures.referenceVectors()
        return try #require(all[name] as? [String: String], "section \(name) missing")
    }
}

/// Deterministic pseudo-random bytes for property tests (SplitMix64), so failures reproduce.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) } }
}
