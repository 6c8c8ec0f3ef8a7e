import ChainCrypto
import Scale

/// Heartbeats end to end (PROTOCOL.md §4): the challenge pushed in
/// `on_finalize`, simulated pRuntimes answering after a latency through
/// `sync_offchain_message`, the Gatekeeper's deadline, V dynamics and
/// settlements. The Gatekeeper's decisions are applied in the block where it
/// makes them (no GK sync delay, which is UNCONFIRMED upstream).
extension DevnetChain {
    /// The relayer's `PhalaMq.sync_offchain_message` carrying one HeartbeatV2.
    func relayHeartbeat(_ answer: ScheduledAnswer) -> UncheckedExtrinsic? {
        let sim = state.sims[answer.workerIndex]
        guard sim.session != nil else { return nil }
        let iterations = (state.nowMs - min(state.nowMs, sim.workingStartMs)) / 1000 * UInt64(sim.pInstant) / 6
        let payload = MqTopics.heartbeatV2(sessionId: sim.sessionId, challengeBlock: answer.challengeBlock,
                                           challengeTimeMs: answer.challengeTimeMs, iterations: iterations)
        let origin = MessageOrigin.worker(sim.pubkey)
        let message = MqMessage(sender: origin, destination: MqTopics.miningReport, payload: payload)
        // The worker's sr25519 signature over the message; the devnet holds no worker secrets
        // (its workers are simulated), so it marks its own messages with an empty signature.
        return relayerExtrinsic(SignedMqMessage(message: message, sequence: state.ingress[origin] ?? 0, signature: []))
    }

    /// `PhalaMq.sync_offchain_message(signed)` as the relayer submits it (signed with its key when it has one).
    func relayerExtrinsic(_ signed: SignedMqMessage) -> UncheckedExtrinsic? {
        let call: [UInt8] = [85, 0] + scaleEncoded(signed)
        guard let relayer else { return UncheckedExtrinsic(unsignedCall: call) }
        let nonce = state.accounts[relayer.publicKey]?.nonce ?? 0
        let extra = UncheckedExtrinsic.extra(eraBytes: [0], nonce: nonce)
        let payloadToSign = UncheckedExtrinsic.signingPayload(
            call: call, extra: extra, specVersion: runtimeVersion.specVersion,
            transactionVersion: runtimeVersion.transactionVersion, genesisHash: genesisHash, birthHash: genesisHash)
        var account = state.accounts[relayer.publicKey] ?? AccountInfo()
        account.nonce += 1
        state.putAccount(relayer.publicKey, account)
        return try? UncheckedExtrinsic(signer: relayer.publicKey, scheme: relayer.scheme,
                                       signature: relayer.sign(payloadToSign), extra: extra, call: call)
    }

    /// `sync_offchain_message`: sequence check, then the message's effect.
    func syncOffchainMessage(_ signed: SignedMqMessage) throws(DispatchError) {
        let origin = signed.message.sender
        let expected = state.ingress[origin] ?? 0
        guard signed.sequence == expected else { throw DevnetErrors.module("PhalaMq", "BadSequence") }
        guard case .worker(let pubkey) = origin, let i = state.simIndexByPubkey[pubkey] else {
            throw DevnetErrors.module("PhalaMq", "BadSender")
        }
        if !signed.signature.isEmpty {
            guard let ok = verifier?.verify(scheme: .sr25519, signature: signed.signature, message: signed.signedBytes,
                                            publicKey: pubkey), ok else {
                throw DevnetErrors.module("PhalaRegistry", "InvalidSignature")
            }
        }
        if signed.message.destination == MqTopics.registryEvent {
            let score = try checkBenchReport(pubkey: pubkey, payload: signed.message.payload)
            state.putIngress(origin, expected + 1)
            applyBenchReport(pubkey: pubkey, score: score)
            return
        }
        guard signed.message.destination == MqTopics.miningReport else {
            throw DevnetErrors.module("PhalaMq", "BadDestination")
        }
        var d = ScaleDecoder(signed.message.payload)
        guard let kind = try? d.readByte(), kind == 0 || kind == 1,
              let sessionId = try? d.decode(UInt32.self), let challengeBlock = try? d.decode(UInt32.self),
              let challengeTimeMs = try? d.decode(UInt64.self), let iterations = try? d.decode(UInt64.self) else {
            throw DevnetErrors.module("PhalaComputation", "_InvalidMessage")
        }
        // Every check is above: from here on nothing throws (callers rely on it, see `apply(inherent:)`).
        state.putIngress(origin, expected + 1)
        processHeartbeat(workerIndex: i, sessionId: sessionId, challengeBlock: challengeBlock,
                         challengeTimeMs: challengeTimeMs, iterations: iterations)
    }

