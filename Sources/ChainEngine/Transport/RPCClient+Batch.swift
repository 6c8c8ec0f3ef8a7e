import SubstrateRPC

/// One call of a JSON-RPC batch.
public struct RPCBatchCall: Sendable, Hashable {
    public var method: String
    public var params: JSONValue?

    public init(_ method: String, params: JSONValue? = .array([])) {
        self.method = method
        self.params = params
    }
}

/// JSON-RPC 2.0 batches (§6): many calls in one frame, one result each.
///
/// For the engine's backfill (a run of `chain_getBlockHash`/`state_getStorageAt`
/// for missed blocks) one frame saves a round trip per call; each call still
/// has its own result, so one refused call does not fail the others.
extension RPCClient {
    /// Sends `calls` as one batch frame; results come back in the same order.
    ///
    /// - Throws: `notConnected` before sending; per-call failures (an RPC
    ///   error, the timeout, a closed connection) are in the results.
    public func batch(_ calls: [RPCBatchCall], timeoutSeconds: Double? = nil) async throws -> [Result<JSONValue, RPCClientError>] {
        guard outbox != nil else { throw RPCClientError.notConnected }
        guard !calls.isEmpty else { return [] }
        let ids = calls.map { _ in makeID() }
        let frame = JSONValue.array(zip(ids, calls).map { RPCRequest(method: $1.method, params: $1.params, id: $0).json }).serialized()
        let gate = BatchGate(expected: calls.count, frame: frame)
        return await withTaskGroup(of: (Int, Result<JSONValue, RPCClientError>).self) { group in
            for (k, call) in calls.enumerated() {
                let id = ids[k]
                group.addTask {
                    do {
                        return (k, .success(try await self.awaitBatchMember(id: id, method: call.method,
                                                                            timeoutSeconds: timeoutSeconds, gate: gate)))
                    } catch let e as RPCClientError {
                        return (k, .failure(e))
                    } catch {
                        return (k, .failure(.cancelled))
                    }
                }
            }
            var results = [Result<JSONValue, RPCClientError>](repeating: .failure(.cancelled), count: calls.count)
            for await (k, r) in group { results[k] = r }
            return results
        }
    }

    /// Registers one member; the last one to register sends the whole frame,
    /// so no response can arrive before every member waits for it.
    func awaitBatchMember(id: RPCID, method: String, timeoutSeconds: Double?, gate: BatchGate) async throws -> JSONValue {
        guard let outbox else { throw RPCClientError.notConnected }
        guard !Task.isCancelled else { throw RPCClientError.cancelled }
        return try await awaitResponse(id: id, method: method, timeoutSeconds: timeoutSeconds, subscription: nil) {
            gate.registered += 1
            if gate.registered == gate.expected { outbox.yield(gate.frame) }
        }
    }
}

/// Counts a batch's registered members; touched only on the client actor.
final class BatchGate: @unchecked Sendable {
    let expected: Int
    let frame: String
    var registered = 0

    init(expected: Int, frame: String) {
        self.expected = expected
        self.frame = frame
    }
}
