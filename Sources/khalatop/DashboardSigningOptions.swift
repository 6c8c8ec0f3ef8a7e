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
    @Option(name: .customLong("suri-file"), help: ArgumentHelp("File holding the signer's secret URI (mode 600).", valueName: "file"))
    var suriFile: String?

    @Option(name: .customLong("suri-env"), help: ArgumentHelp("Environment variable holding the signer's secret URI.", valueName: "variable"))
    var suriEnv: String?

    @Option(name: .customLong("key-file"), help: ArgumentHelp("polkadot.js JSON key file of the signer (mode 600).", valueName: "file"))
    var keyFile: String?

    @Option(name: .customLong("password-file"), help: ArgumentHelp("Read the key file's password from this file instead of asking.", valueName: "file"))
    var passwordFile: String?

    @Option(help: "Signature scheme of a secret URI (sr25519 or ed25519).")
    var scheme: KeyScheme?

    @Flag(name: .customLong("read-only"), help: "Disable every action: nothing can be signed.")
    var readOnly = false

    /// True when a key source was named.
    var namesKey: Bool { suriFile != nil || suriEnv != nil || keyFile != nil }

    func validate() throws {
        let sources = [suriFile, suriEnv, keyFile].compactMap { $0 }
        if sources.count > 1 { throw ValidationError("give at most one of --suri-file, --suri-env or --key-file") }
        if readOnly && !sources.isEmpty { throw ValidationError("--read-only signs nothing: drop --suri-file/--suri-env/--key-file") }
        if passwordFile != nil && keyFile == nil { throw ValidationError("--password-file goes with --key-file") }
    }

    /// The key to sign with, loaded before curses takes the terminal; nil
    /// when read-only or when no key was named. `devnetDefault` is used when
    /// none was named (the embedded devnet's pool owner).
    func load(devnetDefault: DevnetSigner?) throws -> DashboardSigner? {
        if readOnly { return nil }
        if namesKey {
            let pair = try TxKeySource(suriFile: suriFile, suriEnv: suriEnv, keyFile: keyFile, passwordFile: passwordFile,
                                       scheme: scheme).load()
            let origin = suriFile != nil ? "--suri-file" : (suriEnv.map { "$\($0)" } ?? "--key-file")
            return DashboardSigner(keyPair: pair, origin: origin)
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
