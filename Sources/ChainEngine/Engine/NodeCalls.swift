import Scale
import SubstrateRPC

/// Why a node's answer could not be used (a shape error in a result).
public enum NodeResponseError: Error, Sendable, Hashable, CustomStringConvertible {
    case badResult(method: String, reason: String)
    case blockNotFound(UInt32)
    case stalled(seconds: Double)
    case noEndpoints

    public var description: String {
        switch self {
        case .badResult(let m, let r): return "\(m) returned an unusable result: \(r)"
        case .blockNotFound(let n): return "the node has no block \(n)"
        case .stalled(let s): return "no new block for \(String(format: "%.1f", s)) s"
        case .noEndpoints: return "no endpoint configured"
        }
    }
}

/// The Substrate calls the engine makes, typed (sc-rpc-api shapes).
struct NodeCalls: Sendable {
    let client: RPCClient
    let timeout: Double

    nonisolated(nonsending) func raw(_ method: String, _ params: [JSONValue]) async throws -> JSONValue {
        try await client.call(method, params: .array(params), timeoutSeconds: timeout)
    }

    nonisolated(nonsending) func runtimeVersion(at hash: [UInt8]? = nil) async throws -> RPCRuntimeVersion {
        let m = SubstrateMethods.stateGetRuntimeVersion
        let r = try await raw(m, hash.map { [.hex($0)] } ?? [])
        do { return try RPCRuntimeVersion(json: r) } catch { throw NodeResponseError.badResult(method: m, reason: "\(error)") }
    }

    nonisolated(nonsending) func metadata(at hash: [UInt8]? = nil) async throws -> [UInt8] {
        let m = SubstrateMethods.stateGetMetadata
        let r = try await raw(m, hash.map { [.hex($0)] } ?? [])
        do { return try r.hexBytes(field: "result") } catch { throw NodeResponseError.badResult(method: m, reason: "\(error)") }
    }

    nonisolated(nonsending) func finalizedHead() async throws -> [UInt8] {
        let m = SubstrateMethods.chainGetFinalizedHead
        do { return try await raw(m, []).hexBytes(field: "result", length: 32) } catch let e as RPCDecodingError {
            throw NodeResponseError.badResult(method: m, reason: "\(e)")
        }
    }

    nonisolated(nonsending) func header(_ hash: [UInt8]? = nil) async throws -> RPCHeader {
        let m = SubstrateMethods.chainGetHeader
        let r = try await raw(m, hash.map { [.hex($0)] } ?? [])
        do { return try RPCHeader(json: r) } catch { throw NodeResponseError.badResult(method: m, reason: "\(error)") }
    }

    nonisolated(nonsending) func blockHash(_ number: UInt32) async throws -> [UInt8] {
        let m = SubstrateMethods.chainGetBlockHash
        let r = try await raw(m, [.uint(UInt64(number))])
        if r.isNull { throw NodeResponseError.blockNotFound(number) }
        do { return try r.hexBytes(field: "result", length: 32) } catch { throw NodeResponseError.badResult(method: m, reason: "\(error)") }
    }

    /// The block's extrinsics (each the SCALE bytes of one `UncheckedExtrinsic`).
    nonisolated(nonsending) func blockExtrinsics(_ hash: [UInt8]) async throws -> [[UInt8]] {
        try Self.extrinsics(of: try await raw(SubstrateMethods.chainGetBlock, [.hex(hash)]))
    }

    /// The extrinsics of a `chain_getBlock` result.
    static func extrinsics(of r: JSONValue) throws -> [[UInt8]] {
        let m = SubstrateMethods.chainGetBlock
        guard let list = r["block"]?["extrinsics"]?.arrayValue else {
            throw NodeResponseError.badResult(method: m, reason: r.isNull ? "no such block" : "no block.extrinsics array")
        }
        var out: [[UInt8]] = []
        out.reserveCapacity(list.count)
        for (i, x) in list.enumerated() {
            // The field name (with the index) is only built for the error: the per-block CPU target.
            if case .string(let h) = x, let bytes = try? RPCHex.decode(h) {
                out.append(bytes)
                continue
            }
            do { out.append(try x.hexBytes(field: "block.extrinsics[\(i)]")) } catch {
                throw NodeResponseError.badResult(method: m, reason: "\(error)")
            }
        }
        return out
    }

