import Scale

/// One step of a Substrate derivation path: `//name` (hard) or `/name`
/// (soft), reduced to its 32-byte chain code.
///
/// Chain code rule of `sp_core::crypto::DeriveJunction`: a junction whose
/// text parses as a `u64` (Rust `str::parse`, so an optional `+` and ASCII
/// digits, no overflow) is SCALE `u64` (8 bytes LE); any other text is SCALE
/// `String` (compact length ‖ UTF-8). The encoding is zero-padded to 32 bytes,
/// or replaced by its BLAKE2b-256 when longer than 32 bytes.
public struct DeriveJunction: Sendable, Equatable {
    /// The 32-byte chain code.
    public let chainCode: [UInt8]
    /// True for `//hard`, false for `/soft`.
    public let isHard: Bool

    /// Length of a chain code.
    public static let chainCodeLength = 32

    /// The junction for the text between slashes (without the slashes).
    public init(_ text: some StringProtocol, isHard: Bool) {
        self.isHard = isHard
        let encoded: [UInt8]
        if let number = Self.parseUInt64(text) {
            encoded = scaleEncoded(number)
        } else {
            encoded = scaleEncoded(String(text))
        }
        if encoded.count > Self.chainCodeLength {
            chainCode = blake2_256(encoded)
        } else {
            chainCode = encoded + [UInt8](repeating: 0, count: Self.chainCodeLength - encoded.count)
        }
    }

    /// A junction with an explicit 32-byte chain code.
    public init?(chainCode: [UInt8], isHard: Bool) {
        guard chainCode.count == Self.chainCodeLength else { return nil }
        self.chainCode = chainCode
        self.isHard = isHard
    }

    /// Rust's `u64::from_str`: optional leading `+`, then one or more ASCII
    /// digits, nil on anything else or on overflow.
    static func parseUInt64(_ text: some StringProtocol) -> UInt64? {
        var digits = Substring(text).utf8[...]
        if digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        guard !digits.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !o1, !o2 else { return nil }
            value = sum
        }
        return value
    }
}

extension DeriveJunction: CustomStringConvertible {
    public var description: String { "\(isHard ? "hard" : "soft") junction \(hexLower(chainCode))" }
}
