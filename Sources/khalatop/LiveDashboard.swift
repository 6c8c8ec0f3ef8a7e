import ArgumentParser
import ChainCrypto
import ChainEngine
import Dashboard
import Devnet
import Foundation
import Logging
import MiningCore
import TermUINCurses

/// The dashboard on a chain (issue 7, "The dashboard"): either a real node
/// (`--rpc`, shown as live) or, with no endpoint, the embedded devnet started
/// in-process on a loopback ephemeral port and reached through the same
/// WebSocket client, with a SIMULATED banner. The engine's events are pumped
/// into the dashboard's mailbox; `q` stops the engine and the devnet.
struct LiveDashboard {
    /// The effective config (file plus flags): endpoints (none: the devnet),
    /// pools and workers to watch, names, theme, refresh interval.
    var config: DashboardConfig
    var operatorAccount: AccountID?
    var followFinalized: Bool
    /// Client settings for the node (the `--tls-ca` extra CA).
    var rpc = RPCClientConfiguration()
    var runner: DashboardRunner
    var logger: Logger
    /// The signing options; loaded before curses starts (a password prompt needs the terminal).
    var signing = DashboardSigningOptions()

    /// The embedded devnet's scenario: 24 workers in 3 pools, one flaky and
    /// one offline worker, a block every 2 s and a short heartbeat window so
    /// the unresponsive worker shows within a minute; plus one worker whose
    /// (simulated, dev-mode) pRuntime runs but which is not registered yet, on a
    /// chain that accepts unattested workers, so registration can be rehearsed.
    static func devnetScenario(nowMs: UInt64) -> DevnetConfig {
        var c = DevnetConfig()
        c.seed = 7
        c.workers = 24
        c.pools = 3
        c.blockTimeSeconds = 2
        c.heartbeatWindowBlocks = 10
        c.faults.flakyFraction = 1.0 / 24
        c.faults.offlineFraction = 1.0 / 24
        c.genesisTimestampMs = nowMs
        // Issue 8: one operator (//Alice) owns every pool, and three workers
        // wait Ready, so a newcomer can press g at once; a short cool-down
        // lets reclaim be tried after a stop.
        c.poolOwners = DevAccounts.publicKey("Alice").map { [$0] } ?? []
        c.readyWorkers = 3
        c.unpooledWorkers = 1
        c.coolDownSeconds = 180
        c.unregisteredWorkers = 1
        c.noneAttestationEnabled = true
        return c
    }

    static func nowMs() -> UInt64 { UInt64(Date().timeIntervalSince1970 * 1000) }

    func run() async throws -> DashboardRunResult {
        // Before anything else: a key file's password is asked on the terminal.
        let signer = try signing.load(devnetDefault: config.endpoints.isEmpty ? .alice : nil)
        let signerStatus: SignerStatus = signer?.status ?? (signing.readOnly ? .readOnly : .noKey)
        if let signer { logger.info("actions signed by \(signer.address) (\(signer.origin))") } else { logger.info("actions disabled: \(signerStatus)") }
        let mailbox = try Mailbox<Msg>()
        var devnet: (node: DevnetNode, server: RPCServer, pruntimes: SimulatedPRuntimeServer)?
        var endpoints = config.endpoints
        var pools = config.pools.map(\.pid)
        var workers = config.workers.map(\.key)
        var shown = config
        let source: AppState.DataSource
        if endpoints.isEmpty {
            let scenario = Self.devnetScenario(nowMs: Self.nowMs())
            let node = DevnetNode(config: scenario)
            var serverConfig = RPCServerConfiguration()
            serverConfig.host = "127.0.0.1"
            serverConfig.port = 0
            serverConfig.logger = logger
            let server = try await RPCServer.start(handler: node, configuration: serverConfig)
            let pruntimes = try await SimulatedPRuntimeServer.start(node: node, logger: logger)
            await node.startTimer()
            devnet = (node, server, pruntimes)
            endpoints = [server.webSocketURL]
            pools = (0..<UInt64(scenario.pools)).map { $0 }
            shown.endpoints = endpoints
            shown.pools = pools.map { .init(pid: $0) }
            shown.workers = []
            for (i, key) in await node.workerPublicKeys.enumerated() {
                guard let worker = try? WorkerKey(key) else { continue }
                shown.workers.append(.init(name: String(format: "sim-%02d", i + 1), key: worker, pid: UInt64(i % scenario.pools),
                                           pruntime: pruntimes.url(worker: i)))
                // Watched by key too: workers outside any pool are not found through the pools.
                workers.append(worker)
            }
            source = .simulated("embedded devnet, \(scenario.workers) workers in \(scenario.pools) pools")
            logger.info("embedded devnet on \(server.webSocketURL)")
        } else {
            source = .live(endpoint: endpoints[0])
        }

        var engineConfig = EngineConfiguration(endpoints: endpoints, pools: pools, operatorAccount: operatorAccount,
                                               workers: workers, followFinalized: followFinalized)
        engineConfig.rpc = rpc
        engineConfig.rpc.connectTimeoutSeconds = 10
        let engine = ChainEngine(configuration: engineConfig)
        await engine.start()
        let logger = self.logger
        let watched = endpoints
        let follows = engineConfig.followFinalized
        let rpcSettings = engineConfig.rpc
        let pump = Task {
            await EnginePump.run(events: engine.events, mailbox: mailbox, followsFinalized: follows,
                                 logger: logger, onRuntimeUpgrade: { _ in
                                     Task { await EnginePump.identifyChain(endpoints: watched, rpc: rpcSettings, mailbox: mailbox, logger: logger) }
                                 })
        }
        let identify = Task { await EnginePump.identifyChain(endpoints: watched, rpc: rpcSettings, mailbox: mailbox, logger: logger) }
        let refreshMs = config.refreshMs
        let ticker = Task {
            while !Task.isCancelled {
                mailbox.post(.tick(nowMs: Self.nowMs()))
                try? await Task.sleep(for: .milliseconds(refreshMs))
            }
        }

        // Issue 8: the pRuntimes of watched workers (the devnet's simulated ones, or config.toml `pruntime = ...`).
        let pruntimePoll = PRuntimePump.poller(endpoints: shown.pruntimeEndpoints, refreshMs: refreshMs).map { poller in
            Task { await PRuntimePump.run(poller: poller, mailbox: mailbox, logger: logger) }
        }

        let config = shown
        // NoneAttestationEnabled is a runtime constant outside the metadata: only the embedded devnet is known to set it.
        let embedded = devnet != nil
        let executor = signer.map {
            ActionExecutor(endpoints: endpoints, signer: $0, mailbox: mailbox, logger: logger, rpcConfiguration: rpc,
                           acceptUnattested: embedded)
        }
        var runner = self.runner
        if let executor { runner.actions = { executor.handle($0) } }
        let result: Result<DashboardRunResult, any Error>
        do {
            result = .success(try await runner.runOnThread(mailbox: mailbox) { themeName, themeNames in
                var c = config
                c.theme = themeName
                return AppState(config: c, source: source, themeNames: themeNames, signer: signerStatus)
            })
        } catch {
            result = .failure(error)
        }
        await executor?.shutdown()

        ticker.cancel()
        identify.cancel()
        pruntimePoll?.cancel()
        await pruntimePoll?.value
        await engine.stop()
        await pump.value
        if let devnet {
            await devnet.node.stopTimer()
            await devnet.server.shutdown()
            await devnet.pruntimes.shutdown()
        }
        logger.info("dashboard closed")
        return try result.get()
    }
}
