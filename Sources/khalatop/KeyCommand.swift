import ArgumentParser
import ChainCrypto
import Foundation
import Scale

/// `khalatop key ...`: account key tools. Secrets come from a file, standard
/// input or an environment variable, never from the command line, and are
/// never printed (issue 3).
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Inspect account keys (sr25519, ed25519).",
        subcommands: [KeyInspectCommand.self]
    )
}

extension KeyScheme: ExpressibleByArgument {}

/// `khalatop key inspect`: the public key and SS58 address of a secret URI
/// or a polkadot.js JSON key file.
struct KeyInspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Print the public key and SS58 address of a key, never the secret.",
        discussion: """
            FILE holds a secret URI (PHRASE, PHRASE//hard/soft///password, 0xSEED//path, //Alice) \
            or is a polkadot.js JSON key file, whose password is asked on the terminal \
            (or read from --password-file). Use `-` to read the secret URI from standard input, \
            or --env VAR to read it from an environment variable.
            """
    )

    @Option(help: "Signature scheme for secret URIs (sr25519 or ed25519). Key files name their own.")
    var scheme: KeyScheme?

    @Option(help: ArgumentHelp("Address format: khala or phala (30), substrate (42), polkadot (0), kusama (2), "
                               + "or a number.", valueName: "name-or-prefix"))
    var network: String = "khala"

    @Option(help: ArgumentHelp("Read the secret URI from this environment variable.", valueName: "variable"))
    var env: String?

    @Option(name: .customLong("password-file"),
            help: ArgumentHelp("Read a key file's password from this file (first line).", valueName: "file"))
    var passwordFile: String?

    @Argument(help: ArgumentHelp("File holding the secret URI or the JSON key file; `-` for standard input.",
                                 valueName: "file"))
    var file: String?

    /// Larger inputs are no key.
    static let maxInputBytes = 64 * 1024

    func validate() throws {
        guard (file == nil) != (env == nil) else {
            throw ValidationError("give exactly one of FILE, `-` or --env VAR")
        }
        _ = try Self.ss58Prefix(network)
    }

    func run() throws {
        let prefix = try Self.ss58Prefix(network)
        let input = try readSecretInput()
        let loaded: AccountKeyLoader.Loaded
        do {
            loaded = try AccountKeyLoader.load(input, scheme: scheme) {
                if let passwordFile { return try Self.readPasswordFile(passwordFile) }
                let source = file.map { $0 == "-" ? "from standard input" : Self.printable($0) } ?? "from $\(env ?? "")"
                return try TerminalPassword.read(prompt: "Password for key file \(source): ")
            }
        } catch {
            throw KeyCommandError(error.description)
        }
        let pair = loaded.keyPair
        let address = try SS58.checkedEncode(pair.publicKey, prefix: prefix)
        if let claimed = loaded.keyFile?.address,
           let decoded = try? SS58.decode(claimed), decoded.publicKey != pair.publicKey {
            Self.warn("the key file's address field names another key than the one it holds")
        }
        print("Scheme:       \(pair.scheme.rawValue)")
        print("Public key:   \(Hex.encode(pair.publicKey))")
        print("SS58 address: \(address)")
        print("SS58 prefix:  \(prefix)")
        if let name = loaded.keyFile?.name { print("Name:         \(Self.printable(name))") }
    }

    /// Reads FILE, `-` or the environment variable into wiped-on-drop bytes.
    private func readSecretInput() throws -> SecretBytes {
        if let env {
            guard let value = ProcessInfo.processInfo.environment[env] else {
                throw KeyCommandError("environment variable \(env) is not set")
            }
            return SecretBytes(Array(value.utf8))
        }
        guard let file else { throw ValidationError("give exactly one of FILE, `-` or --env VAR") }
        if file == "-" { return try Self.readAll(fileDescriptor: STDIN_FILENO, what: "standard input") }
        let fd = open(file, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw KeyCommandError("cannot open \(file): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        Self.warnIfShared(fd, path: file)
        return try Self.readAll(fileDescriptor: fd, what: file)
    }

    /// Warns on stderr when a secret's file can be read or written by group or others.
    static func warnIfShared(_ fd: Int32, path: String) {
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_mode & 0o077 != 0 {
            warn("\(path) is readable or writable by group or others (mode "
                 + String(info.st_mode & 0o777, radix: 8) + "); chmod 600 it")
        }
    }

    /// Reads to end of file, refusing more than `maxInputBytes`.
    static func readAll(fileDescriptor fd: Int32, what: String) throws -> SecretBytes {
        var buffer = [UInt8](repeating: 0, count: maxInputBytes + 1)
        defer { SecretBytes.wipe(&buffer) }
        var total = 0
        while total < buffer.count {
            let n = buffer.withUnsafeMutableBytes { raw in
                read(fd, UnsafeMutableRawBufferPointer(rebasing: raw[total...]).baseAddress, raw.count - total)
            }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw KeyCommandError("cannot read \(what): \(String(cString: strerror(errno)))")
            }
            total += n
        }
        guard total <= maxInputBytes else { throw KeyCommandError("\(what) is larger than \(maxInputBytes) bytes") }
        return SecretBytes(buffer[0..<total])
    }

    /// The first line of `path`, without its line break.
    static func readPasswordFile(_ path: String) throws -> SecretBytes {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw KeyCommandError("cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        warnIfShared(fd, path: path)
        let all = try readAll(fileDescriptor: fd, what: path)
        let lineEnd = all.withUnsafeBytes { bytes in bytes.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) } ?? all.count
        return all.slice(0..<lineEnd)
    }

    /// SS58 prefix of a network name or number.
    static func ss58Prefix(_ network: String) throws -> UInt16 {
        switch network.lowercased() {
        case "khala", "phala": return SS58.khalaPrefix
        case "substrate", "generic": return 42
        case "polkadot": return 0
        case "kusama": return 2
        default:
            guard let number = UInt16(network), SS58.isValidPrefix(number) else {
                throw ValidationError("--network must be khala, phala, substrate, polkadot, kusama or 0...16383")
            }
            return number
        }
    }

    /// `text` from a file with control characters (terminal escapes) shown as `?`.
    static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.prefix(200).map { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator: return "?"
            default: return scalar
            }
        }))
    }

    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
    }
}

/// A failure of a key command, shown as `Error: <message>`; never holds a secret.
struct KeyCommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
