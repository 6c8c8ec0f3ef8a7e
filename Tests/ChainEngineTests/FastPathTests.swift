import ChainCrypto
import MiningCore
import Scale
import SubstrateRPC
import Testing
import TestSupport
@testable import ChainEngine

/// The typed fast paths of the hot storage maps (`FastLayouts`) give exactly
/// what the metadata-driven path gives, on the real Khala 1251 metadata and
/// on the later `Dcap` layout; a type whose shape differs is decoded
/// dynamically; a value the fast decoder cannot read fails with the dynamic
/// path's own error (issue 6).
@Suite(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
struct FastPathTests {
    let s: ChainSamples
    /// The same metadata with every fast path off.
    let dynamic: ChainDecoder

    init() throws {
        s = try ChainSamples.khala()
        dynamic = ChainDecoder(metadata: s.metadata, specVersion: 1251, fastPaths: false)
    }

    @Test func the1251HotMapsHaveFastLayouts() {
        #expect(s.decoder.fast.fastItems == [.workers, .sessions, .workerBindings, .workerAssignments, .stakes, .pools])
        #expect(dynamic.fast.fastItems.isEmpty && dynamic.fast.key32Items.isEmpty)
        #expect(s.decoder.fast.workerInfo == [0: .root, 1: .ias], "1251 has Root and Ias only")
        #expect(s.decoder.fast.sessionInfo?.count == 5)
    }

    /// Keys of the 32-byte-keyed maps built without a value tree equal the metadata-encoded ones.
    @Test func fastStorageKeysEqualEncodedKeys() throws {
        #expect(s.decoder.fast.key32Items.isSuperset(of: [.workers, .workerBindings, .workerAssignments, .sessions, .stakes, .systemAccount]))
        #expect(!s.decoder.fast.key32Items.contains(.pools) && !s.decoder.fast.key32Items.contains(.assetAccount))
        for i in 1...5 {
            for item in [StorageItem.workers, .workerBindings, .workerAssignments] {
                #expect(try s.decoder.workerKey(item, TestKeys.worker(i)) == (try dynamic.workerKey(item, TestKeys.worker(i))))
            }
            for item in [StorageItem.sessions, .stakes, .systemAccount] {
                #expect(try s.decoder.accountKey(item, TestKeys.account(i)) == (try dynamic.accountKey(item, TestKeys.account(i))))
            }
        }
    }

    func workerSamples(_ samples: ChainSamples, providers: [String?]) throws -> [[UInt8]] {
        var out: [[UInt8]] = []
        for (i, provider) in providers.enumerated() {
            for op in [nil, TestKeys.account(i + 1)] {
                for score in [nil, UInt32(2000 + i)] {
                    for features in [[], [4, 1], Array(0..<UInt32(70))] {  // 70: a two-byte compact length
                        out.append(try samples.workerInfo(TestKeys.worker(i + 1), operator: op, provider: provider,
                                                          confidence: UInt8(i % 5 + 1), initialScore: score, features: features,
                                                          runtimeVersion: UInt32(10 + i), lastUpdated: 1_700_000_000 + UInt64(i)))
                    }
                }
            }
        }
        return out
    }

    @Test func workerInfoFastEqualsDynamic() throws {
        for bytes in try workerSamples(s, providers: [nil, "Root", "Ias"]) {
            let fast = try #require(s.decoder.fast.workerInfo(bytes), "the fast path reads every 1251 WorkerInfoV2")
            #expect(fast == (try dynamic.decodeWorkerInfo(bytes)))
            #expect(try s.decoder.decodeWorkerInfo(bytes) == fast)
        }
        #expect(try s.decoder.decodeWorkerInfo(nil) == nil)
    }

    @Test func sessionsStakesBindingsAssignmentsFastEqualsDynamic() throws {
        for (i, state) in ["Ready", "WorkerIdle", "_Unused", "WorkerUnresponsive", "WorkerCoolingDown"].enumerated() {
            let bytes = try s.session(state: state, ve: UInt128(1000 + i) << 64 | 77, v: UInt128(900 + i) << 64, pInit: 3000 + UInt32(i),
                                      pInstant: 2900, coolDownStart: UInt64(i) * 99, totalReward: UInt128(i) * 1_000_000_000_000_000_000)
            let fast = try #require(s.decoder.fast.sessionInfo(bytes))
            #expect(fast == (try dynamic.decodeSessionInfo(bytes)))
            #expect(fast.state.rawValue == UInt8(i))
        }
        let account = TestKeys.account(7)
        #expect(s.decoder.fast.account(account.bytes) == account)
        #expect(try dynamic.decodeBinding(account.bytes) == account)
        for pid: UInt64 in [0, 3, .max] {
            #expect(s.decoder.fast.assignment(scaleEncoded(pid)) == pid)
            #expect(try dynamic.decodeAssignment(scaleEncoded(pid)) == pid)
        }
        for stake: UInt128 in [0, 1, UInt128(UInt64.max) + 5, .max] {
            #expect(s.decoder.fast.stake(scaleEncoded(stake)) == stake)
            #expect(try dynamic.decodeStake(scaleEncoded(stake)) == stake)
        }
    }

    @Test func stakePoolFastEqualsDynamic() throws {
        let owner = TestKeys.account(9)
        let samples = [
            try s.stakePool(pid: 42, owner: owner, workers: (1...70).map { TestKeys.worker($0) }, cdWorkers: [TestKeys.worker(80)],
                            poolAccount: TestKeys.account(10), totalValue: 1_000, commission: nil,
                            withdrawals: [(TestKeys.account(11), 1_700_000_000), (TestKeys.account(12), 5)]),
            try s.stakePool(pid: 0, owner: owner, workers: [], poolAccount: TestKeys.account(13)),
        ]
        for bytes in samples {
            let fast = try #require(s.decoder.fast.stakePool(bytes))
            #expect(fast == (try dynamic.decodeStakePool(bytes)))
        }
        // A Vault is not a stake pool: no fast value, and both paths say nil.
        let t = s.valueType(.pools)
        let vault = try s.encode(s.variant(t, "Vault"), t)
        #expect(s.decoder.fast.stakePool(vault) == nil)
        #expect(try s.decoder.decodeStakePool(vault) == nil)
        #expect(try dynamic.decodeStakePool(vault) == nil)
    }

    /// Short, long and corrupt values: the fast decoder gives up and the error is the dynamic path's.
    @Test func undecodableValuesFailWithTheDynamicError() throws {
        let info = try s.workerInfo(TestKeys.worker(1), operator: TestKeys.account(1))
        var session = try s.session(state: "Ready", ve: 0, v: 0)
        session[0] = 9  // no such WorkerState
        var badOption = info
        badOption[76] = 7  // operator: neither None nor Some
        let cases: [(StorageItem, [UInt8])] = [
            (.workers, Array(info.prefix(40))), (.workers, info + [0]), (.workers, badOption), (.sessions, session),
            (.workerBindings, Array(TestKeys.account(1).bytes.prefix(31))), (.workerAssignments, [1, 2, 3]), (.stakes, [UInt8](repeating: 1, count: 17)),
        ]
        for (item, bytes) in cases {
            let fastError = errorText { try decode(s.decoder, item, bytes) }
            let dynamicError = errorText { try decode(dynamic, item, bytes) }
            #expect(fastError != nil, "\(item) \(bytes.count) bytes must not decode")
            #expect(fastError == dynamicError)
        }
    }

    func decode(_ d: ChainDecoder, _ item: StorageItem, _ bytes: [UInt8]) throws {
        switch item {
        case .workers: _ = try d.decodeWorkerInfo(bytes)
        case .sessions: _ = try d.decodeSessionInfo(bytes)
        case .workerBindings: _ = try d.decodeBinding(bytes)
        case .workerAssignments: _ = try d.decodeAssignment(bytes)
        case .stakes: _ = try d.decodeStake(bytes)
        default: _ = try d.decodeStakePool(bytes)
        }
    }

    func errorText(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch { return String(describing: error) }
    }

    /// The later runtime's `AttestationProvider::Dcap` keeps the layout: the fast path reads it too.
    @Test func dcapVariantKeepsTheFastPath() throws {
        let later = try laterSamples(addField: false)
        #expect(later.decoder.fast.workerInfo?[2] == .dcap)
        let laterDynamic = ChainDecoder(metadata: later.metadata, specVersion: 1290, fastPaths: false)
        for bytes in try workerSamples(later, providers: ["Dcap", "Ias", nil]) {
            let fast = try #require(later.decoder.fast.workerInfo(bytes))
            #expect(fast == (try laterDynamic.decodeWorkerInfo(bytes)))
        }
    }

    /// A `WorkerInfoV2` with a field the fast decoder does not know: no fast
    /// layout, and the value still decodes (dynamically) by field name.
    @Test func shapeMismatchFallsBackToTheDynamicPath() throws {
        let later = try laterSamples(addField: true)
        #expect(later.decoder.fast.workerInfo == nil)
        #expect(later.decoder.fast.fastItems.contains(.sessions), "other items keep theirs")
        let bytes = try later.workerInfo(TestKeys.worker(2), operator: TestKeys.account(2), provider: "Dcap")
        let info = try #require(try later.decoder.decodeWorkerInfo(bytes))
        #expect(info.attestationProvider == .dcap && info.pubkey == TestKeys.worker(2) && info.operator_ == TestKeys.account(2))
        // A compact `ve` (an encoding change under the same name) also loses the fast path.
        var md = s.metadata
        var types = md.registry.types
        let sessionType = s.valueType(.sessions)
        guard let si = types.firstIndex(where: { $0.id == sessionType }), case .composite(var fs) = types[si].def,
              let compactU128 = types.first(where: { if case .compact(let inner) = $0.def { return inner == fs[1].type } else { return false } })
        else { Issue.record("no compact u128 in 1251"); return }
        fs[1].type = compactU128.id
        types[si].def = .composite(fs)
        md.registry = PortableRegistry(types: types)
        let changed = ChainSamples(metadata: md, specVersion: 1291)
        #expect(changed.decoder.fast.sessionInfo == nil)
        let plain = try s.session(state: "WorkerIdle", ve: 12 << 64, v: 11 << 64)
        var compact = ScaleEncoder()
        compact.encodeCompact(UInt128(12) << 64)
        let session = [plain[0]] + compact.bytes + Array(plain[17...])
        #expect(changed.decoder.fast.sessionInfo(session) == nil)
        #expect(try changed.decoder.decodeSessionInfo(session)?.ve == U64F64(integer: 12))
    }

    /// 1251 with `AttestationProvider::Dcap` added (and, optionally, a new `WorkerInfoV2` field), as in DecodingTests.
    func laterSamples(addField: Bool) throws -> ChainSamples {
        var md = s.metadata
        var types = md.registry.types
        let infoType = s.valueType(.workers)
        let providerOption = s.fieldType(infoType, "attestation_provider")
        guard case .variant(let opts)? = md.registry[providerOption]?.def,
              let providerType = opts.first(where: { $0.name == "Some" })?.fields.first?.type,
              let pi = types.firstIndex(where: { $0.id == providerType }), case .variant(var vs) = types[pi].def,
              let ii = types.firstIndex(where: { $0.id == infoType }), case .composite(var fs) = types[ii].def
        else { throw ValueShapeError.missingMetadata("WorkerInfoV2 shapes") }
        vs.append(TypeVariant(name: "Dcap", fields: [], index: 2, docs: []))
        types[pi].def = .variant(vs)
        if addField {
            fs.insert(TypeField(name: "new_flag", type: 88, typeName: "bool", docs: []), at: 3)
            types[ii].def = .composite(fs)
        }
        md.registry = PortableRegistry(types: types)
        return ChainSamples(metadata: md, specVersion: 1290)
    }

    /// Block hashes from head notifications: the parent hash is taken as given,
    /// the block's own is computed, and a contradicted computation stops them.
    @Test func headHashesComputeAndDistrust() {
        var hashes = HeadHashes()
        let h1 = RPCHeader(parentHash: [UInt8](repeating: 1, count: 32), number: 10, stateRoot: [UInt8](repeating: 2, count: 32),
                           extrinsicsRoot: [UInt8](repeating: 3, count: 32), digestLogs: [[0, 4, 9, 9, 9, 9]])
        hashes.note(h1)
        #expect(hashes.hash(of: 9)?.hash == h1.parentHash && hashes.hash(of: 9)?.derived == false)
        #expect(hashes.hash(of: 10)?.hash == blake2_256(scaleEncoded(h1)) && hashes.hash(of: 10)?.derived == true)
        // The next header's parent agrees: block 10's hash is now the node's.
        var h2 = h1
        h2.number = 11
        h2.parentHash = blake2_256(scaleEncoded(h1))
        hashes.note(h2)
        #expect(hashes.hash(of: 10)?.derived == false && hashes.trustDerived)
        // A header whose parent contradicts the computed hash of 11: computed hashes are no longer used.
        var h3 = h2
        h3.number = 12
        h3.parentHash = [UInt8](repeating: 0xee, count: 32)
        hashes.note(h3)
        #expect(!hashes.trustDerived && hashes.mismatches == 1)
        #expect(hashes.hash(of: 11)?.hash == h3.parentHash)
        #expect(hashes.hash(of: 12) == nil, "not computed any more")
        hashes.forget(below: 12)
        #expect(hashes.hash(of: 11) == nil)
    }
}
