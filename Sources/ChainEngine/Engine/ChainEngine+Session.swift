import Foundation
import MiningCore
import SubstrateRPC

/// One connection's life: connect, subscribe, load or backfill, follow heads,
/// until something fails (then `run` backs off and fails over).
extension ChainEngine {
    func session(_ endpoint: String) async throws {
        let client = RPCClient(configuration: configuration.rpc)
        try await client.connect(url: endpoint)
        let anomalies = Task { [weak self] in
            for await a in client.anomalies { await self?.emit(.diagnostic(.nodeAnomaly(endpoint: endpoint, what: "\(a)"))) }
        }
        do {
            try await follow(client, endpoint)
            anomalies.cancel()
            await client.disconnect()
        } catch {
            anomalies.cancel()
            await client.disconnect()
            throw error
        }
    }

    private func follow(_ client: RPCClient, _ endpoint: String) async throws {
        let calls = NodeCalls(client: client, timeout: configuration.callTimeoutSeconds)
        headHashes = HeadHashes()  // another node (or a restarted chain): learn its hashes afresh
        let version = try await calls.runtimeVersion()
        let versions = try await client.subscribe(SubstrateMethods.runtimeVersion, timeoutSeconds: configuration.callTimeoutSeconds)
        let heads = try await client.subscribe(configuration.followFinalized ? SubstrateMethods.finalizedHeads : SubstrateMethods.newHeads,
                                               timeoutSeconds: configuration.callTimeoutSeconds)
        let headHash: [UInt8]
        let head: RPCHeader
        if configuration.followFinalized {
            headHash = try await calls.finalizedHead()
            head = try await calls.header(headHash)
        } else {
            head = try await calls.header()
            headHash = try await calls.blockHash(UInt32(clamping: head.number))
        }
        let headNumber = UInt32(clamping: head.number)
        noteHeadNumber(headNumber)
        if let processed = processedBlock, headNumber < processed {
            // The node's chain is behind what we saw: another chain or a restart from genesis.
            await emit(.diagnostic(.nodeAnomaly(endpoint: endpoint,
                what: "head \(headNumber) is below the last processed block \(processed); reloading")))
            needsReload = true
        }
        if processedBlock == nil || needsReload {
            needsReload = false
            let start = headNumber > configuration.initialReplayBlocks ? headNumber - configuration.initialReplayBlocks : 0
            let startHash = start == headNumber ? headHash : try await calls.blockHash(start)
            // The state after block N is in the encoding of the runtime that executed N: its parent's.
            let runtimeHash = start == 0 ? startHash : try await calls.blockHash(start - 1)
            let startSpec = try await calls.runtimeVersion(at: runtimeHash).specVersion
            decoder = try await decoderFor(spec: startSpec, at: runtimeHash, calls)
            pendingSpec = startSpec == version.specVersion ? nil : version.specVersion
            try await initialLoad(calls, head: start, headHash: startHash)
        } else if version.specVersion != decoder?.specVersion {
            pendingSpec = version.specVersion
        }
        if !sessionWentLive, let p = processedBlock, headNumber > p, stats.fullLoads > 0, backfillStart == nil,
           stats.connectionsLost > 0 {
            backfillStart = p + 1
        }
        let (wakeStream, wakeContinuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        wake = wakeContinuation
        wakeContinuation.yield()
        defer { wakeContinuation.finish() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for try await h in heads { try await self.noteHead(h) }
                throw RPCClientError.connectionClosed(reason: "the head subscription ended")
            }
            group.addTask {
                for try await v in versions { await self.noteRuntime(v) }
                throw RPCClientError.connectionClosed(reason: "the runtime version subscription ended")
            }
            group.addTask {
                for await _ in wakeStream { try await self.catchUp(calls, endpoint: endpoint) }
                try Task.checkCancellation()
            }
            group.addTask { try await self.watchdog() }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    func noteHeadNumber(_ n: UInt32) {
        lastHeadAt = .now
        if targetBlock.map({ n > $0 }) ?? true { targetBlock = n }
    }

    func noteHead(_ json: JSONValue) async throws {
        let header: RPCHeader
        do { header = try RPCHeader(json: json) } catch {
            throw NodeResponseError.badResult(method: "head notification", reason: "\(error)")
        }
        let n = UInt32(clamping: header.number)
        if let p = processedBlock, n + configuration.backfillDepth < p {
            needsReload = true
            throw NodeResponseError.badResult(method: "head notification", reason: "head \(n) far below processed block \(p)")
        }
        headHashes.note(header)
        noteHeadNumber(n)
        wake?.yield()
    }

    func noteRuntime(_ json: JSONValue) async {
        guard let v = try? RPCRuntimeVersion(json: json) else {
            await emit(.diagnostic(.nodeAnomaly(endpoint: "", what: "unreadable runtime version notification")))
            return
        }
        if v.specVersion != decoder?.specVersion { pendingSpec = v.specVersion }
    }

    /// No head for `headTimeoutSeconds`: the node stalls; end the session.
    func watchdog() async throws {
        let limit = configuration.headTimeoutSeconds
        guard limit.isFinite, limit > 0 else { try await Task.sleep(for: .seconds(1e9)); return }
        while true {
            try await Task.sleep(for: .seconds(max(0.05, limit / 4)))
            let idle = ContinuousClock.now - lastHeadAt
            if idle > .seconds(limit) {
                throw NodeResponseError.stalled(seconds: Double(idle.components.seconds) + Double(idle.components.attoseconds) / 1e18)
            }
        }
    }

    /// Processes every block up to the node's head, in order.
    func catchUp(_ calls: NodeCalls, endpoint: String) async throws {
        while let target = targetBlock, let processed = processedBlock, processed < target {
            try Task.checkCancellation()
            let behind = target - processed
            if behind > configuration.backfillDepth {
                let skipTo = target - configuration.backfillDepth
                stats.blocksSkipped += Int(skipTo - processed)
                await emit(.diagnostic(.skippedBlocks(from: processed + 1, to: skipTo)))
                let hash = try await calls.blockHash(skipTo)
                try await checkRuntime(number: skipTo, calls)
                try await loadAll(calls, block: skipTo, hash: hash, scanOperator: true)
                processedBlock = skipTo
                if backfillStart != nil { backfillStart = skipTo + 1 }
                continue
            }
            if behind > configuration.laggingThresholdBlocks {
                await setConnection(.lagging(endpoint: endpoint, behindBlocks: behind))
            }
            do {
                try await processBlock(processed + 1, calls)
            } catch NodeResponseError.blockNotFound(let n) {
                // Pruned or not there: jump to the head with a reload.
                stats.blocksSkipped += Int(target - processed)
                await emit(.diagnostic(.skippedBlocks(from: n, to: target)))
                let hash = try await calls.blockHash(target)
                try await checkRuntime(number: target, calls)
                try await loadAll(calls, block: target, hash: hash, scanOperator: true)
                processedBlock = target
                backfillStart = nil
            }
        }
        guard let p = processedBlock else { return }
        if let start = backfillStart, p >= start {
            stats.blocksBackfilled += Int(p - start + 1)
            await emit(.diagnostic(.backfilled(from: start, to: p)))
            // Changes no event announced (transfers to pool accounts...) while we were away.
            try await loadAll(calls, block: p, hash: try await calls.blockHash(p), scanOperator: true)
        }
        backfillStart = nil
        sessionWentLive = true
        await setConnection(.live(endpoint: endpoint, block: p))
        await flush()
    }
}
