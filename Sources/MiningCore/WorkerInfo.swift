/// `PhalaRegistry.Workers[pubkey]`: `WorkerInfoV2<AccountId32>` (§1.1), with
/// the protocol's field names and units. Built by ChainEngine from storage.
public struct WorkerInfo: Hashable, Sendable {
    public var pubkey: WorkerKey
    public var ecdhPubkey: Key32
    public var runtimeVersion: UInt32
    /// Unix **seconds**: set at (re)registration and on the benchmark report.
    public var lastUpdatedSec: UInt64
    /// Must equal the pool owner to add the worker to a pool (§2).
    public var operator_: AccountID?
    public var attestationProvider: AttestationProvider?
    /// 1...5, or 128 = none (§5.3).
    public var confidenceLevel: UInt8
    /// None until the benchmark report arrives (§2).
    public var initialScore: UInt32?
    /// pRuntime fills `[cpu_core_num, cpu_feature_level]`.
    public var features: [UInt32]

    public init(pubkey: WorkerKey, ecdhPubkey: Key32 = Key32(w0: 0, w1: 0, w2: 0, w3: 0),
                runtimeVersion: UInt32, lastUpdatedSec: UInt64, operator_: AccountID?,
                attestationProvider: AttestationProvider?, confidenceLevel: UInt8,
                initialScore: UInt32?, features: [UInt32] = []) {
        self.pubkey = pubkey
        self.ecdhPubkey = ecdhPubkey
        self.runtimeVersion = runtimeVersion
        self.lastUpdatedSec = lastUpdatedSec
        self.operator_ = operator_
        self.attestationProvider = attestationProvider
        self.confidenceLevel = confidenceLevel
        self.initialScore = initialScore
        self.features = features
    }
}
