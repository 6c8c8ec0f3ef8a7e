/// The signature schemes of Substrate accounts khalatop can hold.
///
/// Almost every Phala account is sr25519 (the polkadot.js default); some are
/// ed25519 (issue 3).
public enum KeyScheme: String, Sendable, CaseIterable, Codable {
    case sr25519
    case ed25519
}
