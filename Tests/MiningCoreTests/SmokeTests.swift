import Testing
@testable import MiningCore

@Test func moduleLinks() { _ = MiningCoreModule.self }
