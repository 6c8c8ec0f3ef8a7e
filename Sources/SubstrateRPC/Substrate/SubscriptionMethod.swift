/// One Substrate pub-sub method family: the subscribe call, the call that
/// ends it, and the method name its notifications carry.
///
/// The names are fixed by Substrate's RPC API (sc-rpc-api); client and
/// server both take them from `SubstrateMethods` so a typo cannot split them.
public struct SubscriptionMethod: Sendable, Hashable {
    public var subscribe: String
    public var unsubscribe: String
    public var notification: String

    public init(subscribe: String, unsubscribe: String, notification: String) {
        self.subscribe = subscribe
        self.unsubscribe = unsubscribe
        self.notification = notification
    }
}
