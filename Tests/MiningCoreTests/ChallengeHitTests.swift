import Testing
import TestSupport
@testable import MiningCore

/// §4.2 hit test and §1.3 derived accounts, checked against Python's
/// `hashlib.blake2b` (an implementation we did not write).
@Suite struct ChallengeHitTests {
    static let pythonEnabled = ReferencePython.available || ReferencePython.required

    /// The first Khala gatekeeper's public key (PB:crates/phactory, gk pubkey).
    static let khalaGK = "60067697c486c809737e50d30a67480c5f0cede44be181b96f7d59bc2116a850"

    @Test func sessionAccountMatchesTheProtocolExample() throws {
        let worker = try WorkerKey(hex: Self.khalaGK)
        let session = DerivedAccounts.session(pid: 1, worker: worker)
        #expect(session.hex == "0x73706d2f6b0844fcc4fbc3a78a3098b9394b5360f62964c81c633789bee81ae1")
        #expect(Array(session.bytes.prefix(4)) == Array("spm/".utf8))
        #expect(DerivedAccounts.session(pid: 2, worker: worker) != session)
    }

    @Test func poolAccountsHaveTheirPrefixes() {
        let owner = testAccount(1)
        #expect(Array(DerivedAccounts.lock(pid: 3, owner: owner).bytes.prefix(3)) == Array("sl/".utf8))
        #expect(Array(DerivedAccounts.ownerReward(pid: 3, owner: owner).bytes.prefix(3)) == Array("so/".utf8))
        #expect(DerivedAccounts.lock(pid: 3, owner: owner) != DerivedAccounts.lock(pid: 4, owner: owner))
    }

    @Test func hitTestBoundaries() {
        let worker = testWorker(42)
        let h = worker.challengeHash
        let target = testTarget
        // x = target exactly is a hit (≤), target + 1 is not.
        #expect(HeartbeatChallenge(block: 1, seed: h ^ target, onlineTarget: target).isHit(worker))
        let above = target.addingReportingOverflow(UInt256(1)).partialValue
        #expect(!HeartbeatChallenge(block: 1, seed: h ^ above, onlineTarget: target).isHit(worker))
        #expect(HeartbeatChallenge(block: 1, seed: h, onlineTarget: .zero).isHit(worker))
        #expect(!HeartbeatChallenge(block: 1, seed: h ^ UInt256(1), onlineTarget: .zero).isHit(worker))
    }

    @Test(.enabled(if: pythonEnabled, "needs the reference Python (KHALATOP_PYTHON)"))
    func hitTestAgreesWithPython() throws {
        let script = """
        import hashlib, sys
        target = int(sys.argv[1])
        for line in sys.stdin.read().split():
            pk_hex, seed_hex = line.split(':')
            pk = bytes.fromhex(pk_hex)
            h = int.from_bytes(hashlib.blake2b(pk, digest_size=32).digest(), 'big')
            seed = int(seed_hex, 16)
            print(format(h, '064x'), 1 if (h ^ seed) <= target else 0)
        """
        var rng = SplitMix64(seed: 0xC0FFEE)
        var keys: [WorkerKey] = [try WorkerKey(hex: Self.khalaGK)]
        for _ in 0..<40 {
            keys.append(WorkerKey(raw: Key32(w0: rng.next(), w1: rng.next(), w2: rng.next(), w3: rng.next())))
        }
        let target = testTarget
        // Per key: a random seed (almost always a miss) and one built to hit
        // from our own hash; Python recomputes the hash independently.
        var cases: [(WorkerKey, UInt256)] = []
        for key in keys {
            let random = UInt256(l0: rng.next(), l1: rng.next(), l2: rng.next(), l3: rng.next())
            cases.append((key, random))
            cases.append((key, key.challengeHash ^ UInt256(l0: rng.next(), l1: 0, l2: 0, l3: 0)))
            cases.append((key, key.challengeHash ^ (target >> 1)))
        }
        // A random seed with a huge target hits everyone whose x is below it.
        let input = cases.map { "\($0.0.hex.dropFirst(2)):\(hexString($0.1.bigEndianBytes, prefix: false))" }
            .joined(separator: "\n")
        let output = try ReferencePython.run(script, arguments: [target.description], stdin: input)
        let lines = output.split(separator: "\n")
        try #require(lines.count == cases.count)
        var hits = 0
        for (line, (key, seed)) in zip(lines, cases) {
            let parts = line.split(separator: " ")
            try #require(parts.count == 2)
            #expect(String(parts[0]) == hexString(key.challengeHash.bigEndianBytes, prefix: false))
            let pythonHit = parts[1] == "1"
            let challenge = HeartbeatChallenge(block: 9, seed: seed, onlineTarget: target)
            #expect(challenge.isHit(workerHash: key.challengeHash) == pythonHit)
            #expect(challenge.isHit(key) == pythonHit)
            if pythonHit { hits += 1 }
        }
        #expect(hits >= 2 * keys.count)  // the built seeds hit
    }

    @Test(.enabled(if: pythonEnabled, "needs the reference Python (KHALATOP_PYTHON)"))
    func derivedAccountsAgreeWithPython() throws {
        let script = """
        import hashlib, struct, sys
        for line in sys.stdin.read().split():
            pid, key = line.split(':')
            pre = struct.pack('<Q', int(pid)) + bytes.fromhex(key)
            h = hashlib.blake2b(pre, digest_size=32).digest()
            print((b'spm/' + h)[:32].hex(), (b'sl/' + h)[:32].hex(), (b'so/' + h)[:32].hex())
        """
        let pairs: [(UInt64, Key32)] = [(0, testWorker(1).raw), (7, testWorker(99).raw), (UInt64.max, testAccount(5).raw)]
        let input = pairs.map { "\($0.0):\($0.1.hex.dropFirst(2))" }.joined(separator: "\n")
        let lines = try ReferencePython.run(script, stdin: input).split(separator: "\n")
        try #require(lines.count == pairs.count)
        for (line, (pid, raw)) in zip(lines, pairs) {
            let expected = line.split(separator: " ").map { "0x" + $0 }
            #expect(DerivedAccounts.session(pid: pid, worker: WorkerKey(raw: raw)).hex == expected[0])
            #expect(DerivedAccounts.lock(pid: pid, owner: AccountID(raw: raw)).hex == expected[1])
            #expect(DerivedAccounts.ownerReward(pid: pid, owner: AccountID(raw: raw)).hex == expected[2])
        }
    }
}
