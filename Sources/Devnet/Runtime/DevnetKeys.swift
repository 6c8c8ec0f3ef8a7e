import ChainCrypto
import Scale

/// The real storage keys of the entries the devnet writes (PROTOCOL.md §1.5):
/// `twox128(pallet) ‖ twox128(entry)` plus the hashed key of maps.
enum DevnetKeys {
    static func plain(_ pallet: String, _ entry: String) -> [UInt8] { StorageKey.prefix(pallet: pallet, entry: entry) }

    static func twox64(_ pallet: String, _ entry: String, _ key: [UInt8]) -> [UInt8] {
        StorageKey.map(pallet: pallet, entry: entry, hasher: .twox64Concat, key: key)
    }

    static let number = plain("System", "Number")
    static let parentHash = plain("System", "ParentHash")
    static let events = plain("System", "Events")
    static let eventCount = plain("System", "EventCount")
    static let digest = plain("System", "Digest")
    static let extrinsicCount = plain("System", "ExtrinsicCount")
    static let timestampNow = plain("Timestamp", "Now")
    static let totalIssuance = plain("Balances", "TotalIssuance")
    static let nextFeeMultiplier = plain("TransactionPayment", "NextFeeMultiplier")
    static let outboundMessages = plain("PhalaMq", "OutboundMessages")
    static let tokenomicParameters = plain("PhalaComputation", "TokenomicParameters")
    static let onlineWorkers = plain("PhalaComputation", "OnlineWorkers")
    static let expectedHeartbeatCount = plain("PhalaComputation", "ExpectedHeartbeatCount")
    static let heartbeatPaused = plain("PhalaComputation", "HeartbeatPaused")
    static let coolDownPeriod = plain("PhalaComputation", "CoolDownPeriod")
    static let nextSessionId = plain("PhalaComputation", "NextSessionId")
    static let poolCount = plain("PhalaBasePool", "PoolCount")
    static let pruntimeAllowList = plain("PhalaRegistry", "PRuntimeAllowList")
    static let benchmarkDuration = plain("PhalaRegistry", "BenchmarkDuration")

    static func account(_ id: [UInt8]) -> [UInt8] {
        StorageKey.map(pallet: "System", entry: "Account", hasher: .blake2_128Concat, key: id)
    }

    static func blockHash(_ number: UInt32) -> [UInt8] { twox64("System", "BlockHash", scaleEncoded(number)) }

    static func assetAccount(asset: UInt32, _ id: [UInt8]) -> [UInt8] {
        StorageKey.doubleMap(pallet: "Assets", entry: "Account", hasher1: .blake2_128Concat, key1: scaleEncoded(asset),
                             hasher2: .blake2_128Concat, key2: id)
    }

    static func asset(_ asset: UInt32) -> [UInt8] {
        StorageKey.map(pallet: "Assets", entry: "Asset", hasher: .blake2_128Concat, key: scaleEncoded(asset))
    }

    static func offchainIngress(_ origin: MessageOrigin) -> [UInt8] { twox64("PhalaMq", "OffchainIngress", scaleEncoded(origin)) }
    static func worker(_ pubkey: [UInt8]) -> [UInt8] { twox64("PhalaRegistry", "Workers", pubkey) }
    static func workerAddedAt(_ pubkey: [UInt8]) -> [UInt8] { twox64("PhalaRegistry", "WorkerAddedAt", pubkey) }
    static func endpoints(_ pubkey: [UInt8]) -> [UInt8] { twox64("PhalaRegistry", "Endpoints", pubkey) }
    static func session(_ account: [UInt8]) -> [UInt8] { twox64("PhalaComputation", "Sessions", account) }
    static func sessionBinding(_ account: [UInt8]) -> [UInt8] { twox64("PhalaComputation", "SessionBindings", account) }
    static func workerBinding(_ pubkey: [UInt8]) -> [UInt8] { twox64("PhalaComputation", "WorkerBindings", pubkey) }
    static func stake(_ account: [UInt8]) -> [UInt8] { twox64("PhalaComputation", "Stakes", account) }
    static func workerAssignment(_ pubkey: [UInt8]) -> [UInt8] { twox64("PhalaStakePoolv2", "WorkerAssignments", pubkey) }
    static func subAccountPreimage(_ account: [UInt8]) -> [UInt8] { twox64("PhalaStakePoolv2", "SubAccountPreimages", account) }
    static func pool(_ pid: UInt64) -> [UInt8] { twox64("PhalaBasePool", "Pools", scaleEncoded(pid)) }
}

/// Accounts derived as the Phala pallets derive them (PROTOCOL.md §1.3).
enum DerivedAccount {
    /// Session account of (pid, worker): `"spm/" ‖ blake2_256(SCALE(pid, pubkey))`, first 32 bytes.
    static func session(pid: UInt64, worker: [UInt8]) -> [UInt8] {
        Array(("spm/".utf8 + blake2_256(scaleEncoded(pid) + worker)).prefix(32))
    }

    /// `tag ‖ blake2_256(SCALE(pid, owner))` truncated to 32 bytes ("so/" owner reward, "sl/" lock).
    static func pool(tag: String, pid: UInt64, owner: [UInt8]) -> [UInt8] {
        Array((tag.utf8 + blake2_256(scaleEncoded(pid) + owner)).prefix(32))
    }
}

/// Well-known dev accounts (sr25519 public keys of `//Alice`...`//Ferdie`),
/// which own the pools and hold PHA so a newcomer can act at once (issue 5).
public enum DevAccounts {
    public static let names = ["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie"]
    public static let publicKeys: [[UInt8]] = [
        "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d",
        "8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48",
        "90b5ab205c6974c9ea841be688864633dc9ca8a357843eeacf2314649965fe22",
        "306721211d5404bd9da88e0204360a1a9ab8b87c66c1bc2fcdd37f3c2222cc20",
        "e659a7a1628cdd93febc04a4e0646ea20e9f5f0ce097d9a05290d4a9e054df4e",
        "1cbd2d43530a44705ad088af313e18f80b53ef16b36177cd4b77b846f2a5f07c",
    ].map { bytes($0) }

    public static func publicKey(_ name: String) -> [UInt8]? {
        names.firstIndex(of: name).map { publicKeys[$0] }
    }
}

/// Public storage-key builders for tools outside the module (the bench, the CLI).
public enum DevnetStorageKeys {
    /// `PhalaComputation.Sessions` key of a session account.
    public static func session(_ account: [UInt8]) -> [UInt8] { DevnetKeys.session(account) }
    /// `PhalaRegistry.Workers` key of a worker.
    public static func worker(_ pubkey: [UInt8]) -> [UInt8] { DevnetKeys.worker(pubkey) }
    /// `System.Events`.
    public static var events: [UInt8] { DevnetKeys.events }
}
