import Scale

/// `TransactionPaymentApi_query_info`'s `RuntimeDispatchInfo`: the weight,
/// dispatch class and the fee the extrinsic would pay without tip (issue 8:
/// shown in the confirmation before signing).
///
/// Decoded through the metadata when its registry has the type, else by the
/// known shapes: `Weight {ref_time: Compact<u64>, proof_size: Compact<u64>}`
/// (weights v2) or a bare `u64` weight (old runtimes), a class byte and a `u128` fee.
public struct FeeEstimate: Sendable, Hashable {
    public var refTime: UInt64
    /// Nil for old runtimes whose weight is one `u64`.
    public var proofSize: UInt64?
    /// `Normal`, `Operational` or `Mandatory`.
    public var dispatchClass: String
    public var partialFeePlanck: UInt128

    public init(refTime: UInt64, proofSize: UInt64?, dispatchClass: String, partialFeePlanck: UInt128) {
        self.refTime = refTime; self.proofSize = proofSize; self.dispatchClass = dispatchClass
        self.partialFeePlanck = partialFeePlanck
    }

    static let classNames = ["Normal", "Operational", "Mandatory"]

    /// Decodes the bytes `state_call` returned.
    public init(bytes: [UInt8], metadata: RuntimeMetadataV14? = nil) throws(FeeEstimateError) {
        if let metadata, let t = metadata.registry.type(path: "pallet_transaction_payment::types::RuntimeDispatchInfo") {
            let codec = DynamicCodec(registry: metadata.registry)
            do {
                self = try Self.fromValue(try codec.decode(type: t.id, from: bytes))
                return
            } catch let e as FeeEstimateError {
                throw e
            } catch {
                throw .undecodable("RuntimeDispatchInfo from the metadata: \(error)")
            }
        }
        if let v2 = try? Self.decodeKnown(bytes, weightV2: true) { self = v2; return }
        if let v1 = try? Self.decodeKnown(bytes, weightV2: false) { self = v1; return }
        throw .undecodable("\(bytes.count) bytes are neither weight-v2 nor u64-weight RuntimeDispatchInfo")
    }

    static func decodeKnown(_ bytes: [UInt8], weightV2: Bool) throws -> FeeEstimate {
        var d = ScaleDecoder(bytes)
        let refTime: UInt64
        var proofSize: UInt64?
        if weightV2 {
            refTime = try d.decodeCompactUInt64()
            proofSize = try d.decodeCompactUInt64()
        } else {
            refTime = try d.decode(UInt64.self)
        }
        let at = d.offset
        let cls = Int(try d.readByte())
        guard cls < classNames.count else { throw ScaleError.invalidValue(offset: at, expected: "dispatch class 0...2") }
        let fee = try d.decode(UInt128.self)
        try d.requireAtEnd()
        return FeeEstimate(refTime: refTime, proofSize: proofSize, dispatchClass: classNames[cls], partialFeePlanck: fee)
    }

    static func fromValue(_ v: ScaleValue) throws(FeeEstimateError) -> FeeEstimate {
        guard let weight = v[field: "weight"], let cls = v[field: "class"]?.variantName,
              let fee = v[field: "partial_fee"]?.uint else {
            throw .undecodable("RuntimeDispatchInfo lacks weight, class or partial_fee")
        }
        let refTime: UInt128?
        var proof: UInt128?
        if let r = weight[field: "ref_time"]?.uint {
            refTime = r
            proof = weight[field: "proof_size"]?.uint
        } else {
            refTime = weight.uint
        }
        guard let refTime, let rt = UInt64(exactly: refTime) else { throw .undecodable("weight is not a u64 ref_time") }
        return FeeEstimate(refTime: rt, proofSize: proof.flatMap { UInt64(exactly: $0) }, dispatchClass: cls,
                           partialFeePlanck: fee)
    }
}

/// Why a fee estimate could not be read.
public enum FeeEstimateError: Error, Sendable, Equatable, CustomStringConvertible {
    case undecodable(String)
    public var description: String {
        switch self {
        case .undecodable(let r): return "cannot decode the fee estimate: \(r)"
        }
    }
}
