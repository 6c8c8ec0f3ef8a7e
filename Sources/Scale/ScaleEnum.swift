/// Helper protocol for writing coders of Rust enums with explicit variant
/// indices (`#[codec(index = N)]`): the index byte, then the variant's fields.
///
/// Pallet calls, events and states like `WorkerState` (PROTOCOL.md §1.2)
/// are such enums; their indices are not always 0, 1, 2...
public protocol ScaleEnum: ScaleCodable {
    /// The index byte of this value's variant.
    var variantIndex: UInt8 { get }
    /// Writes the variant's fields (not the index byte).
    func encodeFields(to encoder: inout ScaleEncoder)
    /// Reads the fields of variant `index`; returns nil for an unknown index.
    static func decodeVariant(_ index: UInt8, from decoder: inout ScaleDecoder) throws -> Self?
    /// Name used in `unknownVariant` errors.
    static var scaleTypeName: String { get }
}

extension ScaleEnum {
    public static var scaleTypeName: String { String(describing: Self.self) }

    public func encodeFields(to encoder: inout ScaleEncoder) {}

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.appendByte(variantIndex)
        encodeFields(to: &encoder)
    }

    public init(from decoder: inout ScaleDecoder) throws {
        let at = decoder.offset
        let index = try decoder.readByte()
        guard let v = try Self.decodeVariant(index, from: &decoder) else {
            decoder.offset = at
            throw ScaleError.unknownVariant(offset: at, index: index, type: Self.scaleTypeName)
        }
        self = v
    }
}

/// Fieldless enums whose raw value is the variant index get the coder for free.
extension ScaleEnum where Self: RawRepresentable, RawValue == UInt8 {
    public var variantIndex: UInt8 { rawValue }
    public static func decodeVariant(_ index: UInt8, from decoder: inout ScaleDecoder) throws -> Self? {
        Self(rawValue: index)
    }
}
