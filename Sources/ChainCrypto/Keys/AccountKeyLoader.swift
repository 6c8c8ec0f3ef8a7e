/// Turns the bytes an operator keeps a key in (a secret URI, or a polkadot.js
/// JSON key file) into a `KeyPair`; the I/O (files, stdin, environment,
/// terminal) stays with the caller, so this is testable without a terminal.
///
/// Used by `khalatop key inspect` and by whatever later signs extrinsics, so
/// both read keys the same way (issue 3).
public enum AccountKeyLoader {
    /// What was loaded, and from what kind of source.
    public struct Loaded: Sendable {
        public let keyPair: KeyPair
        /// The key file, when the input was one (its address and name are public).
        public let keyFile: PolkadotKeyFile?
    }

    /// Why loading failed; wraps the typed errors of each path.
    public enum LoadError: Error, Equatable, Sendable, CustomStringConvertible {
        case secretURI(SecretURIError)
        case keyFile(KeyFileError)
        /// `--scheme` names another scheme than the key file holds.
        case schemeMismatch(requested: KeyScheme, inFile: KeyScheme)
        /// The input is not UTF-8 text.
        case notText
        /// The password could not be obtained (the reason is the caller's).
        case passwordUnavailable(String)

        public var description: String {
            switch self {
            case .secretURI(let e): return e.description
            case .keyFile(let e): return e.description
            case .schemeMismatch(let requested, let inFile):
                return "the key file holds an \(inFile.rawValue) key, but \(requested.rawValue) was requested"
            case .notText: return "the secret is neither UTF-8 text nor a key file"
            case .passwordUnavailable(let why): return "no password for the key file: \(why)"
            }
        }
    }

    /// Loads `input`. A JSON object with `encoded`/`encoding` is a key file
    /// (then `password` is called once); anything else is a secret URI, with
    /// one trailing line break removed. `scheme` defaults to sr25519 for URIs
    /// and must match a key file's scheme when given.
    public static func load(_ input: SecretBytes, scheme: KeyScheme?,
                            password: () throws -> SecretBytes) throws(LoadError) -> Loaded {
        var bytes = input.unsafeArrayCopy()
        defer { wipe(&bytes) }
        if PolkadotKeyFile.looksLikeKeyFile(bytes) {
            let file: PolkadotKeyFile
            do { file = try PolkadotKeyFile(json: bytes) } catch { throw .keyFile(error) }
            if let scheme, scheme != file.scheme { throw .schemeMismatch(requested: scheme, inFile: file.scheme) }
            let secret: SecretBytes
            do { secret = try password() } catch {
                throw .passwordUnavailable(String(describing: error))
            }
            do { return Loaded(keyPair: try file.decrypt(password: secret), keyFile: file) } catch { throw .keyFile(error) }
        }
        // A secret URI file usually ends with one newline (`echo > file`).
        var end = bytes.count
        if end > 0, bytes[end - 1] == 0x0A { end -= 1 }
        if end > 0, bytes[end - 1] == 0x0D { end -= 1 }
        guard let text = String(validating: bytes[0..<end], as: UTF8.self) else { throw .notText }
        do { return Loaded(keyPair: try KeyPair(secretURI: text, scheme: scheme ?? .sr25519), keyFile: nil) } catch {
            throw .secretURI(error)
        }
    }
}
