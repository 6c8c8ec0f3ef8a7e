import Scale

/// Hex for RPC params and results (`0x`-prefixed, lowercase on output).
///
/// Bytes go through Scale's `Hex` (one codec for the whole project); this
/// adds the `NumberOrHex` integers Substrate uses for block numbers and maps
/// Scale's error to one that names the RPC concern.
public enum RPCHex {
    /// `0x` followed by two lowercase digits per byte.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        Hex.encode(bytes)
    }

    /// Decodes hex with an optional `0x` prefix; either case; an even digit count.
    public static func decode(_ text: String) throws(RPCHexError) -> [UInt8] {
        do {
            return try Hex.decode(text)
        } catch let ScaleError.invalidHex(position, reason) {
            throw RPCHexError.invalid(position: position, reason: reason)
        } catch {
            throw RPCHexError.invalid(position: 0, reason: String(describing: error))
        }
    }

    /// Minimal `0x` hex of an integer ("0x0", "0x1a"), as Substrate writes block numbers.
    public static func encodeNumber(_ value: UInt64) -> String {
        "0x" + String(value, radix: 16)
    }

    /// Reads a `0x` hex integer of at most 64 bits (leading zeros allowed).
    public static func decodeNumber(_ text: String) -> UInt64? {
        guard text.hasPrefix("0x") || text.hasPrefix("0X") else { return nil }
        let digits = text.dropFirst(2)
        guard !digits.isEmpty else { return nil }
        guard digits.allSatisfy(\.isHexDigit) else { return nil }  // no signs or spaces
        let trimmed = digits.drop { $0 == "0" }
        guard trimmed.count <= 16 else { return nil }
        return trimmed.isEmpty ? 0 : UInt64(trimmed, radix: 16)
    }
}

/// Why a hex string was refused (positions count characters, prefix included).
public enum RPCHexError: Error, Sendable, Hashable {
    case invalid(position: Int, reason: String)
}
