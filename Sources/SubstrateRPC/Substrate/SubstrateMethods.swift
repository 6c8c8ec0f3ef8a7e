/// Substrate JSON-RPC method names used by the engine and served by the devnet.
///
/// Names follow sc-rpc-api (the legacy RPC API every Substrate node still
/// serves, and what py-substrate-interface calls); issue 5 lists the set the
/// devnet must answer.
public enum SubstrateMethods {
    public static let rpcMethods = "rpc_methods"

    public static let systemChain = "system_chain"
    public static let systemName = "system_name"
    public static let systemVersion = "system_version"
    public static let systemProperties = "system_properties"
    public static let systemHealth = "system_health"
    public static let systemAccountNextIndex = "system_accountNextIndex"

    public static let chainGetHead = "chain_getHead"
    public static let chainGetBlockHash = "chain_getBlockHash"
    public static let chainGetHeader = "chain_getHeader"
    public static let chainGetBlock = "chain_getBlock"
    public static let chainGetFinalizedHead = "chain_getFinalizedHead"

    public static let stateGetRuntimeVersion = "state_getRuntimeVersion"
    public static let stateGetMetadata = "state_getMetadata"
    public static let stateGetStorage = "state_getStorage"
    public static let stateGetStorageAt = "state_getStorageAt"
    public static let stateQueryStorageAt = "state_queryStorageAt"
    public static let stateGetKeysPaged = "state_getKeysPaged"
    public static let stateCall = "state_call"

    public static let authorSubmitExtrinsic = "author_submitExtrinsic"

    /// `chain_subscribeNewHeads`: best-block headers.
    public static let newHeads = SubscriptionMethod(
        subscribe: "chain_subscribeNewHeads", unsubscribe: "chain_unsubscribeNewHeads", notification: "chain_newHead")
    /// `chain_subscribeFinalizedHeads`: finalized headers.
    public static let finalizedHeads = SubscriptionMethod(
        subscribe: "chain_subscribeFinalizedHeads", unsubscribe: "chain_unsubscribeFinalizedHeads",
        notification: "chain_finalizedHead")
    /// `chain_subscribeAllHeads`: every imported header, forks included.
    public static let allHeads = SubscriptionMethod(
        subscribe: "chain_subscribeAllHeads", unsubscribe: "chain_unsubscribeAllHeads", notification: "chain_allHead")
    /// `state_subscribeStorage`: changes of the given storage keys (`{block, changes}`).
    public static let storage = SubscriptionMethod(
        subscribe: "state_subscribeStorage", unsubscribe: "state_unsubscribeStorage", notification: "state_storage")
    /// `state_subscribeRuntimeVersion`: the runtime version, first at once, then on upgrade.
    public static let runtimeVersion = SubscriptionMethod(
        subscribe: "state_subscribeRuntimeVersion", unsubscribe: "state_unsubscribeRuntimeVersion",
        notification: "state_runtimeVersion")
    /// `author_submitAndWatchExtrinsic`: status updates of one extrinsic.
    public static let extrinsicUpdates = SubscriptionMethod(
        subscribe: "author_submitAndWatchExtrinsic", unsubscribe: "author_unwatchExtrinsic",
        notification: "author_extrinsicUpdate")

    /// All subscription families above.
    public static let subscriptions: [SubscriptionMethod] = [
        newHeads, finalizedHeads, allHeads, storage, runtimeVersion, extrinsicUpdates,
    ]

    /// All plain (request/response) methods above.
    public static let calls: [String] = [
        rpcMethods, systemChain, systemName, systemVersion, systemProperties, systemHealth, systemAccountNextIndex,
        chainGetHead, chainGetBlockHash, chainGetHeader, chainGetBlock, chainGetFinalizedHead,
        stateGetRuntimeVersion, stateGetMetadata, stateGetStorage, stateGetStorageAt, stateQueryStorageAt,
        stateGetKeysPaged, stateCall, authorSubmitExtrinsic,
    ]

    /// The family whose subscribe call is `method`.
    public static func subscription(subscribe method: String) -> SubscriptionMethod? {
        subscriptions.first { $0.subscribe == method }
    }

    /// The family whose unsubscribe call is `method`.
    public static func subscription(unsubscribe method: String) -> SubscriptionMethod? {
        subscriptions.first { $0.unsubscribe == method }
    }
}
