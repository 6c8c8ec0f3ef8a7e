import ChainCrypto
import Scale

/// Call dispatch: the call bytes are decoded through the devnet metadata's
/// `RuntimeCall` (so the argument layout is the real one), then routed by
/// pallet and call name to the rules of PROTOCOL.md §2.
extension DevnetChain {
    /// Most nested calls `batch`/`batch_all` accept (Utility's `batched_calls_limit` is higher; this bounds work).
    static let maxBatchedCalls = 1024

    func dispatch(call: [UInt8], origin: [UInt8]?, unsigned: Bool) throws(DispatchError) {
        let value: ScaleValue
        do {
            value = try codec.decode(type: DevnetMetadata.runtimeCallTypeId, from: call)
        } catch {
            throw DevnetErrors.module("System", "CallFiltered")
        }
        try dispatch(value: value, origin: origin, unsigned: unsigned, depth: 0)
    }

    func dispatch(value: ScaleValue, origin: [UInt8]?, unsigned: Bool, depth: Int) throws(DispatchError) {
        guard case .variant(let pallet, _, let outer) = value, let inner = outer.first?.value,
              case .variant(let name, _, let args) = inner else { throw DevnetErrors.module("System", "CallFiltered") }
        func arg(_ key: String) -> ScaleValue? { args.first { $0.name == key }?.value }
        func u64(_ key: String) throws(DispatchError) -> UInt64 {
            guard let v = arg(key)?.uint, let r = UInt64(exactly: v) else { throw .other }
            return r
        }
        func u128(_ key: String) throws(DispatchError) -> UInt128 {
            guard let v = arg(key)?.uint else { throw .other }
            return v
        }
        func key32(_ key: String) throws(DispatchError) -> [UInt8] {
            guard let b = arg(key)?.byteArray, b.count == 32 else { throw .other }
            return b
        }
        /// `MultiAddress::Id(account)` only; other address kinds cannot be looked up.
        func account(_ key: String) throws(DispatchError) -> [UInt8] {
            guard case .variant("Id", _, let fs)? = arg(key), let b = fs.first?.value.byteArray, b.count == 32 else {
                throw .other
            }
            return b
        }

        switch (pallet, name) {
        case ("Timestamp", "set"):
            guard unsigned else { throw .badOrigin }
            return
        case ("PhalaMq", "sync_offchain_message"):
            guard case .composite? = arg("signed_message") else { throw .other }
            let signed: SignedMqMessage
            do {
                signed = try scaleDecode(SignedMqMessage.self, from: codec.encode(arg("signed_message")!, type: signedMessageTypeId))
            } catch {
                throw DevnetErrors.module("PhalaMq", "BadSender")
            }
            return try syncOffchainMessage(signed)
        default:
            break
        }
        guard let origin, !unsigned else { throw .badOrigin }
        switch (pallet, name) {
        case ("System", "remark"):
            return
        case ("System", "remark_with_event"):
            let remark = arg("remark")?.byteArray ?? []
            state.deposit(.remarked(sender: origin, hash: blake2_256Remark(remark)))
        case ("Utility", "batch"), ("Utility", "batch_all"), ("Utility", "force_batch"):
            guard case .sequence(let calls)? = arg("calls") else {
                if case .array(let calls)? = arg("calls"), calls.isEmpty { return }
                throw .other
            }
            guard calls.count <= Self.maxBatchedCalls, depth < 4 else { throw DevnetErrors.module("Utility", "TooManyCalls") }
            for (k, c) in calls.enumerated() {
                let saved = state
                do {
                    try dispatch(value: c, origin: origin, unsigned: false, depth: depth + 1)
                } catch {
                    if name == "batch_all" { throw error }
                    state = saved
                    if name == "batch" {
                        state.deposit(.batchInterrupted(index: UInt32(k), error: error))
                        return
                    }
                }
            }
            state.deposit(.batchCompleted)
        case ("Balances", "transfer_allow_death"), ("Balances", "transfer_keep_alive"):
            try state.transferPHA(from: origin, to: try account("dest"), amount: try u128("value"))
        case ("Balances", "transfer_all"):
            let free = state.accounts[origin]?.freePlanck ?? 0
            try state.transferPHA(from: origin, to: try account("dest"), amount: free)
        case ("Assets", "transfer"), ("Assets", "transfer_keep_alive"):
            guard try u64("id") == UInt64(RuntimeState.wphaAssetId) else { throw DevnetErrors.module("Assets", "Unknown") }
            let to = try account("target")
            let amount = try u128("amount")
            try state.transferWPHA(from: origin, to: to, amount: amount)
            state.deposit(.assetTransferred(assetId: RuntimeState.wphaAssetId, from: origin, to: to, amount: amount))
        case ("PhalaComputation", "set_heartbeat_paused"):
            throw .badOrigin  // governance only
        case ("PhalaRegistry", "register_worker_v2"):
            try registerWorkerV2(info: arg("pruntime_info"), attestation: arg("attestation"), caller: origin)
        case ("PhalaStakePoolv2", "create"):
            createPool(owner: origin)
        case ("PhalaStakePoolv2", "add_worker"):
            try addWorker(pid: try u64("pid"), worker: try key32("pubkey"), caller: origin)
        case ("PhalaStakePoolv2", "remove_worker"):
            try removeWorker(pid: try u64("pid"), worker: try key32("worker"), caller: origin)
        case ("PhalaStakePoolv2", "contribute"):
            try contribute(pid: try u64("pid"), amountPlanck: try u128("amount"), caller: origin)
        case ("PhalaStakePoolv2", "start_computing"):
            try startComputing(pid: try u64("pid"), worker: try key32("worker"), stakePlanck: try u128("stake"), caller: origin)
        case ("PhalaStakePoolv2", "stop_computing"):
            try stopComputing(pid: try u64("pid"), worker: try key32("worker"), caller: origin)
        case ("PhalaStakePoolv2", "reclaim_pool_worker"):
            try reclaim(pid: try u64("pid"), worker: try key32("worker"), caller: origin)
        case ("PhalaStakePoolv2", "restart_computing"):
            try restartComputing(pid: try u64("pid"), worker: try key32("worker"), stakePlanck: try u128("stake"), caller: origin)
        default:
            // In the metadata but not simulated (update_worker_endpoint, governance calls).
            throw DevnetErrors.module("System", "CallFiltered")
        }
    }

    var signedMessageTypeId: UInt32 { Self.signedMessageType }

    static let signedMessageType: UInt32 =
        DevnetMetadata.metadata.registry.types.first { $0.path.last == "SignedMessage" }?.id ?? 0

    func blake2_256Remark(_ remark: [UInt8]) -> [UInt8] { blake2_256(remark) }
}
