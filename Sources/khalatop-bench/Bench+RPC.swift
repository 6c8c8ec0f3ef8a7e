import ChainEngine
import Devnet
import Foundation
import SubstrateRPC

/// Benchmarks of the RPC transport: JSON parse/serialize of real frame
/// shapes, and our client against our server on loopback.
func rpcBenchmarks() throws -> [BenchRow] {
    var rows: [BenchRow] = []

    // A state_getMetadata-sized response: ~770 KB of hex in one string.
    let metadataHex = String(repeating: "0123456789abcdef", count: 770_000 / 16)
    let frame = Array(#"{"jsonrpc":"2.0","result":"0x\#(metadataHex)","id":42}"#.utf8)
    let parseNs = medianNanos(runs: 30) { blackHole(try? JSONParser.parse(frame)) }
    rows.append(BenchRow(section: "rpc", name: "json parse 770 KB metadata frame", value: fmt(Double(frame.count) / parseNs * 1000, 0) + " MB/s",
                         note: fmt(parseNs / 1e6, 3) + " ms per frame"))
    let parsed = try JSONParser.parse(frame)
    let serNs = medianNanos(runs: 30) { blackHole(parsed.serializedBytes()) }
    rows.append(BenchRow(section: "rpc", name: "json serialize 770 KB metadata frame", value: fmt(Double(frame.count) / serNs * 1000, 0) + " MB/s",
                         note: fmt(serNs / 1e6, 3) + " ms per frame"))

    let head = Array(#"{"jsonrpc":"2.0","method":"chain_newHead","params":{"subscription":"tAkZIcknAOXmOGWz","result":{"parentHash":"0x8c2b0b1d0a7f4d7c6f6a4c3a1b2e9f8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a29","number":"0x1b4f2a","stateRoot":"0x1f2e3d4c5b6a79880716253443526170f1e2d3c4b5a69788796a5b4c3d2e1f00","extrinsicsRoot":"0x0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9","digest":{"logs":["0x0642414245b50103000000009ab1d00f00000000","0x05424142450101a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8"]}}}}"#.utf8)
    let headNs = medianNanos(runs: 2000) {
        blackHole(try? RPCHeader(json: JSONParser.parse(head)["params"]?["result"] ?? .null))
    }
    rows.append(BenchRow(section: "rpc", name: "chain_newHead frame → RPCHeader", value: fmt(headNs / 1000, 2) + " µs",
                         note: "\(head.count) B frame"))

    rows += try runBlocking { try await loopbackRows() }
    return rows
}

/// Client and server in one process on 127.0.0.1 (both share the 2 cores).
private func loopbackRows() async throws -> [BenchRow] {
    let server = try await RPCServer.start(handler: BenchHandler())
    let client = RPCClient(configuration: RPCClientConfiguration(offerCompression: false))
    try await client.connect(url: server.webSocketURL)
    var rows: [BenchRow] = []

    for _ in 0..<200 { _ = try await client.call("echo", params: [1]) }
    var samples: [UInt64] = []
    for i in 0..<3000 {
        let t0 = nowNanos()
        _ = try await client.call("echo", params: [.int(Int64(i))])
        samples.append(nowNanos() - t0)
    }
    samples.sort()
    rows.append(BenchRow(section: "rpc", name: "loopback call round trip (median)", value: fmt(Double(samples[samples.count / 2]) / 1000, 1) + " µs",
                         note: "p99 " + fmt(Double(samples[samples.count * 99 / 100]) / 1000, 1) + " µs, 3000 sequential calls"))

    let total = 20_000
    let concurrency = 64
    let t0 = nowNanos()
    try await withThrowingTaskGroup(of: Void.self) { group in
        for worker in 0..<concurrency {
            group.addTask {
                for i in stride(from: worker, to: total, by: concurrency) {
                    _ = try await client.call("echo", params: [.int(Int64(i))])
                }
            }
        }
        try await group.waitForAll()
    }
    let seconds = Double(nowNanos() - t0) / 1e9
    rows.append(BenchRow(section: "rpc", name: "loopback calls/s (64 in flight)", value: fmt(Double(total) / seconds, 0),
                         note: "\(total) calls in " + fmt(seconds, 2) + " s"))

    let batchCalls = (0..<1000).map { RPCBatchCall("echo", params: [.int(Int64($0))]) }
    var batchSamples: [UInt64] = []
    for _ in 0..<9 {
        let t = nowNanos()
        _ = try await client.batch(batchCalls)
        batchSamples.append(nowNanos() - t)
    }
    batchSamples.sort()
    let batchNs = Double(batchSamples[4])
    rows.append(BenchRow(section: "rpc", name: "loopback batch of 1000 calls", value: fmt(batchNs / 1e6, 2) + " ms",
                         note: fmt(1000 / (batchNs / 1e9), 0) + " calls/s, median of 9, one frame each way"))

    var bigSamples: [UInt64] = []
    for _ in 0..<5 {
        let t = nowNanos()
        _ = try await client.call("big", params: [.int(8 << 20)], timeoutSeconds: 60)
        bigSamples.append(nowNanos() - t)
    }
    bigSamples.sort()
    rows.append(BenchRow(section: "rpc", name: "loopback 8 MiB result round trip", value: fmt(Double(bigSamples[2]) / 1e6, 1) + " ms",
                         note: "median of 5, serialize + frame + parse"))

    await client.disconnect()
    await server.shutdown()
    return rows
}

private struct BenchHandler: RPCHandler {
    let big = JSONValue.string(String(repeating: "ab", count: 4 << 20))

    func call(method: String, params: JSONValue?, context: RPCCallContext) async throws -> JSONValue {
        switch method {
        case "echo": return params ?? .null
        case "big": return big
        default: throw RPCErrorObject.methodNotFound(method)
        }
    }
}

/// Runs async work from the synchronous bench table (main thread, not the pool).
private final class BlockingBox<T: Sendable>: @unchecked Sendable {
    var result: Result<T, any Error>?
}

private func runBlocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let box = BlockingBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
        done.signal()
    }
    done.wait()
    guard let result = box.result else { throw CancellationError() }
    return try result.get()
}
