import ArgumentParser
import ChainCrypto

/// The signing key flags of every command that signs (issue 8): `khalatop tx`
/// and the dashboard. One declaration, so both name, parse and read the key
/// the same way (through `TxKeySource`, which refuses files others can read).
/// Each command checks how many sources it wants.
struct SigningKeyOptions: ParsableArguments {
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

    /// The key sources named (`--suri-file`, `--suri-env`, `--key-file`), however many.
    var sources: [String] { [suriFile, suriEnv, keyFile].compactMap { $0 } }

    /// True when a key source was named.
    var namesKey: Bool { !sources.isEmpty }

    /// Which flag named the key, for the log (never the secret): `--suri-file`, `$VAR` or `--key-file`.
    var origin: String { suriFile != nil ? "--suri-file" : (suriEnv.map { "$\($0)" } ?? "--key-file") }

    /// Reads the key (asking a key file's password on the terminal unless `--password-file`).
    func load() throws -> KeyPair {
        try TxKeySource(suriFile: suriFile, suriEnv: suriEnv, keyFile: keyFile, passwordFile: passwordFile, scheme: scheme).load()
    }
}
