import MiningCore
import Testing
@testable import ChainEngine

/// The scan that decides whether a block's events name a watched balance account.
struct AccountMentionsTests {
    static func account(_ seed: UInt8) throws -> AccountID {
        try AccountID((0..<32).map { UInt8(truncatingIfNeeded: Int(seed) &* 31 &+ $0) })
    }

    @Test func findsAnAccountAtAnyOffset() throws {
        let a = try Self.account(7), b = try Self.account(9)
        let scan = AccountMentions([a, b])
        let noise = [UInt8](repeating: 0xAB, count: 50)
        #expect(scan.occur(in: a.raw.bytes))
        #expect(scan.occur(in: noise + b.raw.bytes))
        #expect(scan.occur(in: [1, 2, 3] + a.raw.bytes + noise))
        #expect(!scan.occur(in: noise + Array(a.raw.bytes.dropLast()) ))
    }

    @Test func aSharedPrefixIsNotAMatch() throws {
        let a = try Self.account(7)
        var near = a.raw.bytes
        near[31] ^= 1  // same first two bytes, different account
        let scan = AccountMentions([a])
        #expect(!scan.occur(in: near + [0, 0, 0]))
        #expect(!AccountMentions([]).occur(in: a.raw.bytes))
        #expect(!scan.occur(in: []))
    }
}
