import Foundation
import MiningCore
import SubstrateRPC

/// Polls the `/info` of each configured worker's pRuntime (config.toml
/// `pruntime = "http://..."`, issue 8) and publishes one snapshot per round,
/// for the worker detail view's sync heights.
///
/// Each round asks every endpoint concurrently, each bounded by the client's
/// timeout, so one dead pRuntime cannot hold the others back; an endpoint that
/// fails is reported `unreachable` with the reason. The stream keeps only the
/// newest snapshot when the consumer is slow.
public struct PRuntimePoller: Sendable {
    public var endpoints: [WorkerKey: String]
    public var intervalSeconds: Double
    public var clientConfiguration: PRuntimeClient.Configuration

    public init(endpoints: [WorkerKey: String], intervalSeconds: Double = 10,
                clientConfiguration: PRuntimeClient.Configuration = .init(timeoutSeconds: 5)) {
        self.endpoints = endpoints
        self.intervalSeconds = intervalSeconds
        self.clientConfiguration = clientConfiguration
    }

    /// One round: every endpoint once. `nowMs` stamps the results.
    public func poll(nowMs: @escaping @Sendable () -> UInt64 = PRuntimePoller.wallClockMs) async -> [WorkerKey: PRuntimeStatus] {
        let configuration = clientConfiguration
        return await withTaskGroup(of: (WorkerKey, PRuntimeStatus).self) { group in
            for (worker, url) in endpoints {
                group.addTask {
                    do {
                        let info = try await PRuntimeClient(url: url, configuration: configuration).info()
                        return (worker, PRuntimeStatus(info, endpoint: url, polledAtMs: nowMs()))
                    } catch {
                        return (worker, PRuntimeStatus(endpoint: url, reachability: .unreachable("\(error)"),
                                                       polledAtMs: nowMs()))
                    }
                }
            }
            var out: [WorkerKey: PRuntimeStatus] = [:]
            for await (worker, status) in group { out[worker] = status }
            return out
        }
    }

    /// Snapshots every `intervalSeconds` until the consumer stops iterating.
    public func snapshots() -> AsyncStream<[WorkerKey: PRuntimeStatus]> {
        let (stream, continuation) = AsyncStream.makeStream(of: [WorkerKey: PRuntimeStatus].self,
                                                            bufferingPolicy: .bufferingNewest(1))
        let poller = self
        let task = Task {
            while !Task.isCancelled {
                continuation.yield(await poller.poll())
                try? await Task.sleep(for: .seconds(max(0.1, poller.intervalSeconds)))
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    @Sendable public static func wallClockMs() -> UInt64 { UInt64(Date().timeIntervalSince1970 * 1000) }
}

extension PRuntimeStatus {
    /// The status a pRuntime's `/info` answer gives.
    public init(_ info: PRuntimeInfo, endpoint: String, polledAtMs: UInt64) {
        self.init(endpoint: endpoint, reachability: .answered, initialized: info.initialized, registered: info.registered,
                  devMode: info.devMode, nextRelayHeaderNumber: info.headerNumber,
                  nextParaHeaderNumber: info.paraHeaderNumber, nextBlockNumber: info.blockNumber,
                  waitingForParaHeaders: info.waitingForParaHeaders, pendingMessages: info.pendingMessages,
                  score: info.score, version: info.version, publicKeyHex: info.publicKey, polledAtMs: polledAtMs)
    }
}
