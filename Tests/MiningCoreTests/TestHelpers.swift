import MiningCore

/// Deterministic RNG for property tests (SplitMix64).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A 32-byte value filled from a small number, for test keys.
func testBytes(_ n: UInt64, tag: UInt8 = 0) -> [UInt8] {
    var out = [UInt8](repeating: tag, count: 24)
    for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: n >> (8 * UInt64(7 - i)))) }
    return out
}

func testWorker(_ n: UInt64) -> WorkerKey {
    WorkerKey(raw: Key32(w0: 0x5757_5757_0000_0000, w1: 0, w2: 0, w3: n))
}

func testAccount(_ n: UInt64) -> AccountID {
    AccountID(raw: Key32(w0: 0xacac_acac_0000_0000, w1: 0, w2: 0, w3: n))
}

func pha(_ whole: UInt64) -> UInt128 { UInt128(whole) * PHA.planckPerPHA }

/// Seeds that make `worker` hit (x = small) or miss (x = max) a challenge.
func hittingSeed(for worker: WorkerKey) -> UInt256 { worker.challengeHash ^ UInt256(7) }
func missingSeed(for worker: WorkerKey) -> UInt256 { worker.challengeHash ^ UInt256.max }

/// Khala-like 1/150 target (pow_target(20, 20, 12)).
let testTarget = PowTarget.target(numTx: 20, onlineWorkers: 20)

/// Genesis tokenomics with the window used by the replay scripts.
func testTokenomics(window: UInt32 = 10) -> TokenomicParameters {
    var t = TokenomicParameters.genesisDefault
    t.heartbeatWindowBlocks = window
    return t
}

/// 12 s blocks from a fixed origin.
func blockTimeMs(_ block: UInt32) -> UInt64 { 1_700_000_000_000 + UInt64(block) * 12_000 }
