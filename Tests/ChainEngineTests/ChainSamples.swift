import ChainCrypto
import MiningCore
import Scale
import TestSupport
@testable import ChainEngine

/// Builds SCALE bytes of Phala storage values, events, messages and
/// extrinsics through a metadata's type registry, by field name: the test
/// data the decoding and engine tests feed the code under test.
struct ChainSamples: @unchecked Sendable {
    let metadata: RuntimeMetadataV14
    let codec: DynamicCodec
    let decoder: ChainDecoder

    init(metadata: RuntimeMetadataV14, specVersion: UInt32 = 1251) {
        self.metadata = metadata
        codec = DynamicCodec(registry: metadata.registry)
        decoder = ChainDecoder(metadata: metadata, specVersion: specVersion)
    }

    static func khala() throws -> ChainSamples {
        ChainSamples(metadata: try RuntimeMetadataV14(bytes: Fixtures.bytes("khala_metadata_spec1251.scale")))
    }

    // MARK: value trees

    /// The smallest value of a type (zeros, empty sequences, the first variant).
    func zero(_ id: UInt32, depth: Int = 0) -> ScaleValue {
        guard depth < 32, let t = metadata.registry[id] else { return .tuple([]) }
        switch t.def {
        case .composite(let fs): return .composite(fs.map { ScaleField($0.name, zero($0.type, depth: depth + 1)) })
        case .variant(let vs):
            let v = vs.min { $0.fields.count < $1.fields.count } ?? vs[0]
            return .variant(name: v.name, index: v.index, fields: v.fields.map { ScaleField($0.name, zero($0.type, depth: depth + 1)) })
        case .sequence(let e):
            if case .primitive(.u8)? = metadata.registry[e]?.def { return .bytes([]) }
            return .sequence([])
        case .array(let n, let e):
            if case .primitive(.u8)? = metadata.registry[e]?.def { return .bytes([UInt8](repeating: 0, count: Int(n))) }
            return .array((0..<n).map { _ in zero(e, depth: depth + 1) })
        case .tuple(let ids): return .tuple(ids.map { zero($0, depth: depth + 1) })
        case .primitive(let p):
            switch p {
            case .bool: return .bool(false)
            case .str: return .string("")
            case .char: return .char("a")
            case .u256, .i256: return .wide([UInt8](repeating: 0, count: 32))
            case .i8, .i16, .i32, .i64, .i128: return .signed(0)
            default: return .unsigned(0)
            }
        case .compact: return .compact(0)
        case .bitSequence: return .bitSequence(BitVec())
        }
    }

    /// A composite of type `id` with the named fields set and the rest zero.
    func build(_ id: UInt32, _ named: [String: ScaleValue]) -> ScaleValue {
        guard case .composite(let fs)? = metadata.registry[id]?.def else { return zero(id) }
        return .composite(fs.map { ScaleField($0.name, $0.name.flatMap { named[$0] } ?? zero($0.type)) })
    }

    /// A variant of enum type `id` by name with the named (or positional) fields set.
    func variant(_ id: UInt32, _ name: String, _ named: [String: ScaleValue] = [:], positional: [ScaleValue] = []) -> ScaleValue {
        guard case .variant(let vs)? = metadata.registry[id]?.def, let v = vs.first(where: { $0.name == name }) else {
            return .variant(name: name, index: 255, fields: [])
        }
        let fields = v.fields.enumerated().map { i, f in
            ScaleField(f.name, f.name.flatMap { named[$0] } ?? (i < positional.count ? positional[i] : zero(f.type)))
        }
        return .variant(name: v.name, index: v.index, fields: fields)
    }

    func fieldType(_ id: UInt32, _ name: String) -> UInt32 {
        guard case .composite(let fs)? = metadata.registry[id]?.def, let f = fs.first(where: { $0.name == name }) else { return 0 }
        return f.type
    }

    static func some(_ v: ScaleValue) -> ScaleValue { .variant(name: "Some", index: 1, fields: [ScaleField(nil, v)]) }
    static let none = ScaleValue.variant(name: "None", index: 0, fields: [])
    static func key(_ b: Key32) -> ScaleValue { .composite([ScaleField(nil, .bytes(b.bytes))]) }
    static func u(_ x: some BinaryInteger) -> ScaleValue { .unsigned(UInt128(x)) }

    func valueType(_ item: StorageItem) -> UInt32 { decoder.plans[item]!.valueType }

    func encode(_ v: ScaleValue, _ type: UInt32) throws -> [UInt8] { try codec.encode(v, type: type) }

    // MARK: storage values

