import ChainCrypto
import Scale
import SubstrateRPC

/// The node calls around one signed extrinsic, on top of `RPCClient`
/// (issue 8): what the signer needs (metadata, runtime version, genesis and
/// best block, `system_accountNextIndex`), the fee estimate
/// (`TransactionPaymentApi_query_info`), submission with status tracking
/// (`author_submitAndWatchExtrinsic`), and reading back how it ended.
public struct ExtrinsicClient: Sendable {
    public let client: RPCClient
    public var timeoutSeconds: Double

    public init(client: RPCClient, timeoutSeconds: Double = 30) {
        self.client = client
        self.timeoutSeconds = timeoutSeconds
    }

    func call(_ method: String, _ params: [JSONValue]) async throws -> JSONValue {
        try await client.call(method, params: .array(params), timeoutSeconds: timeoutSeconds)
    }

    func bad(_ method: String, _ error: any Error) -> ExtrinsicClientError {
        .badResult(method: method, reason: "\(error)")
    }

    /// The runtime metadata (V14) at the best block.
    public func metadata() async throws -> RuntimeMetadataV14 {
        let m = SubstrateMethods.stateGetMetadata
        let r = try await call(m, [])
        do { return try RuntimeMetadataV14(bytes: try r.hexBytes(field: "result")) } catch { throw bad(m, error) }
    }

    public func runtimeVersion() async throws -> RPCRuntimeVersion {
        let m = SubstrateMethods.stateGetRuntimeVersion
        let r = try await call(m, [])
        do { return try RPCRuntimeVersion(json: r) } catch { throw bad(m, error) }
    }

    /// The hash of block `number` (0: the genesis hash).
    public func blockHash(_ number: UInt64) async throws -> [UInt8] {
        let m = SubstrateMethods.chainGetBlockHash
        let r = try await call(m, [.uint(number)])
        if r.isNull { throw ExtrinsicClientError.badResult(method: m, reason: "no block \(number)") }
        do { return try r.hexBytes(field: "result", length: 32) } catch { throw bad(m, error) }
    }

    /// The best block's header and hash.
    public func bestBlock() async throws -> (number: UInt64, hash: [UInt8]) {
        let m = SubstrateMethods.chainGetHeader
        let r = try await call(m, [])
        let header: RPCHeader
        do { header = try RPCHeader(json: r) } catch { throw bad(m, error) }
        return (header.number, try await blockHash(header.number))
    }

    public func chainName() async throws -> String {
        let r = try await call(SubstrateMethods.systemChain, [])
        guard let s = r.stringValue else { throw ExtrinsicClientError.badResult(method: SubstrateMethods.systemChain, reason: "not a string") }
        return s
    }

    /// `system_accountNextIndex`: the nonce to sign with (counts the pool's pending extrinsics).
    public func nextIndex(account publicKey: [UInt8], ss58Prefix: UInt16 = SS58.khalaPrefix) async throws -> UInt64 {
        let m = SubstrateMethods.systemAccountNextIndex
        let address: String
        do { address = try SS58.checkedEncode(publicKey, prefix: ss58Prefix) } catch { throw bad(m, error) }
        let r = try await call(m, [.string(address)])
        do { return try r.numberOrHex(field: "result") } catch { throw bad(m, error) }
    }

    /// `TransactionPaymentApi_query_info(extrinsic, len)` at the best block.
    public func queryInfo(_ extrinsic: [UInt8], metadata: RuntimeMetadataV14? = nil) async throws -> FeeEstimate {
        let m = SubstrateMethods.stateCall
        var e = ScaleEncoder()
        e.append(extrinsic)
        e.encode(UInt32(truncatingIfNeeded: extrinsic.count))
        let r = try await call(m, [.string("TransactionPaymentApi_query_info"), .hex(e.bytes)])
        do { return try FeeEstimate(bytes: try r.hexBytes(field: "result"), metadata: metadata) } catch { throw bad(m, error) }
    }

    /// Submits and follows the extrinsic; the stream ends after a final
    /// status (finalized, usurped, dropped, invalid, finality timeout) and
    /// throws when the connection goes or a status is malformed. A refusal
    /// at submission (bad signature, stale nonce) throws here, as
    /// `RPCClientError.rpcError` with the node's message.
    public func submitAndWatch(_ extrinsic: [UInt8]) async throws -> AsyncThrowingStream<ExtrinsicStatus, any Error> {
        let sub = try await client.subscribe(SubstrateMethods.extrinsicUpdates, params: .array([.hex(extrinsic)]),
                                             timeoutSeconds: timeoutSeconds)
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for try await note in sub {
                        let status = try ExtrinsicStatus(json: note)
                        continuation.yield(status)
                        if status.isFinal { break }
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// How `extrinsic` ended in block `blockHash`: finds its index among the
    /// block's extrinsics and reads that block's `System.Events`.
    public func outcome(of extrinsic: [UInt8], inBlock blockHash: [UInt8],
                        metadata: RuntimeMetadataV14) async throws -> DispatchOutcome {
        let m = SubstrateMethods.chainGetBlock
        let r = try await call(m, [.hex(blockHash)])
        guard let list = r["block"]?["extrinsics"]?.arrayValue else {
            throw ExtrinsicClientError.badResult(method: m, reason: "no block.extrinsics array")
        }
        var index: UInt32?
        for (i, x) in list.enumerated() {
            if let bytes = try? x.hexBytes(field: "extrinsic"), bytes == extrinsic { index = UInt32(i); break }
        }
        guard let index else { throw ExtrinsicClientError.notInBlock(blockHash: blockHash) }
        let s = SubstrateMethods.stateGetStorage
        let ev = try await call(s, [.hex(ExtrinsicEvents.storageKey), .hex(blockHash)])
        let eventBytes: [UInt8]
        do { eventBytes = try ev.hexBytes(field: "result") } catch { throw bad(s, error) }
        guard let outcome = try ExtrinsicEvents(metadata: metadata).outcome(extrinsicIndex: index, eventsBytes: eventBytes) else {
            throw ExtrinsicClientError.noOutcomeEvent(extrinsicIndex: index)
        }
        return outcome
    }
}

/// Why a node answer around an extrinsic could not be used.
public enum ExtrinsicClientError: Error, Sendable, Equatable, CustomStringConvertible {
    case badResult(method: String, reason: String)
    /// The block the node said held the extrinsic does not contain it.
    case notInBlock(blockHash: [UInt8])
    /// Neither `ExtrinsicSuccess` nor `ExtrinsicFailed` for it in the block's events.
    case noOutcomeEvent(extrinsicIndex: UInt32)

    public var description: String {
        switch self {
        case .badResult(let m, let r): return "\(m) returned an unusable result: \(r)"
        case .notInBlock(let h): return "the extrinsic is not in block \(RPCHex.encode(h))"
        case .noOutcomeEvent(let i): return "no ExtrinsicSuccess/ExtrinsicFailed event for extrinsic \(i)"
        }
    }
}
