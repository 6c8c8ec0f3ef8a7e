import ChainCrypto
import Foundation

/// Where `khalatop tx` reads its signing key from (issue 8): a secret-URI
/// file, an environment variable, or a polkadot.js key file. Files readable
/// or writable by group or others are refused (not just warned about): a
/// signing key that others can read is no longer the operator's alone.
struct TxKeySource {
    var suriFile: String?
    var suriEnv: String?
    var keyFile: String?
    var passwordFile: String?
    var scheme: KeyScheme?

    func load() throws -> KeyPair {
        let input: SecretBytes
        let label: String
        if let suriEnv {
            guard let value = ProcessInfo.processInfo.environment[suriEnv] else {
                throw TxInputError("environment variable \(suriEnv) is not set")
            }
            input = SecretBytes(Array(value.utf8))
            label = "$\(suriEnv)"
        } else if let path = suriFile ?? keyFile {
            input = try Self.readPrivateFile(path)
            label = path
        } else {
            throw TxInputError("give exactly one of --suri-file, --suri-env or --key-file")
        }
        do {
            return try AccountKeyLoader.load(input, scheme: scheme) {
                if let passwordFile {
                    let all = try Self.readPrivateFile(passwordFile)
                    let end = all.withUnsafeBytes { b in b.firstIndex { $0 == 0x0A || $0 == 0x0D } } ?? all.count
                    return all.slice(0..<end)
                }
                return try TerminalPassword.read(prompt: "Password for key file \(label): ")
            }.keyPair
        } catch {
            throw TxInputError("cannot load the key from \(label): \(error.description)")
        }
    }

    /// Reads a secret file, refusing one that group or others may read or write.
    static func readPrivateFile(_ path: String) throws -> SecretBytes {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw TxInputError("cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw TxInputError("cannot stat \(path): \(String(cString: strerror(errno)))") }
        let mode = info.st_mode & 0o777
        if info.st_mode & S_IFMT == S_IFREG, mode & 0o077 != 0 {
            throw TxInputError("refusing \(path): it is readable or writable by group or others (mode "
                               + String(mode, radix: 8) + "); fix it with `chmod 600 \(path)`")
        }
        // The same bounded, wiped read as `khalatop key inspect`.
        return try KeyInspectCommand.readAll(fileDescriptor: fd, what: path)
    }
}
