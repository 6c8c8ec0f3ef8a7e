/// `Compact<T>`: an unsigned integer in SCALE's variable-length encoding
/// (single-byte, two-byte, four-byte and big-integer modes, up to u128).
///
/// Substrate uses it for lengths, balances in calls and block numbers in
/// some records (PROTOCOL.md §1, §2).
public struct Compact<T: FixedWidthInteger & UnsignedInteger & Sendable>: Sendable, Hashable {
    public var value: T

    public init(_ value: T) { self.value = value }
}

extension Compact: ScaleCodable {
    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encodeCompact(UInt128(value))
    }

    public init(from decoder: inout ScaleDecoder) throws {
        let at = decoder.offset
        let v = try decoder.decodeCompactUInt128()
        guard let t = T(exactly: v) else {
            decoder.offset = at
            throw ScaleError.invalidValue(offset: at, expected: "compact value fitting in \(T.bitWidth) bits")
        }
        value = t
    }

    public static var scaleMinimumSize: Int { 1 }
}

extension Compact: CustomStringConvertible {
    public var description: String { "Compact(\(value))" }
}