    /// The pallet's BenchmarkUpdated, then the Gatekeeper: answer the oldest
    /// challenges, recover an unresponsive worker, or settle (§4.3-§4.4).
    func processHeartbeat(workerIndex i: Int, sessionId: UInt32, challengeBlock: UInt32, challengeTimeMs: UInt64,
                          iterations: UInt64) {
        var sim = state.sims[i]
        guard let session = sim.session, var info = state.sessions[session], info.state.isComputing,
              sessionId == sim.sessionId else { return }
        // p_instant: the score over the interval, within ±5 % of the benchmark, capped at 1.2×.
        let jitter = 0.95 + 0.1 * rng.unit()
        sim.pInstant = min(UInt32(Double(info.benchmark.pInit) * jitter), info.benchmark.pInit * 6 / 5)
        info.benchmark.pInstant = sim.pInstant
        info.benchmark.iterations = iterations
        info.benchmark.challengeTimeLastSeconds = challengeTimeMs / 1000
        state.deposit(.benchmarkUpdated(session: session, pInstant: sim.pInstant))

        sim.pendingChallenges.removeAll { $0 <= challengeBlock }
        if sim.unresponsive {
            sim.unresponsive = false
            sim.deductible = 0
            sim.lastPayoutBlock = headNumberOrZero + 1
            info.state = .workerIdle
            info.vBits = TokenomicParameters.bits(sim.v)
            info.vUpdatedAtSeconds = state.nowSeconds
            state.deposit(.workerExitUnresponsive(session: session))
        } else {
            let t = state.tokenomic
            let share = Self.share(v: sim.v, p: Double(sim.pInstant), level: sim.confidenceLevel)
            let blocks = Double(max(1, Int(headNumberOrZero + 1) - Int(sim.lastPayoutBlock)))
            let budget = TokenomicParameters.value(t.budgetPerBlock)
            let gross = totalShare > 0 ? share / totalShare * budget * blocks : 0
            let payout = gross * (1 - TokenomicParameters.value(t.treasuryRatio))
            sim.v = max(0, sim.v - min(sim.deductible, payout))
            sim.deductible = 0
            sim.lastPayoutBlock = headNumberOrZero + 1
            let payoutPlanck = UInt128(max(0, payout * 1e12))
            info.vBits = TokenomicParameters.bits(sim.v)
            info.vUpdatedAtSeconds = state.nowSeconds
            info.totalRewardPlanck += payoutPlanck
            state.deposit(.sessionSettled(session: session, vBits: info.vBits, payoutBits: TokenomicParameters.bits(payout)))
            if let pid = sim.pid, var pool = state.pools[pid], payoutPlanck > 0 {
                pool.totalValue += payoutPlanck
                state.putPool(pool)
                state.putWPHA(pool.poolAccount, (state.wpha[pool.poolAccount] ?? 0) + payoutPlanck)
                state.deposit(.rewardReceived(pid: pid, toOwner: 0, toStakers: payoutPlanck))
            }
        }
        state.sims[i] = sim
        state.putSession(session, info)
    }

    /// `share = sqrt(V² + (2·p·conf_score)²)` (§4.4).
    static func share(v: Double, p: Double, level: UInt8) -> Double {
        let x = 2 * p * confidenceScore(level)
        return (v * v + x * x).squareRoot()
    }

    func refreshTotalShare() {
        var total = 0.0
        for sim in state.sims where !sim.unresponsive && sim.session.flatMap({ state.sessions[$0]?.state.isComputing }) == true {
            total += Self.share(v: sim.v, p: Double(sim.pInstant), level: sim.confidenceLevel)
        }
        totalShare = total
    }

