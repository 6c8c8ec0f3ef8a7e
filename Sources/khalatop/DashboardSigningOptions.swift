import ArgumentParser
import ChainCrypto
import Dashboard
import Foundation
import MiningCore

/// Where the dashboard's signing key comes from (issue 8): a secret-URI
/// file, an environment variable, or a polkadot.js key file whose password
/// is asked on the terminal before curses starts (never echoed). Read with
/// `khalatop tx`'s `TxKeySource`, so the same files are refused for the same
/// reasons. `--read-only` disables every action.
struct DashboardSigningOptions: ParsableArguments {
    @OptionGroup var key: SigningKeyOptions

    @Flag(name: .customLong("read-only"), help: "Disable every action: nothing can be signed.")
    var readOnly = false

    /// True when a key source was named.
    var namesKey: Bool { key.namesKey }

    func validate() throws {
        let sources = key.sources
        if sources.count > 1 { throw ValidationError("give at most one of --suri-file, --suri-env or --key-file") }
        if readOnly && !sources.isEmpty { throw ValidationError("--read-only signs nothing: drop --suri-file/--suri-env/--key-file") }
        if key.passwordFile != nil && key.keyFile == nil { throw ValidationError("--password-file goes with --key-file") }
    }

    /// The key to sign with, loaded before curses takes the terminal; nil
    /// when read-only or when no key was named. `devnetDefault` is used when
    /// none was named (the embedded devnet's pool owner).
    func load(devnetDefault: DevnetSigner?) throws -> DashboardSigner? {
        if readOnly { return nil }
        if namesKey {
            return DashboardSigner(keyPair: try key.load(), origin: key.origin)
        }
        guard let devnetDefault else { return nil }
        let pair = try KeyPair(secretURI: devnetDefault.secretURI)
        return DashboardSigner(keyPair: pair, origin: devnetDefault.label)
    }
}

/// The embedded devnet's dev account that owns its pools.
struct DevnetSigner: Sendable {
    /// A well-known development URI (e.g. `//Alice`): public knowledge, still never logged.
    let secretURI: String
    let label: String
    static let alice = DevnetSigner(secretURI: "//Alice", label: "dev account Alice (embedded devnet)")
}

/// The dashboard's signing key and what the screen may say about it.
struct DashboardSigner: Sendable {
    let keyPair: KeyPair
    let origin: String

    var address: String { (try? SS58.checkedEncode(keyPair.publicKey, prefix: SS58.khalaPrefix)) ?? "?" }

    /// The status the dashboard shows: the account and address, never the key.
    var status: SignerStatus {
        guard let account = try? AccountID(keyPair.publicKey) else { return .noKey }
        return .account(account, address: address, origin: origin)
    }
}
