import Testing
@testable import Attestation

@Test func moduleLinks() { _ = AttestationModule.self }
