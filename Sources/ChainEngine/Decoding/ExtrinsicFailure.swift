/// `System.ExtrinsicFailed` in a block (PROTOCOL.md §3): which extrinsic and
/// the dispatch error named through the metadata (e.g.
/// `PhalaStakePoolv2.InsufficientStake`), so an operator sees why an action failed.
public struct ExtrinsicFailure: Sendable, Hashable, CustomStringConvertible {
    public var block: UInt32
    /// Index of the extrinsic in the block (`Phase::ApplyExtrinsic`), nil outside.
    public var extrinsicIndex: UInt32?
    public var error: String

    public init(block: UInt32, extrinsicIndex: UInt32?, error: String) {
        self.block = block
        self.extrinsicIndex = extrinsicIndex
        self.error = error
    }

    public var description: String {
        "extrinsic \(extrinsicIndex.map(String.init) ?? "-") of block \(block) failed: \(error)"
    }
}
