import SubstrateRPC

/// One call of a JSON-RPC batch.
public struct RPCBatchCall: Sendable, Hashable {
    public var method: String
    public var params: JSONValue?
    /// The params as JSON text, when the caller keeps them serialized (the
    /// engine's per-block key list is encoded once, not every block).
    public var encodedParams: [UInt8]?

    public init(_ method: String, params: JSONValue? = .array([])) {
        self.method = method
        self.params = params
    }

    /// A call whose params are already JSON text (`encodedParams` must be a JSON array or object).
    public init(_ method: String, encodedParams: [UInt8]) {
        self.method = method
        self.encodedParams = encodedParams
    }

    /// The request with `id`, as JSON text appended to `out`.
    func write(id: RPCID, into out: inout [UInt8]) {
        guard let encodedParams else {
            RPCRequest(method: method, params: params, id: id).json.write(into: &out)
            return
        }
        // The request without params, with the params' text spliced in before its closing brace.
        RPCRequest(method: method, params: nil, id: id).json.write(into: &out)
        out.removeLast()
        out.append(contentsOf: #","params":"#.utf8)
        out.append(contentsOf: encodedParams)
        out.append(UInt8(ascii: "}"))
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
    /// One continuation serves the whole batch, and its members share one
    /// deadline (the engine sends one batch per followed block).
    ///
    /// - Throws: `notConnected` before sending; per-call failures (an RPC
    ///   error, the timeout, a closed connection, cancellation) are in the results.
    public func batch(_ calls: [RPCBatchCall], timeoutSeconds: Double? = nil) async throws -> [Result<JSONValue, RPCClientError>] {
        guard let outbox else { throw RPCClientError.notConnected }
        guard !calls.isEmpty else { return [] }
        let ids = calls.map { _ in makeID() }
        guard !Task.isCancelled else { return ids.map { _ in .failure(.cancelled) } }
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (k, call) in calls.enumerated() {
            if k > 0 { bytes.append(UInt8(ascii: ",")) }
            call.write(id: ids[k], into: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        let frame = String(decoding: bytes, as: UTF8.self)
        let seconds = timeoutSeconds ?? configuration.defaultTimeoutSeconds
        let collector = BatchCollector(count: calls.count)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<[Result<JSONValue, RPCClientError>], Never>) in
                collector.continuation = continuation
                var deadline: ContinuousClock.Instant? = nil
                for (k, id) in ids.enumerated() {
                    let call = PendingCall(method: calls[k].method, continuation: nil, member: (collector, k), timeoutSeconds: seconds,
                                           subscription: nil)
                    pending[id] = call
                    deadline = deadline ?? call.deadline
                }
                if let deadline { armSweeper(for: deadline) }
                stats.callsSent += calls.count
                outbox.yield(frame)
            }
        } onCancel: {
            Task { [weak self] in await self?.cancelBatch(ids) }
        }
    }

    func cancelBatch(_ ids: [RPCID]) {
        for id in ids {
            pending.removeValue(forKey: id)?.resume(.failure(.cancelled))
        }
    }
}

/// The members' results of one batch; resumes the caller once all are in.
/// Touched only on the client actor.
final class BatchCollector: @unchecked Sendable {
    private var results: [Result<JSONValue, RPCClientError>?]
    private var remaining: Int
    var continuation: CheckedContinuation<[Result<JSONValue, RPCClientError>], Never>?

    init(count: Int) {
        results = Array(repeating: nil, count: count)
        remaining = count
    }

    func set(_ index: Int, _ outcome: Result<JSONValue, RPCClientError>) {
        guard index >= 0, index < results.count, results[index] == nil else { return }
        results[index] = outcome
        remaining -= 1
        guard remaining == 0, let c = continuation else { return }
        continuation = nil
        c.resume(returning: results.map { $0 ?? .failure(.cancelled) })
    }
}