    /// Values of `keys` at `hash` (absent keys map to nil), in batches of
    /// `batch` keys per call, up to `storageCallsInFlight` calls at once (the
    /// node serves one while the engine reads another).
    nonisolated(nonsending) func storage(_ keys: [[UInt8]], at hash: [UInt8], batch: Int) async throws -> StorageValues {
        let m = SubstrateMethods.stateQueryStorageAt
        var out = StorageValues(minimumCapacity: keys.count)
        for k in keys { out[k] = .some(nil) }
        let size = max(1, batch)
        let chunks = stride(from: 0, to: keys.count, by: size).map { Array(keys[$0..<min(keys.count, $0 + size)]) }
        func params(_ chunk: [[UInt8]]) -> [JSONValue] { [.array(chunk.map { .hex($0) }), .hex(hash)] }
        if chunks.count == 1 {
            try Self.readChanges(try await raw(m, params(chunks[0])), into: &out)
            return out
        }
        try await withThrowingTaskGroup(of: JSONValue.self) { group in
            var next = 0
            while next < min(Self.storageCallsInFlight, chunks.count) {
                let p = params(chunks[next])
                group.addTask { try await self.raw(m, p) }
                next += 1
            }
            while let r = try await group.next() {
                try Self.readChanges(r, into: &out)
                if next < chunks.count {
                    let p = params(chunks[next])
                    group.addTask { try await self.raw(m, p) }
                    next += 1
                }
            }
        }
        return out
    }

    static let storageCallsInFlight = 4

    /// The `[{block, changes: [[key, value|null]]}]` result of `state_queryStorageAt`, into `out`.
    static func readChanges(_ r: JSONValue, into out: inout StorageValues) throws {
        let m = SubstrateMethods.stateQueryStorageAt
        guard let sets = r.arrayValue else { throw NodeResponseError.badResult(method: m, reason: "not an array") }
        for set in sets {
            guard let changes = set["changes"]?.arrayValue else {
                throw NodeResponseError.badResult(method: m, reason: "no changes array")
            }
            for change in changes {
                guard let pair = change.arrayValue, pair.count == 2 else {
                    throw NodeResponseError.badResult(method: m, reason: "change is not a [key, value] pair")
                }
                do {
                    let key = try pair[0].hexBytes(field: "key")
                    out[key] = .some(pair[1].isNull ? nil : try pair[1].hexBytes(field: "value"))
                } catch {
                    throw NodeResponseError.badResult(method: m, reason: "\(error)")
                }
            }
        }
    }

    /// A block's values of a few `keys` and its extrinsics, asked in one
    /// JSON-RPC batch frame (one write and one read per followed block
    /// instead of two: the per-block CPU target of issue 6).
    /// `encoded` is `keys` as the JSON text of the hex array the request sends.
    nonisolated(nonsending) func blockContents(_ keys: [[UInt8]], encoded: [UInt8], at hash: [UInt8]) async throws
        -> (values: StorageValues, extrinsics: [[UInt8]])
    {
        let sm = SubstrateMethods.stateQueryStorageAt, bm = SubstrateMethods.chainGetBlock
        var params: [UInt8] = [UInt8(ascii: "[")]
        params.reserveCapacity(encoded.count + 72)
        params += encoded
        params.append(UInt8(ascii: ","))
        JSONValue.hex(hash).write(into: &params)
        params.append(UInt8(ascii: "]"))
        let results = try await client.batch([RPCBatchCall(sm, encodedParams: params),
                                              RPCBatchCall(bm, params: .array([.hex(hash)]))], timeoutSeconds: timeout)
        guard results.count == 2 else { throw NodeResponseError.badResult(method: sm, reason: "batch answered \(results.count) of 2") }
        var values = StorageValues(minimumCapacity: keys.count)
        for k in keys { values[k] = .some(nil) }
        try Self.readChanges(try results[0].get(), into: &values)
        return (values, try Self.extrinsics(of: try results[1].get()))
    }

    /// Every key under `prefix` at `hash`, page by page.
    nonisolated(nonsending) func keys(prefix: [UInt8], at hash: [UInt8], pageSize: Int, limit: Int = 1_000_000) async throws -> [[UInt8]] {
        let m = SubstrateMethods.stateGetKeysPaged
        var out: [[UInt8]] = []
        var startKey: [UInt8]? = nil
        while out.count < limit {
            let r = try await raw(m, [.hex(prefix), .uint(UInt64(pageSize)), startKey.map { .hex($0) } ?? .null, .hex(hash)])
            guard let list = r.arrayValue else { throw NodeResponseError.badResult(method: m, reason: "not an array") }
            var page: [[UInt8]] = []
            for x in list {
                do { page.append(try x.hexBytes(field: "key")) } catch { throw NodeResponseError.badResult(method: m, reason: "\(error)") }
            }
            // A page must advance past startKey and stay under the prefix.
            for k in page where !k.starts(with: prefix) {
                throw NodeResponseError.badResult(method: m, reason: "key \(Hex.encode(k)) outside the prefix")
            }
            if let s = startKey, let first = page.first, !first.lexicographicallyPrecedes(s), first == s {
                throw NodeResponseError.badResult(method: m, reason: "page did not advance")
            }
            out += page
            guard page.count == pageSize, let last = page.last else { break }
            startKey = last
        }
        return out
    }
}
