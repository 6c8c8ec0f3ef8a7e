import ChainCrypto
import Scale
import SubstrateRPC

/// The devnet as a node: owns the `DevnetChain`, answers Substrate JSON-RPC
/// (as the server's `RPCHandler`), feeds subscriptions on every new block,
/// and in live mode produces blocks on a timer (issue 5).
///
/// Tests drive it with `produceBlocks(_:)`; nothing sleeps unless `startTimer` runs.
public actor DevnetNode: RPCHandler {
    let chain: DevnetChain
    var headSubscriptions: [RPCSubscription] = []
    var storageSubscriptions: [(RPCSubscription, Set<[UInt8]>?)] = []
    var runtimeSubscriptions: [RPCSubscription] = []
    var watchers: [[UInt8]: [RPCSubscription]] = [:]
    var timer: Task<Void, Never>?

    public init(chain: DevnetChain) { self.chain = chain }

    /// A node over a new chain that verifies signatures with ChainCrypto and
    /// relays its simulated heartbeats with a seeded ed25519 relayer key.
    public init(config: DevnetConfig) {
        var config = config
        let relayer = try? RelayerSigner(seed: config.seed)
        if let relayer { config.endowedAccounts.append(relayer.publicKey) }
        self.chain = DevnetChain(config: config, verifier: ChainCryptoVerifier(), relayer: relayer)
    }

    public nonisolated var subscriptionMethods: [SubscriptionMethod] {
        [SubstrateMethods.newHeads, SubstrateMethods.finalizedHeads, SubstrateMethods.allHeads, SubstrateMethods.storage,
         SubstrateMethods.runtimeVersion, SubstrateMethods.extrinsicUpdates]
    }

    public var headNumber: UInt32 { chain.headNumber }
    public var genesisHash: [UInt8] { chain.genesisHash }
    public var workerPublicKeys: [[UInt8]] { chain.workerPublicKeys }

    /// Runs `body` on the chain inside the actor (tests, the bench, the CLI).
    public func withChain<T: Sendable>(_ body: (DevnetChain) throws -> T) rethrows -> T { try body(chain) }

    /// Produces `count` blocks now and notifies subscribers after each.
    @discardableResult
    public func produceBlocks(_ count: Int = 1) -> UInt32 {
        for _ in 0..<max(0, count) { publish(chain.produceBlock()) }
        return chain.headNumber
    }

    /// Live mode: one block every `config.blockTimeSeconds` until `stopTimer`.
    public func startTimer() {
        guard timer == nil else { return }
        let nanos = chain.config.blockTimeMs * 1_000_000
        timer = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: nanos)
                guard let self, !Task.isCancelled else { return }
                await self.produceBlocks(1)
            }
        }
    }

    public func stopTimer() {
        timer?.cancel()
        timer = nil
    }

    func publish(_ outcome: DevnetChain.BlockOutcome) {
        let header = outcome.block.header.rpc.json
        // A block that set new code: its post-state runs the new version (sent before the head, as a node does).
        let number = outcome.block.header.number
        runtimeSubscriptions.removeAll { !$0.isActive }
        if number > 0, chain.runtime(atBlock: number).version.specVersion != chain.runtime(atBlock: number - 1).version.specVersion {
            let version = runtimeVersionJSON(chain.runtime(atBlock: number))
            for sub in runtimeSubscriptions { sub.send(version) }
        }
        headSubscriptions.removeAll { !$0.isActive }
        for sub in headSubscriptions { sub.send(header) }
        storageSubscriptions.removeAll { !$0.0.isActive }
        if !storageSubscriptions.isEmpty {
            let changed = Set(outcome.changedKeys)
            for (sub, keys) in storageSubscriptions {
                let relevant = keys.map { Array($0.intersection(changed)) } ?? Array(changed)
                guard !relevant.isEmpty else { continue }
                sub.send(storageChange(block: outcome.block.hash, keys: relevant.sorted { $0.lexicographicallyPrecedes($1) }))
            }
        }
        for hash in outcome.included {
            for sub in watchers.removeValue(forKey: hash) ?? [] {
                sub.send(.object(["inBlock": .hex(outcome.block.hash)]))
                sub.send(.object(["finalized": .hex(outcome.block.hash)]))
                sub.close()
            }
        }
        for hash in outcome.dropped {
            for sub in watchers.removeValue(forKey: hash) ?? [] {
                sub.send("invalid")
                sub.close()
            }
        }
    }

    func storageChange(block: [UInt8], keys: [[UInt8]]) -> JSONValue {
        .object([
            "block": .hex(block),
            "changes": .array(keys.map { key in .array([.hex(key), chain.state.storage[key].map { .hex($0) } ?? .null]) }),
        ])
    }

    // MARK: RPCHandler

    public func call(method: String, params: JSONValue?, context: RPCCallContext) async throws -> JSONValue {
        let p = RPCParams(params)
        switch method {
        case SubstrateMethods.rpcMethods:
            let names = SubstrateMethods.calls + subscriptionMethods.flatMap { [$0.subscribe, $0.unsubscribe] }
                + ["chain_getRuntimeVersion", "state_getKeys", Self.upgradeRuntimeMethod]
            return .object(["methods": .array(names.sorted().map { .string($0) })])
        case SubstrateMethods.systemChain: return "Khala Devnet"
        case SubstrateMethods.systemName: return "khalatop-devnet"
        case SubstrateMethods.systemVersion: return "0.1.0-dev"
        case SubstrateMethods.systemProperties:
            return .object(["ss58Format": 30, "tokenDecimals": 12, "tokenSymbol": "PHA"])
        case SubstrateMethods.systemHealth:
            return .object(["peers": 0, "isSyncing": false, "shouldHavePeers": false])
        case SubstrateMethods.systemAccountNextIndex:
            return .uint(UInt64(chain.nextNonce(try p.account(0))))
        case SubstrateMethods.chainGetHead, SubstrateMethods.chainGetFinalizedHead:
            return .hex(chain.head.hash)
        case SubstrateMethods.chainGetBlockHash:
            guard let n = try p.optionalNumber(0) else { return .hex(chain.head.hash) }
            guard let number = UInt32(exactly: n), let block = chain.block(number: number) else { return .null }
            return .hex(block.hash)
        case SubstrateMethods.chainGetHeader:
            guard let block = try block(p, 0) else { return .null }
            return block.header.rpc.json
        case SubstrateMethods.chainGetBlock:
            guard let block = try block(p, 0) else { return .null }
            return .object(["block": .object(["header": block.header.rpc.json,
                                              "extrinsics": .array(block.extrinsics.map { .hex($0) })]),
                            "justifications": .null])
        case SubstrateMethods.stateGetRuntimeVersion, "chain_getRuntimeVersion":
            return runtimeVersionJSON(chain.runtime(atBlock: try stateBlock(p, 0).number))
        case SubstrateMethods.stateGetMetadata:
            return .hex(chain.runtime(atBlock: try stateBlock(p, 0).number).encodedMetadata)
        case Self.upgradeRuntimeMethod:
            return try upgradeRuntime(p)
        case SubstrateMethods.stateGetStorage, SubstrateMethods.stateGetStorageAt:
            let key = try p.bytes(0)
            let at = try stateBlock(p, 1)
            return try readStorage(key, at: at).map { .hex($0) } ?? .null
        case SubstrateMethods.stateQueryStorageAt:
            guard case .array(let keys)? = p.at(0) else { throw RPCErrorObject.invalidParams("expected an array of keys") }
            let at = try stateBlock(p, 1)
            var changes: [JSONValue] = []
            for k in keys {
                let key = try bytes(k)
                changes.append(.array([.hex(key), try readStorage(key, at: at).map { .hex($0) } ?? .null]))
            }
            return .array([.object(["block": .hex(at.hash), "changes": .array(changes)])])
        case SubstrateMethods.stateGetKeysPaged, "state_getKeys":
            let prefix = try p.bytes(0)
            let paged = method == SubstrateMethods.stateGetKeysPaged
            let count = paged ? Int(clamping: min(1000, try p.optionalNumber(1) ?? 1000)) : 1000
            let start = paged ? try p.optionalBytes(2) : nil
            let at = try stateBlock(p, paged ? 3 : 1)
            do {
                return .array(try chain.storageKeys(prefix: prefix, count: count, startKey: start, at: at.number).map { .hex($0) })
            } catch {
                throw Self.discarded(at.hash)
            }
        case SubstrateMethods.stateCall:
            return try stateCall(p)
        case SubstrateMethods.authorSubmitExtrinsic:
            let raw = try p.bytes(0)
            do {
                return .hex(try chain.submit(raw))
            } catch {
                throw RPCErrorObject(code: error.code, message: error.message, data: .string(error.data))
            }
        default:
            throw RPCErrorObject.methodNotFound(method)
        }
    }

    public func subscribe(_ method: SubscriptionMethod, params: JSONValue?, subscription: RPCSubscription) async throws {
        let p = RPCParams(params)
        switch method {
        case SubstrateMethods.newHeads, SubstrateMethods.finalizedHeads, SubstrateMethods.allHeads:
            headSubscriptions.append(subscription)
            subscription.send(chain.head.header.rpc.json)
        case SubstrateMethods.runtimeVersion:
            runtimeSubscriptions.append(subscription)
            subscription.send(runtimeVersionJSON(chain.runtime))
        case SubstrateMethods.storage:
            var keys: Set<[UInt8]>?
            if case .array(let list)? = p.at(0) {
                keys = Set(try list.map { try bytes($0) })
            }
            storageSubscriptions.append((subscription, keys))
            if let keys, !keys.isEmpty {
                subscription.send(storageChange(block: chain.head.hash, keys: keys.sorted { $0.lexicographicallyPrecedes($1) }))
            }
        case SubstrateMethods.extrinsicUpdates:
            let hash: [UInt8]
            let raw = try p.bytes(0)
            do {
                hash = try chain.submit(raw)
            } catch {
                throw RPCErrorObject(code: error.code, message: error.message, data: .string(error.data))
            }
            watchers[hash, default: []].append(subscription)
            subscription.send("ready")
        default:
            throw RPCErrorObject.methodNotFound(method.subscribe)
        }
    }

    public func unsubscribed(_ subscription: RPCSubscription) async {
        headSubscriptions.removeAll { $0 == subscription }
        runtimeSubscriptions.removeAll { $0 == subscription }
        storageSubscriptions.removeAll { $0.0 == subscription }
        for (k, subs) in watchers { watchers[k] = subs.filter { $0 != subscription } }
        watchers = watchers.filter { !$0.value.isEmpty }
    }
}
