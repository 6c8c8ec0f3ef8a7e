import Scale

/// One argument of a call, before it meets the metadata type it must fit
/// (PROTOCOL.md §2). The encoder checks it against the live type, so a value
/// of the wrong shape is a typed error instead of garbage bytes.
public enum CallArgument: Sendable, Hashable {
    /// An unsigned integer: fixed width (`u64` pid, `u128` stake) or `Compact`, range-checked.
    case unsigned(UInt128)
    /// Raw bytes: `[u8; N]` (length-checked), `Vec<u8>`, or a newtype of either (`WorkerPublicKey`, `AccountId32`).
    case bytes([UInt8])
    /// A value already SCALE-encoded as the argument's type (e.g. `WorkerRegistrationInfoV2`
    /// from a pRuntime); it must decode as that type, consuming every byte.
    case encoded([UInt8])
    /// A dynamic value, encoded through the type.
    case value(ScaleValue)
    /// `Vec<RuntimeCall>` (`Utility.batch_all`): each call must decode as the runtime's call type.
    case calls([EncodedCall])
}

/// A call encoded through the metadata: `pallet index ‖ call index ‖ args`,
/// with the names it was built from (for confirmations and errors).
public struct EncodedCall: Sendable, Hashable {
    public let pallet: String
    public let name: String
    public let bytes: [UInt8]

    public init(pallet: String, name: String, bytes: [UInt8]) {
        self.pallet = pallet; self.name = name; self.bytes = bytes
    }
}
