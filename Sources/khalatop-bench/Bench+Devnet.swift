import Devnet
import Dispatch
import Foundation
import SubstrateRPC

/// Devnet benchmarks (issue 5): block production time at 1,000 and 10,000
/// workers, and `state_queryStorageAt` for 1,000 keys through the RPC handler.
func devnetBenchmarks() throws -> [BenchRow] {
    var rows: [BenchRow] = []
    for workers in [1_000, 10_000] {
        var config = DevnetConfig()
        config.workers = workers
        config.pools = max(1, workers / 200)
        let t0 = nowNanos()
        let chain = DevnetChain(config: config)
        let genesisMs = Double(nowNanos() - t0) / 1e6
        for _ in 0..<5 { chain.produceBlock() }  // warm up
        let perBlock = medianNanos(runs: 41) { blackHole(chain.produceBlock()) }
        rows.append(BenchRow(section: "devnet", name: "produce block, \(workers) workers", value: "\(fmt(perBlock / 1e6, 3)) ms",
                             note: "median of 41 blocks; genesis \(fmt(genesisMs, 0)) ms"))
    }

    // state_queryStorageAt over 1,000 keys (the Sessions of 1,000 workers), JSON in and out.
    var config = DevnetConfig()
    config.workers = 1_000
    config.pools = 5
    let node = DevnetNode(config: config)
    let keys: [JSONValue] = blocking {
        await node.withChain { chain in chain.workerPublicKeys.indices.compactMap { chain.session(ofWorker: $0) } }
    }.map { session in .hex(sessionKey(session)) }
    let context = RPCCallContext(connectionID: 1, transport: .http)
    let params: JSONValue = [.array(keys)]
    var answered = 0
    let perCall = medianNanos(runs: 21) {
        let result = blocking { try? await node.call(method: "state_queryStorageAt", params: params, context: context) }
        answered = result?[0]?["changes"]?.arrayValue?.count ?? 0
        blackHole(result?.serializedBytes().count)
    }
    rows.append(BenchRow(section: "devnet", name: "state_queryStorageAt, 1,000 keys", value: "\(fmt(perCall / 1e6, 3)) ms",
                         note: "\(answered) values, serialized; \(fmt(1e9 / perCall * 1000, 0)) keys/s"))
    return rows
}

/// `PhalaComputation.Sessions` key of a session account (twox64Concat).
private func sessionKey(_ account: [UInt8]) -> [UInt8] {
    DevnetStorageKeys.session(account)
}

/// Runs an async body to completion from the synchronous bench.
private func blocking<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        box.value = await body()
        done.signal()
    }
    done.wait()
    return box.value!
}

private final class ResultBox<T>: @unchecked Sendable { var value: T? }
