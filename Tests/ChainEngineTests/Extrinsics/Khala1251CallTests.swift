import ChainCrypto
@testable import ChainEngine
import MiningCore
import Scale
import TestSupport
import Testing

/// Calls and signed extensions through the real Khala 1251 metadata
/// (PROTOCOL.md §1.6, §2).
@Suite(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
struct Khala1251CallTests {
    static let metadata: RuntimeMetadataV14? = try? RuntimeMetadataV14(bytes: Fixtures.bytes("khala_metadata_spec1251.scale"))

    func builder() throws -> ExtrinsicBuilder { try ExtrinsicBuilder(metadata: try #require(Self.metadata)) }

    let worker = try! WorkerKey(hex: "0x1234" + String(repeating: "00", count: 28) + "abcd")

    static func le(_ v: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
    static func le(_ v: UInt128) -> [UInt8] { (0..<16).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }

    @Test func stakePoolCallsHaveTheIndicesOfProtocolSection2() throws {
        let b = try builder()
        let stake = 5_000 * PHA.planckPerPHA
        let cases: [(ActionCall, UInt8, [UInt8])] = [
            (.addWorker(pid: 3, worker: worker), 1, Self.le(UInt64(3)) + worker.bytes),
            (.removeWorker(pid: 3, worker: worker), 2, Self.le(UInt64(3)) + worker.bytes),
            (.startComputing(pid: 3, worker: worker, stakePlanck: stake), 13, Self.le(UInt64(3)) + worker.bytes + Self.le(stake)),
            (.stopComputing(pid: 3, worker: worker), 14, Self.le(UInt64(3)) + worker.bytes),
            (.reclaimPoolWorker(pid: 3, worker: worker), 15, Self.le(UInt64(3)) + worker.bytes),
            (.restartComputing(pid: 3, worker: worker, stakePlanck: stake), 17, Self.le(UInt64(3)) + worker.bytes + Self.le(stake)),
        ]
        for (action, index, args) in cases {
            let call = try b.call(action)
            #expect(call.bytes == [0x5d, index] + args, "\(action.callName)")
            #expect(call.pallet == "PhalaStakePoolv2")
            // The bytes decode back as the runtime's call type to the same call.
            let runtimeCall = try #require(b.encoder.runtimeCallType)
            let decoded = try b.encoder.codec.decode(type: runtimeCall, from: call.bytes)
            #expect(decoded.variantName == "PhalaStakePoolv2")
            #expect(decoded.fields.first?.value.variantName == action.callName)
        }
    }

    @Test func summariesSayTheCallInWords() {
        let start = ActionCall.startComputing(pid: 3, worker: worker, stakePlanck: 5_000 * PHA.planckPerPHA)
        #expect(start.summary == "start_computing: pool 3, worker 0x1234…abcd, stake 5,000 PHA")
        #expect(ActionCall.stopComputing(pid: 7, worker: worker).summary == "stop_computing: pool 7, worker 0x1234…abcd")
        let fractional = ActionCall.restartComputing(pid: 1, worker: worker, stakePlanck: 1_500_000_000_001)
        #expect(fractional.summary.hasSuffix("stake 1.500000000001 PHA"))
        #expect(ActionCall.batchAll([start, .stopComputing(pid: 7, worker: worker)]).summary.hasPrefix("batch_all of 2: start_computing"))
    }

    @Test func batchAllNestsCallsThroughUtility() throws {
        let b = try builder()
        let m = try #require(Self.metadata)
        let a = ActionCall.stopComputing(pid: 1, worker: worker)
        let c = ActionCall.reclaimPoolWorker(pid: 2, worker: worker)
        let batch = try b.call(.batchAll([a, c]))
        let idx = try #require(m.callIndex(pallet: "Utility", name: "batch_all"))
        #expect(batch.bytes == [idx.pallet, idx.call, 2 << 2] + (try b.call(a)).bytes + (try b.call(c)).bytes)
        #expect(idx.pallet == 3)
    }

    @Test func registerWorkerV2TakesEncodedArgumentsCheckedAgainstTheirTypes() throws {
        let b = try builder()
        // WorkerRegistrationInfoV2: version, machine_id, pubkey, ecdh_pubkey, genesis_block_hash, features, operator, para_id, max_consensus_version.
        var e = ScaleEncoder()
        e.encode(UInt32(1)); e.encode([UInt8]([1, 2, 3]))
        e.append([UInt8](repeating: 7, count: 32)); e.append([UInt8](repeating: 8, count: 32)); e.append([UInt8](repeating: 9, count: 32))
        e.encode([UInt32(4), 1]); e.appendByte(0); e.encode(UInt32(2004)); e.encode(UInt32(1))
        let info = e.bytes
        let attestation: [UInt8] = [0]  // Option::None
        let call = try b.call(.registerWorkerV2(pruntimeInfo: info, attestation: attestation))
        #expect(call.bytes == [86, 7] + info + attestation)

        // Truncated info and a bad Option tag are typed errors, not bytes.
        #expect(throws: ExtrinsicError.self) { try b.call(.registerWorkerV2(pruntimeInfo: Array(info.dropLast()), attestation: [0])) }
        do {
            _ = try b.call(.registerWorkerV2(pruntimeInfo: info, attestation: [5]))
            Issue.record("a bad Option tag was accepted")
        } catch {
            guard case .argumentType(let call, let arg, _, _) = error else { Issue.record("\(error)"); return }
            #expect(call == "PhalaRegistry.register_worker_v2")
            #expect(arg == "attestation")
        }
    }

    @Test func wrongShapesAreTypedErrors() throws {
        let b = try builder()
        let enc = b.encoder
        // A 31-byte worker key.
        #expect(throws: ExtrinsicError.argumentType(call: "PhalaStakePoolv2.stop_computing", argument: "worker",
                                                   expected: try #require(Self.metadata).registry.typeName(
                                                       try #require(Self.metadata?.call(pallet: "PhalaStakePoolv2", name: "stop_computing")?.fields[1].type)),
                                                   reason: "31 bytes were given")) {
            try enc.encode(pallet: "PhalaStakePoolv2", call: "stop_computing",
                           arguments: [("pid", .unsigned(1)), ("worker", .bytes([UInt8](repeating: 0, count: 31)))])
        }
        // A pid that does not fit u64.
        #expect(throws: ExtrinsicError.self) {
            try enc.encode(pallet: "PhalaStakePoolv2", call: "stop_computing",
                           arguments: [("pid", .unsigned(UInt128(UInt64.max) + 1)), ("worker", .bytes(worker.bytes))])
        }
        // Bytes where an integer goes.
        #expect(throws: ExtrinsicError.self) {
            try enc.encode(pallet: "PhalaStakePoolv2", call: "stop_computing",
                           arguments: [("pid", .bytes([1])), ("worker", .bytes(worker.bytes))])
        }
        // Missing, extra and misnamed arguments.
        #expect(throws: ExtrinsicError.argumentMismatch(call: "PhalaStakePoolv2.stop_computing", expected: ["pid", "worker"], given: ["pid"])) {
            try enc.encode(pallet: "PhalaStakePoolv2", call: "stop_computing", arguments: [("pid", .unsigned(1))])
        }
        #expect(throws: ExtrinsicError.self) {
            try enc.encode(pallet: "PhalaStakePoolv2", call: "stop_computing",
                           arguments: [("pid", .unsigned(1)), ("pubkey", .bytes(worker.bytes))])
        }
        #expect(throws: ExtrinsicError.unknownPallet("PhalaStakePoolv9")) {
            try enc.encode(pallet: "PhalaStakePoolv9", call: "stop_computing", arguments: [])
        }
        #expect(throws: ExtrinsicError.unknownCall(pallet: "PhalaStakePoolv2", call: "stop_mining")) {
            try enc.encode(pallet: "PhalaStakePoolv2", call: "stop_mining", arguments: [])
        }
        // A batch element that is not a call of this runtime.
        let bogus = EncodedCall(pallet: "X", name: "y", bytes: [0xff, 0xff])
        #expect(throws: ExtrinsicError.self) {
            try enc.encode(pallet: "Utility", call: "batch_all", arguments: [("calls", .calls([bogus]))])
        }
    }

    @Test func indicesFollowTheMetadataNotAConstant() throws {
        // Move PhalaStakePoolv2 to index 200 and stop_computing to 99: the call bytes follow.
        var m = try #require(Self.metadata)
        let pi = try #require(m.pallets.firstIndex { $0.name == "PhalaStakePoolv2" })
        m.pallets[pi].index = 200
        let callType = try #require(m.pallets[pi].callType)
        var types = m.registry.types
        let ti = try #require(types.firstIndex { $0.id == callType })
        guard case .variant(var vs) = types[ti].def, let vi = vs.firstIndex(where: { $0.name == "stop_computing" }) else {
            Issue.record("no stop_computing"); return
        }
        vs[vi].index = 99
        types[ti].def = .variant(vs)
        m.registry = PortableRegistry(types: types)
        let call = try ExtrinsicBuilder(metadata: m).call(.stopComputing(pid: 1, worker: worker))
        #expect(Array(call.bytes.prefix(2)) == [200, 99])
    }

    static let genesis = [UInt8](repeating: 0xaa, count: 32)
    static let birth = [UInt8](repeating: 0xbb, count: 32)

    @Test func khala1251SignedExtensionsEncode() throws {
        let m = try #require(Self.metadata)
        let b = try builder()
        #expect(m.extrinsic.signedExtensions.map(\.identifier) == [
            "CheckNonZeroSender", "CheckSpecVersion", "CheckTxVersion", "CheckGenesis", "CheckMortality", "CheckNonce",
            "CheckWeight", "CheckMqSequence", "ChargeTransactionPayment",
        ])
        let p = SigningParameters(nonce: 70_000, tipPlanck: 3, era: .mortal(period: 64, currentBlock: 1_000_042),
                                  specVersion: 1251, transactionVersion: 7, genesisHash: Self.genesis, eraBirthHash: Self.birth)
        let ext = try SignedExtensions(metadata: m, codec: b.encoder.codec, parameters: p)
        // era ‖ Compact(70000) (four-byte mode) ‖ Compact(3)
        #expect(ext.extra == TransactionEra.mortal(period: 64, currentBlock: 1_000_042).encoded + [0xc2, 0x45, 0x04, 0x00] + [0x0c])  // (70000 << 2) | 2 = 0x000445c2
        #expect(ext.additional == [0xe3, 0x04, 0, 0] + [7, 0, 0, 0] + Self.genesis + Self.birth)
        #expect(ext.parts.first { $0.identifier == "CheckMqSequence" } == .init(identifier: "CheckMqSequence", extra: [], additional: []))
    }

    /// Adds `CheckMetadataHash` (Mode enum, Option<[u8; 32]>) and an unknown extension to the 1251 metadata.
    func metadataWithExtraExtensions(unknownHasData: Bool) throws -> RuntimeMetadataV14 {
        var m = try #require(Self.metadata)
        var types = m.registry.types
        func add(_ def: TypeDef, _ path: [String] = []) -> UInt32 {
            let id = (types.map(\.id).max() ?? 0) + 1
            types.append(PortableType(id: id, path: path, params: [], def: def, docs: []))
            return id
        }
        let u8 = try #require(types.first { if case .primitive(.u8) = $0.def { return true } else { return false } }?.id)
        let unit = add(.tuple([]))
        let a32 = add(.array(length: 32, element: u8))
        let mode = add(.variant([TypeVariant(name: "Disabled", fields: [], index: 0, docs: []),
                                 TypeVariant(name: "Enabled", fields: [], index: 1, docs: [])]), ["frame_metadata_hash_extension", "Mode"])
        let ext = add(.composite([TypeField(name: "mode", type: mode, typeName: nil, docs: [])]), ["frame_metadata_hash_extension", "CheckMetadataHash"])
        let option = add(.variant([TypeVariant(name: "None", fields: [], index: 0, docs: []),
                                   TypeVariant(name: "Some", fields: [TypeField(name: nil, type: a32, typeName: nil, docs: [])], index: 1, docs: [])]),
                         ["Option"])
        let unknownType = unknownHasData ? add(.composite([TypeField(name: "x", type: u8, typeName: nil, docs: [])])) : add(.composite([]))
        m.registry = PortableRegistry(types: types)
        m.extrinsic.signedExtensions.append(SignedExtensionMetadata(identifier: "CheckMetadataHash", type: ext, additionalSigned: option))
        m.extrinsic.signedExtensions.append(SignedExtensionMetadata(identifier: "CheckSomethingNew", type: unknownType, additionalSigned: unit))
        return m
    }

    @Test func checkMetadataHashIsDisabledAndEmptyUnknownExtensionsAreFine() throws {
        let m = try metadataWithExtraExtensions(unknownHasData: false)
        let p = SigningParameters(nonce: 1, era: .immortal, specVersion: 1, transactionVersion: 1,
                                  genesisHash: Self.genesis, eraBirthHash: Self.genesis)
        let ext = try SignedExtensions(metadata: m, codec: DynamicCodec(registry: m.registry), parameters: p)
        let part = try #require(ext.parts.first { $0.identifier == "CheckMetadataHash" })
        #expect(part.extra == [0])
        #expect(part.additional == [0])
        #expect(ext.parts.last == .init(identifier: "CheckSomethingNew", extra: [], additional: []))
        // immortal era ‖ Compact(nonce 1) ‖ Compact(tip 0) ‖ Mode::Disabled
        #expect(ext.extra == [0x00, 0x04, 0x00, 0x00])
        #expect(ext.additional.suffix(1) == [0x00])
    }

    @Test func unknownExtensionWithDataIsATypedError() throws {
        let m = try metadataWithExtraExtensions(unknownHasData: true)
        let p = SigningParameters(nonce: 1, era: .immortal, specVersion: 1, transactionVersion: 1,
                                  genesisHash: Self.genesis, eraBirthHash: Self.genesis)
        do {
            _ = try SignedExtensions(metadata: m, codec: DynamicCodec(registry: m.registry), parameters: p)
            Issue.record("an unknown extension with data was accepted")
        } catch {
            guard case .unsupportedSignedExtension(let id, _) = error else { Issue.record("\(error)"); return }
            #expect(id == "CheckSomethingNew")
        }
    }

    @Test func aChangedKnownExtensionShapeIsATypedError() throws {
        // CheckNonce declared as a plain u64 instead of Compact<u32>: our compact bytes do not decode as it.
        var m = try #require(Self.metadata)
        let u64 = try #require(m.registry.types.first { if case .primitive(.u64) = $0.def { return true } else { return false } }?.id)
        let i = try #require(m.extrinsic.signedExtensions.firstIndex { $0.identifier == "CheckNonce" })
        m.extrinsic.signedExtensions[i].type = u64
        let p = SigningParameters(nonce: 1, era: .immortal, specVersion: 1, transactionVersion: 1,
                                  genesisHash: Self.genesis, eraBirthHash: Self.genesis)
        #expect(throws: ExtrinsicError.self) {
            try SignedExtensions(metadata: m, codec: DynamicCodec(registry: m.registry), parameters: p)
        }
        #expect(throws: ExtrinsicError.badHashLength(what: "genesis hash", count: 3)) {
            var q = p; q.genesisHash = [1, 2, 3]
            return try SignedExtensions(metadata: try #require(Self.metadata), codec: DynamicCodec(registry: m.registry), parameters: q)
        }
    }

    @Test func longPayloadsAreSignedAsTheirHash() throws {
        let b = try builder()
        let key = try KeyPair(scheme: .ed25519, miniSecret: SecretBytes([UInt8](repeating: 3, count: 32)))
        let calls = (0..<6).map { ActionCall.stopComputing(pid: UInt64($0), worker: worker) }
        let p = SigningParameters(nonce: 0, era: .mortal(period: 64, currentBlock: 10), specVersion: 1251,
                                  transactionVersion: 7, genesisHash: Self.genesis, eraBirthHash: Self.birth)
        let long = try b.sign(.batchAll(calls), signer: key, parameters: p)
        #expect(long.signingPayload.count > 256)
        #expect(KeyPair.verify(scheme: .ed25519, signature: long.signature, message: blake2_256(long.signingPayload), publicKey: key.publicKey))
        #expect(!KeyPair.verify(scheme: .ed25519, signature: long.signature, message: long.signingPayload, publicKey: key.publicKey))
        let short = try b.sign(calls[0], signer: key, parameters: p)
        #expect(short.signingPayload.count <= 256)
        #expect(KeyPair.verify(scheme: .ed25519, signature: short.signature, message: short.signingPayload, publicKey: key.publicKey))
        // Layout: compact length ‖ 0x84 ‖ 0x00 ‖ pubkey ‖ 0x00 (Ed25519) ‖ sig ‖ extra ‖ call.
        var d = ScaleDecoder(short.bytes)
        let len = try d.decodeCompactLength()
        #expect(len == d.remaining)
        #expect(try d.readByte() == 0x84)
        #expect(try d.readByte() == 0x00)
        #expect(try d.readBytes(32) == key.publicKey)
        #expect(try d.readByte() == 0x00)
        #expect(try d.readBytes(64) == short.signature)
        let ext = try SignedExtensions(metadata: b.metadata, codec: b.encoder.codec, parameters: p)
        #expect(try d.readBytes(ext.extra.count) == ext.extra)
        #expect(try d.readBytes(d.remaining) == short.call.bytes)
    }

    @Test func sr25519SignerUsesVariantOne() throws {
        let b = try builder()
        let key = try KeyPair(secretURI: "//Alice")
        let p = SigningParameters(nonce: 0, era: .immortal, specVersion: 1251, transactionVersion: 7,
                                  genesisHash: Self.genesis, eraBirthHash: Self.genesis)
        let x = try b.sign(.stopComputing(pid: 0, worker: worker), signer: key, parameters: p)
        var d = ScaleDecoder(x.bytes)
        _ = try d.decodeCompactLength()
        _ = try d.readBytes(2 + 32)
        #expect(try d.readByte() == 0x01)
        #expect(KeyPair.verify(scheme: .sr25519, signature: x.signature, message: x.signingPayload, publicKey: key.publicKey))
        #expect(!"\(x)".contains("secret"))
    }
}
