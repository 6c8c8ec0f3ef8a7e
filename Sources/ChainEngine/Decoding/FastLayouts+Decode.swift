import MiningCore

/// The typed decoders behind `FastLayouts`: each reads the exact layout its
/// shape check accepted, field by field, and returns nil on anything else
/// (short input, trailing bytes, an unknown variant, a non-canonical length)
/// so the caller decodes the value dynamically and reports the real error.
extension FastLayouts {
    func workerInfo(_ bytes: [UInt8]) -> WorkerInfo? {
        guard let providers = workerInfo else { return nil }
        return bytes.withUnsafeBytes { raw -> WorkerInfo? in
            var r = FastReader(raw)
            guard let pubkey = r.key32(), let ecdh = r.key32(), let runtimeVersion = r.u32(), let lastUpdated = r.u64(),
                  let hasOperator = r.optionTag() else { return nil }
            var op: AccountID?
            if hasOperator {
                guard let k = r.key32() else { return nil }
                op = AccountID(raw: k)
            }
            guard let hasProvider = r.optionTag() else { return nil }
            var provider: AttestationProvider?
            if hasProvider {
                guard let index = r.u8(), let p = providers[index] else { return nil }
                provider = p
            }
            guard let confidence = r.u8(), let hasScore = r.optionTag() else { return nil }
            var score: UInt32?
            if hasScore {
                guard let s = r.u32() else { return nil }
                score = s
            }
            guard let n = r.length(elementSize: 4) else { return nil }
            var features: [UInt32] = []
            features.reserveCapacity(n)
            for _ in 0..<n {
                guard let f = r.u32() else { return nil }
                features.append(f)
            }
            guard r.isAtEnd else { return nil }
            return WorkerInfo(pubkey: WorkerKey(raw: pubkey), ecdhPubkey: ecdh, runtimeVersion: runtimeVersion,
                              lastUpdatedSec: lastUpdated, operator_: op, attestationProvider: provider,
                              confidenceLevel: confidence, initialScore: score, features: features)
        }
    }

    func sessionInfo(_ bytes: [UInt8]) -> SessionInfo? {
        guard let states = sessionInfo else { return nil }
        return bytes.withUnsafeBytes { raw -> SessionInfo? in
            var r = FastReader(raw)
            guard let index = r.u8(), let state = states[index], let ve = r.u128(), let v = r.u128(), let vAt = r.u64(),
                  let pInit = r.u32(), let pInstant = r.u32(), let iterations = r.u64(), let start = r.u64(),
                  let last = r.u64(), let coolDown = r.u64(), let reward = r.u128(), r.isAtEnd else { return nil }
            return SessionInfo(state: state, ve: U64F64(bits: ve), v: U64F64(bits: v), vUpdatedAtSec: vAt,
                               benchmark: Benchmark(pInit: pInit, pInstant: pInstant, iterations: iterations,
                                                    workingStartTimeSec: start, challengeTimeLastSec: last),
                               coolDownStartSec: coolDown, totalRewardPlanck: reward)
        }
    }

    func account(_ bytes: [UInt8]) -> AccountID? {
        guard binding, bytes.count == 32 else { return nil }
        return bytes.withUnsafeBytes { raw in
            var r = FastReader(raw)
            return r.key32().map { AccountID(raw: $0) }
        }
    }

    func assignment(_ bytes: [UInt8]) -> UInt64? {
        guard assignment, bytes.count == 8 else { return nil }
        return bytes.withUnsafeBytes { raw in
            var r = FastReader(raw)
            return r.u64()
        }
    }

    func stake(_ bytes: [UInt8]) -> UInt128? {
        guard stake, bytes.count == 16 else { return nil }
        return bytes.withUnsafeBytes { raw in
            var r = FastReader(raw)
            return r.u128()
        }
    }

    /// A `PoolProxy::StakePool`; nil for any other variant (a `Vault`) or a mismatch.
    func stakePool(_ bytes: [UInt8]) -> StakePool? {
        guard let stakePoolIndex else { return nil }
        return bytes.withUnsafeBytes { raw -> StakePool? in
            var r = FastReader(raw)
            guard r.u8() == stakePoolIndex, let pid = r.u64(), let owner = r.key32(), let shares = r.u128(),
                  let value = r.u128(), let queueCount = r.length(elementSize: 44) else { return nil }
            var queue: [WithdrawInfo] = []
            queue.reserveCapacity(queueCount)
            for _ in 0..<queueCount {
                guard let user = r.key32(), let startTime = r.u64(), let nft = r.u32() else { return nil }
                queue.append(WithdrawInfo(user: AccountID(raw: user), startTimeSec: startTime, nftId: nft))
            }
            guard let subscriberCount = r.length(elementSize: 8) else { return nil }
            var subscribers: [UInt64] = []
            subscribers.reserveCapacity(subscriberCount)
            for _ in 0..<subscriberCount {
                guard let s = r.u64() else { return nil }
                subscribers.append(s)
            }
            guard let cid = r.u32(), let poolAccount = r.key32(), let hasCommission = r.optionTag() else { return nil }
            var commission: UInt32?
            if hasCommission {
                guard let c = r.u32() else { return nil }
                commission = c
            }
            guard let hasCap = r.optionTag() else { return nil }
            var cap: UInt128?
            if hasCap {
                guard let c = r.u128() else { return nil }
                cap = c
            }
            guard let workers = Self.keys(&r), let cdWorkers = Self.keys(&r), let lock = r.key32(), let reward = r.key32(),
                  r.isAtEnd else { return nil }
            let base = BasePool(pid: pid, owner: AccountID(raw: owner), totalShares: shares, totalValue: value,
                                withdrawQueue: queue, valueSubscribers: subscribers, cid: cid,
                                poolAccountId: AccountID(raw: poolAccount))
            return StakePool(basepool: base, payoutCommissionPerMill: commission, capPlanck: cap, workers: workers,
                             cdWorkers: cdWorkers, lockAccount: AccountID(raw: lock), ownerRewardAccount: AccountID(raw: reward))
        }
    }

    private static func keys(_ r: inout FastReader) -> [WorkerKey]? {
        guard let n = r.length(elementSize: 32) else { return nil }
        var out: [WorkerKey] = []
        out.reserveCapacity(n)
        for _ in 0..<n {
            guard let k = r.key32() else { return nil }
            out.append(WorkerKey(raw: k))
        }
        return out
    }
}
