import ChainEngine
import Scale
import SubstrateRPC
import TestSupport
import Testing

/// The pieces around submission that need no node: fee estimate shapes,
/// watch statuses, module errors named through the real metadata.
struct SubmissionPieceTests {
    @Test func feeEstimateWeightV2() throws {
        var e = ScaleEncoder()
        e.encodeCompact(UInt64(123_456_789)); e.encodeCompact(UInt64(3_593)); e.appendByte(0); e.encode(UInt128(1_147_000_000))
        let f = try FeeEstimate(bytes: e.bytes)
        #expect(f == FeeEstimate(refTime: 123_456_789, proofSize: 3_593, dispatchClass: "Normal", partialFeePlanck: 1_147_000_000))
    }

    @Test func feeEstimateOldU64Weight() throws {
        var e = ScaleEncoder()
        e.encode(UInt64(0x0102_0304_0506_0708)); e.appendByte(1); e.encode(UInt128(42))
        let f = try FeeEstimate(bytes: e.bytes)
        #expect(f == FeeEstimate(refTime: 0x0102_0304_0506_0708, proofSize: nil, dispatchClass: "Operational", partialFeePlanck: 42))
    }

    @Test func feeEstimateGarbageIsATypedError() {
        #expect(throws: FeeEstimateError.self) { try FeeEstimate(bytes: []) }
        #expect(throws: FeeEstimateError.self) { try FeeEstimate(bytes: [0x04, 0x04, 0x07] + [UInt8](repeating: 0, count: 16)) }  // class 7
        #expect(throws: FeeEstimateError.self) { try FeeEstimate(bytes: [UInt8](repeating: 0xff, count: 40)) }
    }

    @Test func watchStatuses() throws {
        let h = [UInt8](repeating: 0xab, count: 32)
        #expect(try ExtrinsicStatus(json: "ready") == .ready)
        #expect(try ExtrinsicStatus(json: "future") == .future)
        #expect(try ExtrinsicStatus(json: "dropped") == .dropped)
        #expect(try ExtrinsicStatus(json: "invalid") == .invalid)
        #expect(try ExtrinsicStatus(json: .object(["inBlock": .hex(h)])) == .inBlock(blockHash: h))
        #expect(try ExtrinsicStatus(json: .object(["finalized": .hex(h)])) == .finalized(blockHash: h))
        #expect(try ExtrinsicStatus(json: .object(["usurped": .hex(h)])) == .usurped(byExtrinsic: h))
        #expect(try ExtrinsicStatus(json: .object(["retracted": .hex(h)])) == .retracted(blockHash: h))
        #expect(try ExtrinsicStatus(json: .object(["broadcast": .array(["peer1", "peer2"])])) == .broadcast(["peer1", "peer2"]))
        #expect(ExtrinsicStatus.finalized(blockHash: h).isFinal && ExtrinsicStatus.invalid.isFinal && !ExtrinsicStatus.ready.isFinal)
        #expect(throws: RPCDecodingError.self) { try ExtrinsicStatus(json: "bogus") }
        #expect(throws: RPCDecodingError.self) { try ExtrinsicStatus(json: .object(["inBlock": .hex([1, 2])])) }
        #expect(throws: RPCDecodingError.self) { try ExtrinsicStatus(json: .object(["what": 1])) }
    }

    @Test(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
    func moduleErrorsAreNamedThroughTheMetadata() throws {
        let m = try RuntimeMetadataV14(bytes: Fixtures.bytes("khala_metadata_spec1251.scale"))
        let pool = try #require(m.pallet(named: "PhalaStakePoolv2"))
        let variant = try #require(m.error(pallet: "PhalaStakePoolv2", name: "InsufficientFreeStake"))
        let err = ScaleValue.variant(name: "Module", index: 3, fields: [ScaleField(nil, .composite([
            ScaleField("index", .unsigned(UInt128(pool.index))),
            ScaleField("error", .bytes([variant.index, 0, 0, 0])),
        ]))])
        let f = DispatchFailure(dispatchError: err, metadata: m)
        #expect(f.name == "PhalaStakePoolv2.InsufficientFreeStake")
        #expect(!f.doc.isEmpty)
        #expect(f.modulePallet == pool.index && f.moduleError == variant.index)
        #expect(f.description == "PhalaStakePoolv2.InsufficientFreeStake: \(f.doc)")
        // An index the metadata does not have is said, not guessed.
        let unknown = ScaleValue.variant(name: "Module", index: 3, fields: [ScaleField(nil, .composite([
            ScaleField("index", .unsigned(250)), ScaleField("error", .bytes([9, 0, 0, 0])),
        ]))])
        #expect(DispatchFailure(dispatchError: unknown, metadata: m).name.contains("not in this metadata"))
        // Non-module errors keep their variant path.
        #expect(DispatchFailure(dispatchError: .variant(name: "BadOrigin", index: 2, fields: []), metadata: m).name == "BadOrigin")
        let token = ScaleValue.variant(name: "Token", index: 7, fields: [ScaleField(nil, .variant(name: "FundsUnavailable", index: 0, fields: []))])
        #expect(DispatchFailure(dispatchError: token, metadata: m).name == "Token.FundsUnavailable")
    }

    /// A registry that has `RuntimeDispatchInfo` (weights v2): the estimate is read through it.
    @Test func feeEstimateThroughTheMetadataType() throws {
        var types: [PortableType] = []
        func t(_ path: [String], _ def: TypeDef) -> UInt32 {
            types.append(PortableType(id: UInt32(types.count), path: path, params: [], def: def, docs: []))
            return UInt32(types.count - 1)
        }
        func f(_ name: String, _ type: UInt32) -> TypeField { TypeField(name: name, type: type, typeName: nil, docs: []) }
        let u64 = t([], .primitive(.u64)), u128 = t([], .primitive(.u128)), c64 = t([], .compact(u64))
        let weight = t(["sp_weights", "weight_v2", "Weight"], .composite([f("ref_time", c64), f("proof_size", c64)]))
        let cls = t(["frame_support", "dispatch", "DispatchClass"], .variant(["Normal", "Operational", "Mandatory"].enumerated().map {
            TypeVariant(name: $0.element, fields: [], index: UInt8($0.offset), docs: [])
        }))
        _ = t(["pallet_transaction_payment", "types", "RuntimeDispatchInfo"],
              .composite([f("weight", weight), f("class", cls), f("partial_fee", u128)]))
        let unit = t([], .tuple([]))
        let m = RuntimeMetadataV14(registry: PortableRegistry(types: types), pallets: [],
                                   extrinsic: ExtrinsicMetadata(type: unit, version: 4, signedExtensions: []), runtimeType: unit)
        var e = ScaleEncoder()
        e.encodeCompact(UInt64(9)); e.encodeCompact(UInt64(10)); e.appendByte(2); e.encode(UInt128(77))
        #expect(try FeeEstimate(bytes: e.bytes, metadata: m)
                == FeeEstimate(refTime: 9, proofSize: 10, dispatchClass: "Mandatory", partialFeePlanck: 77))
        // Bytes that do not fit the metadata's type are an error, not a guess by the known shapes.
        #expect(throws: FeeEstimateError.self) { try FeeEstimate(bytes: e.bytes + [0], metadata: m) }
    }
}
