import Scale
import SubstrateRPC

/// Follows one submitted extrinsic to its end and survives the connection
/// going away (issue 8: the transactions pane "survives a reconnect"):
/// `author_submitAndWatchExtrinsic` statuses while the connection lasts,
/// each inclusion read back as `ExtrinsicSuccess`/`ExtrinsicFailed`; when
/// the connection drops, it reconnects (trying each endpoint) and searches
/// the finalized blocks from the extrinsic's era birth for it, until it is
/// found or its era has ended (then it can never be included).
public struct ExtrinsicTracker: Sendable {
    /// What happened to the extrinsic.
    public enum Update: Sendable, Hashable {
        /// A watch status; for `inBlock`/`finalized` the outcome and the block number when readable.
        case status(ExtrinsicStatus, outcome: DispatchOutcome?, blockNumber: UInt64?)
        /// The node refused it at submission (`1010` stale nonce, bad signature...).
        case refused(code: Int, message: String)
        /// The watch connection dropped; searching new finalized blocks for it.
        case connectionLost(reason: String)
        /// Found in a finalized block after a reconnect.
        case foundAfterReconnect(blockHash: [UInt8], outcome: DispatchOutcome?, blockNumber: UInt64)
        /// Not included before its mortal era ended: it never will be.
        case expired(lastBlockSearched: UInt64)
    }

    public let endpoints: [String]
    public var retrySeconds: Double
    public var timeoutSeconds: Double
    /// Settings of the clients it reconnects with (TLS trust, limits).
    public var clientConfiguration: RPCClientConfiguration

    public init(endpoints: [String], retrySeconds: Double = 2, timeoutSeconds: Double = 30,
                clientConfiguration: RPCClientConfiguration = RPCClientConfiguration()) {
        self.clientConfiguration = clientConfiguration
        self.endpoints = endpoints
        self.retrySeconds = retrySeconds
        self.timeoutSeconds = timeoutSeconds
    }

    /// Submits `signed` on `rpc` (already connected) and yields updates until
    /// a final one; the stream ends then (or when the consumer cancels).
    /// `birthBlock` and `eraPeriodBlocks` bound the search after a reconnect
    /// (period 0, immortal: searched until cancelled).
    public func track(_ signed: SignedExtrinsic, metadata: RuntimeMetadataV14, birthBlock: UInt64, eraPeriodBlocks: UInt64,
                      on rpc: RPCClient) -> AsyncStream<Update> {
        AsyncStream { continuation in
            let task = Task {
                await run(signed, metadata: metadata, birthBlock: birthBlock, eraPeriodBlocks: eraPeriodBlocks, rpc: rpc) {
                    continuation.yield($0)
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    func run(_ signed: SignedExtrinsic, metadata: RuntimeMetadataV14, birthBlock: UInt64, eraPeriodBlocks: UInt64,
             rpc: RPCClient, yield: (Update) -> Void) async {
        let client = ExtrinsicClient(client: rpc, timeoutSeconds: timeoutSeconds)
        func read(_ hash: [UInt8], _ client: ExtrinsicClient) async -> (DispatchOutcome?, UInt64?) {
            let outcome = try? await client.outcome(of: signed.bytes, inBlock: hash, metadata: metadata)
            let number = try? await client.blockNumber(hash)
            return (outcome, number)
        }
        do {
            for try await status in try await client.submitAndWatch(signed.bytes) {
                switch status {
                case .inBlock(let hash), .finalized(let hash):
                    let (o, n) = await read(hash, client)
                    yield(.status(status, outcome: o, blockNumber: n))
                default:
                    yield(.status(status, outcome: nil, blockNumber: nil))
                }
                if status.isFinal { return }
            }
            if Task.isCancelled { return }
            yield(.connectionLost(reason: "the node stopped reporting before a final status"))
        } catch let RPCClientError.rpcError(code, message, data) {
            yield(.refused(code: code, message: message + (data?.stringValue.map { ": \($0)" } ?? "")))
            return
        } catch {
            if Task.isCancelled { return }
            yield(.connectionLost(reason: "\(error)"))
        }
        await search(signed, metadata: metadata, from: birthBlock + 1,
                     until: eraPeriodBlocks > 0 ? birthBlock + eraPeriodBlocks : nil, yield: yield)
    }

    /// Reconnects and scans finalized blocks `from...` for the extrinsic.
    func search(_ signed: SignedExtrinsic, metadata: RuntimeMetadataV14, from first: UInt64, until lastValid: UInt64?,
                yield: (Update) -> Void) async {
        var next = first
        var attempt = 0
        while !Task.isCancelled {
            let url = endpoints.isEmpty ? nil : endpoints[attempt % endpoints.count]
            attempt += 1
            guard let url else { return }
            let rpc = RPCClient(configuration: clientConfiguration)
            do {
                try await rpc.connect(url: url)
                let client = ExtrinsicClient(client: rpc, timeoutSeconds: timeoutSeconds)
                while !Task.isCancelled {
                    let finalized = try await client.finalizedNumber()
                    while next <= finalized {
                        let hash = try await client.blockHash(next)
                        if try await client.blockContains(signed.bytes, blockHash: hash) {
                            let outcome = try? await client.outcome(of: signed.bytes, inBlock: hash, metadata: metadata)
                            yield(.foundAfterReconnect(blockHash: hash, outcome: outcome, blockNumber: next))
                            await rpc.disconnect()
                            return
                        }
                        next += 1
                    }
                    if let lastValid, finalized >= lastValid {
                        yield(.expired(lastBlockSearched: finalized))
                        await rpc.disconnect()
                        return
                    }
                    try await Task.sleep(for: .seconds(retrySeconds))
                }
            } catch {
                // Connection refused or lost again: try the next endpoint after a pause.
            }
            await rpc.disconnect()
            try? await Task.sleep(for: .seconds(retrySeconds))
        }
    }
}

extension ExtrinsicClient {
    /// The number of the finalized head.
    public func finalizedNumber() async throws -> UInt64 {
        let m = SubstrateMethods.chainGetFinalizedHead
        let r = try await call(m, [])
        let hash: [UInt8]
        do { hash = try r.hexBytes(field: "result", length: 32) } catch { throw bad(m, error) }
        return try await blockNumber(hash)
    }

    /// The number of block `hash`.
    public func blockNumber(_ hash: [UInt8]) async throws -> UInt64 {
        let m = SubstrateMethods.chainGetHeader
        let r = try await call(m, [.hex(hash)])
        do { return try RPCHeader(json: r).number } catch { throw bad(m, error) }
    }

    /// Whether block `blockHash` holds `extrinsic` (byte for byte).
    public func blockContains(_ extrinsic: [UInt8], blockHash: [UInt8]) async throws -> Bool {
        let m = SubstrateMethods.chainGetBlock
        let r = try await call(m, [.hex(blockHash)])
        guard let list = r["block"]?["extrinsics"]?.arrayValue else {
            throw ExtrinsicClientError.badResult(method: m, reason: "no block.extrinsics array")
        }
        return list.contains { (try? $0.hexBytes(field: "extrinsic")) == extrinsic }
    }
}