    /// End of block: the Gatekeeper's deadline check, V per block, then the next challenge.
    func finalizeComputation(number: UInt32) {
        let t = state.tokenomic
        let window = t.heartbeatWindowBlocks
        let slash = TokenomicParameters.value(t.slashRate)
        let rhoMinusOne = TokenomicParameters.value(t.rho) - 1
        let costK = TokenomicParameters.value(t.costK), costB = TokenomicParameters.value(t.costB)
        let vMax = TokenomicParameters.value(t.vMax)
        for i in state.sims.indices {
            guard let session = state.sims[i].session, let info = state.sessions[session], info.state.isComputing else { continue }
            var sim = state.sims[i]
            if !sim.unresponsive, let oldest = sim.pendingChallenges.first, number - oldest > window {
                sim.unresponsive = true
                var next = info
                next.state = .workerUnresponsive
                state.deposit(.workerEnterUnresponsive(session: session))
                state.sims[i] = sim
                state.putSession(session, next)
            }
            if sim.unresponsive {
                sim.v -= sim.v * slash
                state.sims[i] = sim
                var next = state.sessions[session] ?? info
                next.vBits = TokenomicParameters.bits(sim.v)
                next.vUpdatedAtSeconds = state.nowSeconds
                state.putSession(session, next)
            } else {
                let pBench = Double(max(1, info.benchmark.pInit))
                let p = Double(sim.pInstant)
                let dv = (p / pBench) * (rhoMinusOne * sim.v + costK * pBench + costB)
                let grown = min(vMax, sim.v + dv)
                sim.deductible += grown - sim.v
                sim.v = grown
                state.sims[i] = sim
            }
        }
        refreshTotalShare()
        issueChallenge(number: number)
    }

    /// `SystemEvent::HeartbeatChallenge` into `OutboundMessages` (§4.1), and
    /// the pRuntimes hit by it schedule their answers (§4.2, fault injection).
    func issueChallenge(number: UInt32) {
        guard !state.heartbeatPaused else { return }
        let seedBE = rng.bytes(32)
        let targetBE = ChallengeMath.powTarget(numTx: config.expectedHeartbeats, onlineWorkers: state.onlineWorkers,
                                               blockTimeSec: 12)
        state.pushOutbound(MqMessage(sender: .pallet(MqTopics.computationPallet), destination: MqTopics.systemEvent,
                                     payload: MqTopics.heartbeatChallenge(seedLE: seedBE.reversed(),
                                                                           targetLE: targetBE.reversed())))
        let window = state.tokenomic.heartbeatWindowBlocks
        for i in state.sims.indices {
            let sim = state.sims[i]
            guard let session = sim.session, state.sessions[session]?.state.isComputing == true,
                  ChallengeMath.isHit(workerHashBE: sim.challengeHash, seedBE: seedBE, targetBE: targetBE) else { continue }
            state.sims[i].pendingChallenges.append(number)
            if isOffline(i, at: number) {
                state.sims[i].missed.append((number, state.nowMs))
                continue
            }
            let latency: UInt32
            switch sim.profile {
            case .healthy: latency = pick(config.responseLatencyBlocks)
            case .slow: latency = window + 1 + UInt32(rng.next() % 4)
            case .flaky:
                if rng.unit() < config.faults.flakyDropProbability { continue }
                latency = pick(config.responseLatencyBlocks)
            case .offline: continue
            }
            schedule(ScheduledAnswer(workerIndex: i, challengeBlock: number, challengeTimeMs: state.nowMs),
                     at: number + max(1, latency))
        }
        // A worker coming back answers what it missed (its pRuntime replays the chain).
        if let off = config.faults.offlineWorker, let until = off.untilBlock, until == number,
           off.workerIndex < state.sims.count {
            // All in one block, oldest first: the Gatekeeper takes answers in challenge order (§4.3).
            let at = number + pick(config.responseLatencyBlocks)
            for m in state.sims[off.workerIndex].missed {
                schedule(ScheduledAnswer(workerIndex: off.workerIndex, challengeBlock: m.block, challengeTimeMs: m.timeMs),
                         at: at)
            }
            state.sims[off.workerIndex].missed = []
        }
    }

    func isOffline(_ i: Int, at number: UInt32) -> Bool {
        guard let off = config.faults.offlineWorker, off.workerIndex == i, number >= off.fromBlock else { return false }
        return off.untilBlock.map { number < $0 } ?? true
    }

    func pick(_ range: ClosedRange<UInt32>) -> UInt32 {
        range.lowerBound + UInt32(rng.next() % (UInt64(range.upperBound) - UInt64(range.lowerBound) + 1))
    }

    func schedule(_ answer: ScheduledAnswer, at block: UInt32) {
        scheduledAnswers[block, default: []].append(answer)
    }
}
