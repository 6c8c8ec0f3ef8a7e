import MiningCore

/// Who signs the dashboard's actions, as the screen may show it: an account
/// (public key and SS58 address, never the secret), or why there is none
/// (issue 8: `--read-only` and a missing key disable every action).
public enum SignerStatus: Hashable, Sendable {
    /// `origin` says where the key came from in words ("--suri-file", "dev account //Alice").
    case account(AccountID, address: String, origin: String)
    /// `--read-only` was given.
    case readOnly
    /// No key was given.
    case noKey

    public var account: AccountID? {
        if case .account(let a, _, _) = self { return a }
        return nil
    }

    /// Why actions are disabled, nil when a key is there.
    public var disabledReason: String? {
        switch self {
        case .account: return nil
        case .readOnly: return "read-only mode (--read-only): actions are disabled, nothing can be signed"
        case .noKey: return "no signing key: actions are disabled; start with --suri-file, --suri-env or --key-file"
        }
    }
}