    func workerInfo(_ key: WorkerKey, operator op: AccountID?, provider: String? = "Ias", confidence: UInt8 = 1,
                    initialScore: UInt32? = 3000, features: [UInt32] = [4, 1], runtimeVersion: UInt32 = 12,
                    lastUpdated: UInt64 = 1_700_000_000) throws -> [UInt8] {
        let t = valueType(.workers)
        let providerType = fieldType(t, "attestation_provider")
        var provided: ScaleValue = Self.none
        if let provider, case .variant(let opts)? = metadata.registry[providerType]?.def,
           let someType = opts.first(where: { $0.name == "Some" })?.fields.first?.type {
            provided = Self.some(variant(someType, provider))
        }
        return try encode(build(t, [
            "pubkey": Self.key(key.raw), "ecdh_pubkey": Self.key(key.raw),
            "runtime_version": Self.u(runtimeVersion), "last_updated": Self.u(lastUpdated),
            "operator": op.map { Self.some(Self.key($0.raw)) } ?? Self.none,
            "attestation_provider": provided,
            "confidence_level": Self.u(confidence),
            "initial_score": initialScore.map { Self.some(Self.u($0)) } ?? Self.none,
            "features": .sequence(features.map { Self.u($0) }),
        ]), t)
    }

    func session(state: String, ve: UInt128, v: UInt128, pInit: UInt32 = 3000, pInstant: UInt32 = 2900,
                 coolDownStart: UInt64 = 0, totalReward: UInt128 = 0) throws -> [UInt8] {
        let t = valueType(.sessions)
        let bt = fieldType(t, "benchmark")
        return try encode(build(t, [
            "state": variant(fieldType(t, "state"), state),
            "ve": Self.u(ve), "v": Self.u(v), "v_updated_at": Self.u(1_700_000_100 as UInt64),
            "benchmark": build(bt, ["p_init": Self.u(pInit), "p_instant": Self.u(pInstant), "iterations": Self.u(123_456 as UInt64),
                                    "working_start_time": Self.u(1_700_000_000 as UInt64),
                                    "challenge_time_last": Self.u(1_700_000_050 as UInt64)]),
            "cool_down_start": Self.u(coolDownStart),
            "stats": build(fieldType(t, "stats"), ["total_reward": Self.u(totalReward)]),
        ]), t)
    }

    func stakePool(pid: UInt64, owner: AccountID, workers: [WorkerKey], cdWorkers: [WorkerKey] = [],
                   poolAccount: AccountID, totalValue: UInt128 = 0, commission: UInt32? = 50_000,
                   withdrawals: [(AccountID, UInt64)] = []) throws -> [UInt8] {
        let t = valueType(.pools)
        guard case .variant(let vs)? = metadata.registry[t]?.def, let spType = vs.first(where: { $0.name == "StakePool" })?.fields.first?.type
        else { throw ValueShapeError.missingMetadata("PoolProxy::StakePool") }
        let baseType = fieldType(spType, "basepool")
        let wqType = fieldType(baseType, "withdraw_queue")
        guard case .sequence(let wiType)? = metadata.registry[wqType]?.def else { throw ValueShapeError.missingMetadata("WithdrawInfo") }
        let base = build(baseType, [
            "pid": Self.u(pid), "owner": Self.key(owner.raw), "total_shares": Self.u(totalValue), "total_value": Self.u(totalValue),
            "withdraw_queue": .sequence(withdrawals.map { build(wiType, ["user": Self.key($0.0.raw), "start_time": Self.u($0.1)]) }),
            "cid": Self.u(pid as UInt64), "pool_account_id": Self.key(poolAccount.raw),
        ])
        let sp = build(spType, [
            "basepool": base,
            "payout_commission": commission.map { Self.some(.composite([ScaleField(nil, Self.u($0))])) } ?? Self.none,
            "workers": .sequence(workers.map { Self.key($0.raw) }),
            "cd_workers": .sequence(cdWorkers.map { Self.key($0.raw) }),
            "lock_account": Self.key(DerivedAccounts.lock(pid: pid, owner: owner).raw),
            "owner_reward_account": Self.key(DerivedAccounts.ownerReward(pid: pid, owner: owner).raw),
        ])
        return try encode(variant(t, "StakePool", positional: [sp]), t)
    }

    func tokenomics(window: UInt32 = 20) throws -> [UInt8] {
        let t = valueType(.tokenomicParameters)
        var named: [String: ScaleValue] = [:]
        for (i, n) in ["pha_rate", "rho", "budget_per_block", "v_max", "cost_k", "cost_b", "slash_rate", "treasury_ratio",
                       "rig_k", "rig_b", "re", "k", "kappa"].enumerated() {
            named[n] = Self.u(UInt128(i + 1) << 60)
        }
        named["heartbeat_window"] = Self.u(window)
        return try encode(build(t, named), t)
    }

    func assetAccount(balance: UInt128) throws -> [UInt8] {
        let t = valueType(.assetAccount)
        return try encode(build(t, ["balance": Self.u(balance)]), t)
    }

    func systemAccount(free: UInt128) throws -> [UInt8] {
        let t = valueType(.systemAccount)
        return try encode(build(t, ["data": build(fieldType(t, "data"), ["free": Self.u(free)])]), t)
    }

    // MARK: events

