import Scale

/// A value from the chain the runtime metadata could not explain: which
/// item, its storage key (hex) or block position, and why (PROTOCOL.md
/// §1.6). The engine reports these as diagnostics and carries on; nothing
/// is dropped silently.
public struct DecodeIssue: Sendable, Hashable, CustomStringConvertible {
    /// What was being decoded, e.g. `PhalaRegistry.Workers` or `extrinsic 3`.
    public var item: String
    /// The storage key in hex, when the value came from storage.
    public var keyHex: String?
    public var block: UInt32?
    public var reason: String

    public init(item: String, key: [UInt8]? = nil, block: UInt32? = nil, reason: String) {
        self.item = item
        self.keyHex = key.map { Hex.encode($0) }
        self.block = block
        self.reason = reason
    }

    public var description: String {
        var s = "cannot decode \(item)"
        if let keyHex { s += " at key \(keyHex)" }
        if let block { s += " in block \(block)" }
        return s + ": " + reason
    }
}
