import SubstrateRPC

/// The notifications of one subscription, with the id the node gave it.
///
/// Iterate it like any async sequence. Dropping it (and its iterators) or
/// cancelling the consuming task unsubscribes on the node; it ends with
/// `RPCClientError.connectionClosed` when the connection goes, so the engine
/// knows to resubscribe and backfill.
public struct RPCSubscriptionStream: AsyncSequence, Sendable {
    public typealias Element = JSONValue
    public typealias AsyncIterator = AsyncThrowingStream<JSONValue, any Error>.Iterator

    /// The subscription id from the node (used by `RPCClient.unsubscribe(id:)`).
    public let id: RPCID
    /// The subscribe method, e.g. "chain_subscribeNewHeads".
    public let method: String
    let stream: AsyncThrowingStream<JSONValue, any Error>

    public func makeAsyncIterator() -> AsyncIterator { stream.makeAsyncIterator() }
}