    /// `System.Events` with the given (pallet, event, named fields) records, all in phase ApplyExtrinsic(index).
    func events(_ records: [(pallet: String, name: String, fields: [String: ScaleValue])]) throws -> [UInt8] {
        let vec = valueType(.events)
        guard case .sequence(let recordType)? = metadata.registry[vec]?.def else { throw ValueShapeError.missingMetadata("EventRecord") }
        let eventType = fieldType(recordType, "event")
        let phaseType = fieldType(recordType, "phase")
        let list: [ScaleValue] = records.enumerated().map { i, r in
            let palletEventType = metadata.pallet(named: r.pallet)?.eventType ?? 0
            let inner = variant(palletEventType, r.name, r.fields)
            return build(recordType, [
                "phase": variant(phaseType, "ApplyExtrinsic", positional: [Self.u(UInt32(i))]),
                "event": variant(eventType, r.pallet, positional: [inner]),
            ])
        }
        return try encode(.sequence(list), vec)
    }

    // MARK: messages and extrinsics

    /// `PhalaMq.OutboundMessages` holding one `HeartbeatChallenge` per (seed, target), payloads written by hand (§3).
    func outboundChallenges(_ challenges: [(seed: [UInt8], target: [UInt8])]) throws -> [UInt8] {
        let vec = valueType(.outboundMessages)
        guard case .sequence(let messageType)? = metadata.registry[vec]?.def else { throw ValueShapeError.missingMetadata("Message") }
        let list: [ScaleValue] = challenges.map { c in
            build(messageType, [
                "sender": variant(fieldType(messageType, "sender"), "Pallet", positional: [.bytes(Array("PhalaComputation".utf8))]),
                "destination": .composite([ScaleField(nil, .bytes(Array("phala/system/event".utf8)))]),
                "payload": .bytes([1] + c.seed + c.target),
            ])
        }
        return try encode(.sequence(list), vec)
    }

    /// `WorkingReportEvent::HeartbeatV2` payload, little-endian by hand (§3).
    static func heartbeatPayload(session: UInt32, challengeBlock: UInt32, challengeTimeMs: UInt64, iterations: UInt64) -> [UInt8] {
        var e = ScaleEncoder()
        e.appendByte(1)
        e.encode(session); e.encode(challengeBlock); e.encode(challengeTimeMs); e.encode(iterations)
        e.encode(UInt32(0)); e.encode(UInt32(0))
        return e.bytes
    }

    /// A `PhalaMq.sync_offchain_message` extrinsic (length-prefixed), signed by a relayer or unsigned.
    func heartbeatExtrinsic(worker: WorkerKey, payload: [UInt8], signed: Bool = true) throws -> [UInt8] {
        let types = decoder.extrinsicTypes!
        guard let mq = metadata.pallet(named: "PhalaMq"), let callType = mq.callType,
              let call = metadata.call(pallet: "PhalaMq", name: "sync_offchain_message"),
              let smType = call.fields.first?.type else { throw ValueShapeError.missingMetadata("sync_offchain_message") }
        let msgType = fieldType(smType, "message")
        let message = build(msgType, [
            "sender": variant(fieldType(msgType, "sender"), "Worker", positional: [Self.key(worker.raw)]),
            "destination": .composite([ScaleField(nil, .bytes(Array("phala/mining/report".utf8)))]),
            "payload": .bytes(payload),
        ])
        let signedMessage = build(smType, ["message": message, "sequence": Self.u(7 as UInt64), "signature": .bytes([UInt8](repeating: 9, count: 64))])
        let inner = variant(callType, "sync_offchain_message", positional: [signedMessage])
        let outer = variant(types.call, "PhalaMq", positional: [inner])
        var body: [UInt8] = [signed ? 0x84 : 0x04]
        if signed {
            body += try encode(variant(types.address, "Id", positional: [Self.key(Key32(w0: 1, w1: 2, w2: 3, w3: 4))]), types.address)
            body += try encode(variant(types.signature, "Sr25519", positional: [.composite([ScaleField(nil, .bytes([UInt8](repeating: 5, count: 64)))])]), types.signature)
            body += try encode(zero(types.extra), types.extra)
        }
        body += try encode(outer, types.call)
        var e = ScaleEncoder()
        e.encodeCompact(UInt64(body.count))
        e.append(body)
        return e.bytes
    }

    /// A `Timestamp.set` style extrinsic that is not a heartbeat (unsigned, any other pallet).
    func otherExtrinsic() throws -> [UInt8] {
        let types = decoder.extrinsicTypes!
        let tsCall = metadata.pallet(named: "Timestamp")!.callType!
        let call = variant(types.call, "Timestamp", positional: [variant(tsCall, "set", ["now": .compact(1_700_000_000_000)])])
        let body: [UInt8] = [0x04] + (try encode(call, types.call))
        var e = ScaleEncoder()
        e.encodeCompact(UInt64(body.count))
        e.append(body)
        return e.bytes
    }
}

/// Deterministic 32-byte test identities.
enum TestKeys {
    static func worker(_ i: Int) -> WorkerKey { WorkerKey(raw: Key32(w0: 0xAA00_0000_0000_0000 | UInt64(i), w1: 1, w2: 2, w3: UInt64(i))) }
    static func account(_ i: Int) -> AccountID { AccountID(raw: Key32(w0: 0xCC00_0000_0000_0000 | UInt64(i), w1: 3, w2: 4, w3: UInt64(i))) }
}
