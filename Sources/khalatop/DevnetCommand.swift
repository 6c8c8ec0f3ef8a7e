import ArgumentParser
import ChainCrypto
import Devnet
import Foundation
import Scale

/// `khalatop devnet`: serve the embedded simulated Khala chain alone on a
/// loopback port for other clients (py-substrate-interface, rpc_trace.py),
/// producing a block every `--block-time` seconds (issue 5).
struct DevnetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devnet",
        abstract: "Serve a simulated Khala chain over Substrate JSON-RPC (WebSocket and HTTP).",
        discussion: """
            Dev accounts //Alice... own the pools and hold PHA. The same --seed and options \
            give the same chain. Fault injection: --slow, --flaky, --offline are fractions of \
            the workers; --offline-worker I --offline-at B [--online-at B2] takes worker I offline.
            """
    )

    @Option(help: "Port on 127.0.0.1 (0 picks a free one).") var port: Int = 9944
    @Option(help: "Seed of every random choice.") var seed: UInt64 = 1
    @Option(help: "Number of simulated workers.") var workers: Int = 8
    @Option(help: "Number of stake pools.") var pools: Int = 2
    @Option(name: .customLong("block-time"), help: "Seconds per block (12 on Khala; fractions allowed).")
    var blockTimeSeconds: Double = 12
    @Option(name: .customLong("heartbeat-window"), help: "Blocks a worker has to answer a challenge.")
    var heartbeatWindowBlocks: UInt32 = 20
    @Option(name: .customLong("expected-heartbeats"), help: "ExpectedHeartbeatCount (challenges per block target).")
    var expectedHeartbeats: UInt32 = 20
    @Option(name: .customLong("cool-down"), help: "CoolDownPeriod in seconds.") var coolDownSeconds: UInt64 = 604_800
    @Option(help: "Fraction of workers that answer late.") var slow: Double = 0
    @Option(help: "Fraction of workers that drop answers.") var flaky: Double = 0
    @Option(help: "Fraction of workers that never answer.") var offline: Double = 0
    @Option(name: .customLong("offline-worker"), help: "Index of one worker to take offline.") var offlineWorker: Int?
    @Option(name: .customLong("offline-at"), help: "Block at which --offline-worker goes offline.") var offlineAt: UInt32 = 10
    @Option(name: .customLong("online-at"), help: "Block at which it answers again.") var onlineAt: UInt32?
    @Option(name: .customLong("state-depth"), help: "Past blocks whose state stays queryable.") var stateDepth: Int = 256
    @Option(name: .customLong("genesis-ms"), help: "Unix ms of block 0 (default: now; fix it to replay a run exactly).")
    var genesisMs: UInt64?
    @Option(name: .customLong("upgrade-at"),
            help: "Block that upgrades the runtime to the next spec with the DCAP types (also: RPC devnet_upgradeRuntime).")
    var upgradeAt: UInt32?
    @Option(name: .customLong("upgrade-dcap-workers"), help: "Workers that re-register with DCAP after --upgrade-at.")
    var upgradeDcapWorkers: Int = 0
    @Option(name: .customLong("tls-cert"), help: "PEM certificate chain: serve wss:// (needs --tls-key).") var tlsCert: String?
    @Option(name: .customLong("tls-key"), help: "PEM private key of --tls-cert.") var tlsKey: String?
    @Option(help: "Workers whose simulated pRuntime runs but which are not registered yet.") var unregistered: Int = 1
    @Option(name: .customLong("pruntime-port"), help: "Port of the simulated pRuntimes on 127.0.0.1 (0 picks a free one).")
    var pruntimePort: Int = 9955
    @Flag(name: .customLong("khala-attestation"),
          help: "Refuse unattested (dev-mode) registrations, as Khala does (NoneAttestationEnabled = false).")
    var khalaAttestation = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535") }
        guard blockTimeSeconds >= 0.05, blockTimeSeconds <= 3600 else { throw ValidationError("--block-time must be 0.05...3600 s") }
        guard (0...100_000).contains(workers), (0...10_000).contains(pools) else {
            throw ValidationError("--workers must be 0...100000 and --pools 0...10000")
        }
        for f in [slow, flaky, offline] where !(0...1).contains(f) { throw ValidationError("fractions must be 0...1") }
        guard (1...100_000).contains(heartbeatWindowBlocks) else { throw ValidationError("--heartbeat-window must be 1...100000") }
        guard (1...1_000_000).contains(stateDepth) else { throw ValidationError("--state-depth must be 1...1000000") }
        guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError("--tls-cert and --tls-key go together") }
        guard upgradeAt.map({ $0 >= 1 }) ?? true else { throw ValidationError("--upgrade-at must be a block after genesis") }
        guard (0...workers).contains(upgradeDcapWorkers) else { throw ValidationError("--upgrade-dcap-workers must be 0...--workers") }
        guard (0...10_000).contains(unregistered) else { throw ValidationError("--unregistered must be 0...10000") }
        guard (0...65535).contains(pruntimePort) else { throw ValidationError("--pruntime-port must be 0...65535") }
    }

    var config: DevnetConfig {
        var c = DevnetConfig()
        c.seed = seed
        c.workers = workers
        c.pools = pools
        c.blockTimeSeconds = blockTimeSeconds
        c.heartbeatWindowBlocks = heartbeatWindowBlocks
        c.expectedHeartbeats = expectedHeartbeats
        c.coolDownSeconds = coolDownSeconds
        c.faults.slowFraction = slow
        c.faults.flakyFraction = flaky
        c.faults.offlineFraction = offline
        if let offlineWorker {
            c.faults.offlineWorker = OfflineWorker(workerIndex: offlineWorker, fromBlock: offlineAt, untilBlock: onlineAt)
        }
        c.stateDepthBlocks = stateDepth
        c.genesisTimestampMs = genesisMs ?? UInt64(Date().timeIntervalSince1970 * 1000)
        c.runtimeUpgrade = upgradeAt.map { RuntimeUpgradePlan(atBlock: $0, dcapWorkers: upgradeDcapWorkers) }
        c.unregisteredWorkers = unregistered
        c.noneAttestationEnabled = !khalaAttestation
        return c
    }

    func run() async throws {
        let node = DevnetNode(config: config)
        var serverConfig = RPCServerConfiguration()
        serverConfig.port = port
        if let tlsCert, let tlsKey { serverConfig.tls = RPCServerTLS(certificateChainPEMFile: tlsCert, privateKeyPEMFile: tlsKey) }
        let server = try await RPCServer.start(handler: node, configuration: serverConfig)
        let pruntimes = try await SimulatedPRuntimeServer.start(node: node, port: pruntimePort)
        await node.startTimer()
        print("khalatop devnet: \(workers) workers in \(pools) pools, block time \(blockTimeSeconds) s, seed \(seed)")
        print("listening on \(server.webSocketURL) (WebSocket and HTTP POST\(server.usesTLS ? " over TLS; connect by a host name the certificate names" : ""))")
        if let upgradeAt { print("runtime upgrade to the DCAP runtime at block \(upgradeAt)") }
        print("simulated pRuntimes (dev mode): \(pruntimes.url(worker: 0)) ... \(pruntimes.url(worker: workers + unregistered - 1))")
        if unregistered > 0 {
            print("  not yet registered: workers \(workers)...\(workers + unregistered - 1), e.g. \(pruntimes.url(worker: workers))")
        }
        for (name, key) in zip(DevAccounts.names, DevAccounts.publicKeys) {
            print("  //\(name) \(SS58.encode(key, prefix: 30))")
        }
        fflush(nil)  // all streams: `stdout` itself is not concurrency-safe to name
        // Serve until interrupted.
        while !Task.isCancelled { try await Task.sleep(nanoseconds: 3_600_000_000_000) }
    }
}
