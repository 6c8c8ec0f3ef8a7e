import Foundation
import TestSupport
@testable import ChainCrypto

/// Shared bits of the key tests.
enum KeyTests {
    /// Python cross-checks run when the venv exists, and must run in CI.
    static var pythonEnabled: Bool { ReferencePython.available || ReferencePython.required }

    static let devPhrase = "bottom drive obey lake curtain smoke basket hold race lonely fit walk"

    /// Deterministic pseudo-random bytes (SplitMix64) so failures reproduce.
    static func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed &+ 0x9E37_79B9_7F4A_7C15
        var out: [UInt8] = []
        out.reserveCapacity(count)
        while out.count < count {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            for i in 0..<8 where out.count < count { out.append(UInt8(truncatingIfNeeded: z >> (8 * UInt64(i)))) }
        }
        return out
    }

    static func flipped(_ bytes: [UInt8], bit: Int) -> [UInt8] {
        var copy = bytes
        copy[bit / 8] ^= UInt8(1 << (bit % 8))
        return copy
    }

    /// Non-empty output lines of a Python run.
    static func lines(_ output: String) -> [String] {
        output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
