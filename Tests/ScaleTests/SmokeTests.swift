import Testing
@testable import Scale

@Test func moduleLinks() { _ = ScaleModule.self }
