import Scale

/// `PhalaRegistry.Workers` value, field order of PROTOCOL.md §1.1
/// (WorkerInfoV2, type 592 in spec 1251).
public struct WorkerInfoV2: Sendable, Hashable, ScaleEncodable {
    public var pubkey: [UInt8]
    public var ecdhPubkey: [UInt8]
    public var runtimeVersion: UInt32
    /// Unix seconds of the last (re)registration or benchmark report.
    public var lastUpdatedSeconds: UInt64
    public var operatorAccount: [UInt8]?
    /// `AttestationProvider`: 0 Root, 1 Ias; nil = none.
    public var attestationProvider: UInt8?
    public var confidenceLevel: UInt8
    public var initialScore: UInt32?
    public var features: [UInt32]

    public func encode(to e: inout ScaleEncoder) {
        e.append(pubkey); e.append(ecdhPubkey)
        e.encode(runtimeVersion); e.encode(lastUpdatedSeconds)
        if let op = operatorAccount { e.appendByte(1); e.append(op) } else { e.appendByte(0) }
        if let p = attestationProvider { e.appendByte(1); e.appendByte(p) } else { e.appendByte(0) }
        e.appendByte(confidenceLevel)
        e.encode(initialScore)
        e.encode(features)
    }
}
