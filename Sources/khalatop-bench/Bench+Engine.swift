import ChainCrypto
import ChainEngine
import Devnet
import Foundation
import MiningCore
import Scale

/// Benchmarks of the chain engine (issue 6) against a devnet with 1,000
/// workers in 10 pools: the time to load the whole fleet (all the storage the
/// dashboard needs), the same read by py-substrate-interface
/// (`query_map`/`query`, same devnet, same run) and the ratio, and the
/// engine's CPU time per followed block.
///
/// The devnet runs as a separate process (`khalatop devnet`, next to this
/// binary: build both with `swift build -c release`) so this process's CPU
/// time is the engine's alone; without it the devnet runs in-process and the
/// CPU figure includes serving (said in the note).
func engineBenchmarks() throws -> [BenchRow] {
    try engineRunBlocking { try await engineRows() }
}

private let benchWorkers = 1_000
private let benchPools = 10
/// How long the CPU-per-block phase follows the devnet (`KHALATOP_BENCH_FOLLOW_SECONDS`, default 30).
private let followSeconds = ProcessInfo.processInfo.environment["KHALATOP_BENCH_FOLLOW_SECONDS"].flatMap(Double.init) ?? 30

private func engineRows() async throws -> [BenchRow] {
    var rows: [BenchRow] = []
    let (url, stopDevnet, where_) = try await startDevnet(blockTime: 0.25)
    defer { stopDevnet() }
    let pools = (0..<UInt64(benchPools)).map { $0 }

    // Full-fleet load: connect, metadata, pools, 1,000 workers' registry entries,
    // bindings, assignments, sessions, stakes, pool balances, parameters.
    var loadSamples: [Double] = []
    var storageSamples: [Double] = []
    var loadedWorkers = 0
    for _ in 0..<3 {
        let t0 = nowNanos()
        let engine = ChainEngine(configuration: EngineConfiguration(endpoints: [url], pools: pools, reconcileEveryBlocks: 0,
                                                                    maxConnectAttempts: 20))
        await engine.start()
        var fleet = Fleet()
        var loaded = false
        for await e in engine.events {
            if case .observation(let o) = e { fleet.applyInPlace(o) }
            if case .fleetLoaded = e { loaded = true; break }
            if case .connection(.failed(let r)) = e { throw BenchEngineError("devnet unreachable: \(r)") }
        }
        let t = Double(nowNanos() - t0) / 1e6
        let storageMs = await engine.stats.lastFullLoadMs
        await engine.stop()
        guard loaded else { throw BenchEngineError("fleet did not load from \(url)") }
        loadedWorkers = fleet.workers.count
        loadSamples.append(t)
        storageSamples.append(storageMs)
    }
    loadSamples.sort()
    storageSamples.sort()
    let loadMs = loadSamples[1]
    let storageMs = storageSamples[1]
    rows.append(BenchRow(section: "engine", name: "full fleet load (\(loadedWorkers) workers, \(benchPools) pools)",
                         value: fmt(loadMs, 1) + " ms", note: "median of 3: connect + metadata + all storage + Fleet.apply, devnet \(where_)"))
    rows.append(BenchRow(section: "engine", name: "  of which storage load", value: fmt(storageMs, 1) + " ms",
                         note: "pools, workers, bindings, assignments, sessions, stakes, balances, parameters (the scope Python times)"))

    if let pyMs = try? pythonLoadMilliseconds(url: url) {
        rows.append(BenchRow(section: "engine", name: "py-substrate-interface same storage", value: fmt(pyMs, 1) + " ms",
                             note: "query_map(page_size=1000) x5 maps + Pools + params, same devnet"))
        rows.append(BenchRow(section: "engine", name: "ratio python / engine storage load", value: fmt(pyMs / storageMs, 1) + "x",
                             note: "same scope; target ≥ 20x"))
        rows.append(BenchRow(section: "engine", name: "ratio python / engine full load", value: fmt(pyMs / loadMs, 1) + "x",
                             note: "ours includes connect + metadata, Python's does not"))
    } else {
        rows.append(BenchRow(section: "engine", name: "py-substrate-interface same storage", value: "-",
                             note: "reference Python not found (set KHALATOP_PYTHON)"))
    }

    // CPU per block while following: the devnet produces blocks on its timer.
    let engine = ChainEngine(configuration: EngineConfiguration(endpoints: [url], pools: pools, reconcileEveryBlocks: 0))
    let counter = Counter()
    let consumer = Task {
        var fleet = Fleet()
        for await e in engine.events {
            switch e {
            case .observation(let o): fleet.applyInPlace(o)
            case .blockProcessed: counter.add()
            case .connection(.live): counter.live = true
            default: break
            }
        }
        blackHole(fleet)
    }
    await engine.start()
    while !counter.live { try await Task.sleep(for: .milliseconds(20)) }
    let startBlocks = counter.value
    let cpu0 = processCPUSeconds()
    try await Task.sleep(for: .seconds(followSeconds))
    let cpu1 = processCPUSeconds()
    let blocks = counter.value - startBlocks
    await engine.stop()
    await consumer.value
    if blocks > 0 {
        rows.append(BenchRow(section: "engine", name: "CPU per followed block (\(benchWorkers) workers)",
                             value: fmt((cpu1 - cpu0) * 1000 / Double(blocks), 3) + " ms",
                             note: "\(blocks) blocks in \(Int(followSeconds)) s, process user+sys incl. decode and Fleet.apply, no periodic reconcile; devnet \(where_); target < 1 ms"))
    }
    return rows
}

