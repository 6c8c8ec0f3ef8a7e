import Foundation

/// A polkadot.js JSON key file (the "export account" file), version 3:
/// `{"encoded": base64, "encoding": {"content": ["pkcs8", scheme],
/// "type": ["scrypt", "xsalsa20-poly1305"], "version": "3"}, "address", "meta"}`.
///
/// `encoded` = scrypt salt (32) ‖ N, p, r (u32 LE each) ‖ nonce (24) ‖
/// secretbox(tag ‖ ciphertext) keyed by scrypt(password, salt, N, r, p, 32).
/// Operators keep their pool owner key in such files (issue 3); parsing
/// needs no password, `decrypt` does, and a wrong one is an error, never a
/// garbage key (the Poly1305 tag is checked before anything is decrypted).
public struct PolkadotKeyFile: Sendable {
    /// Files larger than this are refused before parsing.
    public static let maxFileBytes = 64 * 1024
    static let saltLength = 32
    static let scryptHeaderLength = 44

    /// The scheme of the key inside (`encoding.content[1]`).
    public let scheme: KeyScheme
    /// The SS58 address the file claims, if present.
    public let address: String?
    /// `meta.name`, if present.
    public let name: String?
    let payload: [UInt8]

    private struct Envelope: Decodable {
        struct Encoding: Decodable {
            let content: [String]
            let type: [String]
            let version: String
        }
        struct Meta: Decodable { let name: String? }
        let encoded: String
        let encoding: Encoding
        let address: String?
        let meta: Meta?
    }

    /// True when `bytes` looks like a key file (a JSON object with `encoded`
    /// and `encoding`), so callers can tell it from a secret URI.
    public static func looksLikeKeyFile(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }), first == UInt8(ascii: "{"),
              bytes.count <= maxFileBytes,
              let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return false }
        return object["encoded"] != nil && object["encoding"] != nil
    }

    /// Parses the file (no password needed).
    public init(json bytes: [UInt8]) throws(KeyFileError) {
        guard bytes.count <= Self.maxFileBytes else { throw .tooLarge(byteCount: bytes.count, limit: Self.maxFileBytes) }
        let envelope: Envelope
        do { envelope = try JSONDecoder().decode(Envelope.self, from: Data(bytes)) } catch {
            throw .malformedJSON(Self.describe(error))
        }
        guard envelope.encoding.version == "3" else {
            throw .unsupportedEncoding("version \(envelope.encoding.version.prefix(8)) (only version 3 files)")
        }
        guard envelope.encoding.type.contains("scrypt"), envelope.encoding.type.contains("xsalsa20-poly1305") else {
            throw .unsupportedEncoding("type \(envelope.encoding.type.map { String($0.prefix(24)) }) "
                                       + "(need scrypt + xsalsa20-poly1305)")
        }
        guard envelope.encoding.content.first == "pkcs8" else {
            throw .unsupportedEncoding("content is not pkcs8")
        }
        if envelope.encoding.content.contains("sr25519") {
            scheme = .sr25519
        } else if envelope.encoding.content.contains("ed25519") {
            scheme = .ed25519
        } else {
            throw .unsupportedKeyType(envelope.encoding.content.dropFirst().map { String($0.prefix(24)) }
                .joined(separator: ","))
        }
        guard let decoded = Data(base64Encoded: envelope.encoded) else { throw .malformedPayload("encoded is not base64") }
        payload = [UInt8](decoded)
        let minimum = Self.scryptHeaderLength + SecretBox.nonceLength + SecretBox.tagLength
        guard payload.count >= minimum else {
            throw .malformedPayload("\(payload.count) bytes, at least \(minimum) needed")
        }
        address = envelope.address
        name = envelope.meta?.name
    }

    /// scrypt parameters recorded in the file (N, p, r order on disk).
    var scryptParameters: (n: UInt64, r: UInt64, p: UInt64) {
        func u32(_ at: Int) -> UInt64 {
            UInt64(payload[at]) | UInt64(payload[at + 1]) << 8 | UInt64(payload[at + 2]) << 16 | UInt64(payload[at + 3]) << 24
        }
        return (n: u32(32), r: u32(40), p: u32(36))
    }

    /// Decrypts with `password` (UTF-8 bytes) and returns the key pair,
    /// after checking the secret gives the public key the file records.
    public func decrypt(password: SecretBytes) throws(KeyFileError) -> KeyPair {
        let contents = try decryptContents(password: password)
        let pair = try Self.keyPair(scheme: scheme, contents: contents)
        guard pair.publicKey == contents.publicKey else { throw .publicKeyMismatch }
        return pair
    }

    /// The decrypted PKCS8 contents (secret + recorded public key).
    func decryptContents(password: SecretBytes) throws(KeyFileError) -> PolkadotPKCS8.Contents {
        let (n, r, p) = scryptParameters
        guard Scrypt.parametersAcceptable(n: n, r: r, p: p) else { throw .unsupportedScryptParameters(n: n, r: r, p: p) }
        let salt = Array(payload[0..<Self.saltLength])
        let key: SecretBytes
        do { key = try Scrypt.derive(password: password, salt: salt, n: n, r: r, p: p, length: SecretBox.keyLength) } catch {
            throw error == .unsupportedParameters ? .unsupportedScryptParameters(n: n, r: r, p: p)
                : .keyError("scrypt failed")
        }
        let nonceStart = Self.scryptHeaderLength
        let nonce = Array(payload[nonceStart..<(nonceStart + SecretBox.nonceLength)])
        let box = Array(payload[(nonceStart + SecretBox.nonceLength)...])
        let plain: SecretBytes
        do { plain = try SecretBox.open(box, nonce: nonce, key: key) } catch {
            throw error == .authenticationFailed ? .wrongPassword : .malformedPayload("secretbox")
        }
        return try PolkadotPKCS8.decode(plain)
    }

    static func keyPair(scheme: KeyScheme, contents: PolkadotPKCS8.Contents) throws(KeyFileError) -> KeyPair {
        do {
            switch (scheme, contents.secret.count) {
            case (_, 32):
                return try KeyPair(scheme: scheme, miniSecret: contents.secret)
            case (.ed25519, 64):
                return KeyPair(ed25519: try Ed25519KeyPair(seed: contents.secret.slice(0..<32)))
            case (.sr25519, 64):
                return try KeyPair(sr25519ExpandedSecret: contents.secret)
            default:
                throw KeyFileError.malformedPKCS8("secret of \(contents.secret.count) bytes")
            }
        } catch let error as KeyFileError {
            throw error
        } catch {
            throw .keyError(String(describing: error))
        }
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing field \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted: return "not valid JSON"
        default: return "unreadable"
        }
    }
}

extension PolkadotKeyFile: CustomStringConvertible {
    public var description: String {
        "PolkadotKeyFile(\(scheme.rawValue), address: \(address ?? "none"), encrypted)"
    }
}