/// `khalatop devnet` as a child process when it sits next to this binary, else in-process.
private func startDevnet(blockTime: Double) async throws -> (String, () -> Void, String) {
    let exe = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("khalatop")
    if FileManager.default.isExecutableFile(atPath: exe.path) {
        let port = 20_000 + Int(getpid() % 10_000)
        let p = Process()
        p.executableURL = exe
        p.arguments = ["devnet", "--port", String(port), "--workers", String(benchWorkers), "--pools", String(benchPools),
                       "--block-time", String(blockTime), "--seed", "5"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let url = "ws://127.0.0.1:\(port)"
        // Wait until it answers.
        for _ in 0..<200 {
            let client = RPCClient()
            if (try? await client.connect(url: url)) != nil { await client.disconnect(); break }
            try await Task.sleep(for: .milliseconds(50))
        }
        try await Task.sleep(for: .seconds(2))  // a few blocks
        return (url, { p.terminate(); p.waitUntilExit() }, "in its own process")
    }
    var config = DevnetConfig()
    config.workers = benchWorkers
    config.pools = benchPools
    config.seed = 5
    config.blockTimeSeconds = blockTime
    let node = DevnetNode(config: config)
    let server = try await RPCServer.start(handler: node)
    await node.produceBlocks(5)
    await node.startTimer()
    return (server.webSocketURL, { Task { await node.stopTimer(); await server.shutdown() } }, "in-process (CPU includes serving)")
}

/// Runs `bench/pysubstrate_load.py` (py-substrate-interface) against `url`; its storage-read time in ms.
private func pythonLoadMilliseconds(url: String) throws -> Double {
    let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let candidates = [ProcessInfo.processInfo.environment["KHALATOP_PYTHON"], ".venv/bin/python3", repo.path + "/.venv/bin/python3"]
    guard let python = candidates.compactMap({ $0 }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
        throw BenchEngineError("no python")
    }
    let script = ["bench/pysubstrate_load.py", repo.path + "/bench/pysubstrate_load.py"]
        .first { FileManager.default.fileExists(atPath: $0) }
    guard let script else { throw BenchEngineError("bench/pysubstrate_load.py not found") }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: python)
    p.arguments = [script, url]
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0, let first = String(decoding: data, as: UTF8.self).split(separator: " ").first,
          let ms = Double(first) else { throw BenchEngineError("python failed") }
    return ms
}

private func processCPUSeconds() -> Double {
    var u = rusage()
    getrusage(RUSAGE_SELF.rawValue, &u)
    return Double(u.ru_utime.tv_sec) + Double(u.ru_utime.tv_usec) / 1e6 + Double(u.ru_stime.tv_sec) + Double(u.ru_stime.tv_usec) / 1e6
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    private var isLive = false
    func add() { lock.lock(); n += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
    var live: Bool {
        get { lock.lock(); defer { lock.unlock() }; return isLive }
        set { lock.lock(); isLive = newValue; lock.unlock() }
    }
}

private struct BenchEngineError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

private final class EngineBlockingBox<T>: @unchecked Sendable { var result: Result<T, any Error>? }

private func engineRunBlocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let box = EngineBlockingBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
        done.signal()
    }
    done.wait()
    guard let result = box.result else { throw CancellationError() }
    return try result.get()
}
