import ChainCrypto
import Scale

/// A v4 `UncheckedExtrinsic` as submitted by clients (issue 5): `Compact`
/// length, version byte (0x84 signed, 0x04 unsigned), then for signed ones
/// `MultiAddress::Id`, `MultiSignature` and the extra data of Khala 1251's
/// signed extensions (CheckMortality era, CheckNonce `Compact<u32>`,
/// ChargeTransactionPayment `Compact<u128>` tip; the others carry none),
/// then the call bytes.
public struct UncheckedExtrinsic: Sendable, Hashable {
    public struct Signature: Sendable, Hashable {
        public var signer: [UInt8]
        public var scheme: SignatureScheme
        public var signature: [UInt8]
        public var era: Era
        public var nonce: UInt32
        public var tipPlanck: UInt128
        /// The raw extra bytes as signed (era ‖ nonce ‖ tip).
        public var extra: [UInt8]
    }

    /// nil for an unsigned extrinsic (inherents such as `Timestamp.set`).
    public var signature: Signature?
    public var call: [UInt8]
    /// The full encoding, length prefix included (what `chain_getBlock` returns).
    public var encoded: [UInt8]

    /// Decodes `bytes` (length-prefixed); every byte must be consumed.
    public init(bytes: [UInt8]) throws {
        var d = ScaleDecoder(bytes)
        let length = try d.decodeCompactLength()
        guard length == d.remaining else {
            throw ScaleError.invalidValue(offset: d.offset, expected: "extrinsic length \(length) = remaining \(d.remaining)")
        }
        let versionAt = d.offset
        let version = try d.readByte()
        guard version & 0x7f == 4 else {
            throw ScaleError.invalidValue(offset: versionAt, expected: "extrinsic version 4, found \(version & 0x7f)")
        }
        if version & 0x80 != 0 {
            let addressAt = d.offset
            guard try d.readByte() == 0 else {
                throw ScaleError.invalidValue(offset: addressAt, expected: "MultiAddress::Id (only account ids are supported)")
            }
            let signer = try d.readBytes(32)
            let schemeAt = d.offset
            guard let scheme = SignatureScheme(rawValue: try d.readByte()) else {
                throw ScaleError.invalidValue(offset: schemeAt, expected: "MultiSignature variant 0...2")
            }
            let signature = try d.readBytes(scheme == .ecdsa ? 65 : 64)
            let extraStart = d.offset
            let era = try Era(from: &d)
            let nonce = try d.decodeCompactUInt32()
            let tip = try d.decodeCompactUInt128()
            let extra = Array(bytes[extraStart..<d.offset])
            self.signature = Signature(signer: signer, scheme: scheme, signature: signature, era: era, nonce: nonce,
                                       tipPlanck: tip, extra: extra)
        } else {
            signature = nil
        }
        guard d.remaining >= 2 else {
            throw ScaleError.truncated(offset: d.offset, needed: 2, available: d.remaining)
        }
        call = try d.readBytes(d.remaining)
        encoded = bytes
    }

    /// An unsigned extrinsic around `call`.
    public init(unsignedCall call: [UInt8]) {
        var body: [UInt8] = [4]
        body += call
        var e = ScaleEncoder()
        e.encode(body)
        self.signature = nil
        self.call = call
        self.encoded = e.bytes
    }

    /// A signed extrinsic from its parts (the devnet's own relayer, tests).
    public init(signer: [UInt8], scheme: SignatureScheme, signature: [UInt8], extra: [UInt8], call: [UInt8]) throws {
        var body: [UInt8] = [0x84, 0]
        body += signer
        body.append(scheme.rawValue)
        body += signature
        body += extra
        body += call
        var e = ScaleEncoder()
        e.encode(body)
        try self.init(bytes: e.bytes)
    }

    /// `blake2_256` of the full encoding: the extrinsic hash clients watch.
    public var hash: [UInt8] { blake2_256(encoded) }

    /// The bytes a signer signs: call ‖ extra ‖ additional signed (spec
    /// version, transaction version, genesis hash, era birth block hash; the
    /// other extensions add nothing), hashed with blake2_256 when longer than
    /// 256 bytes.
    public static func signingPayload(call: [UInt8], extra: [UInt8], specVersion: UInt32, transactionVersion: UInt32,
                                      genesisHash: [UInt8], birthHash: [UInt8]) -> [UInt8] {
        var e = ScaleEncoder(reservingCapacity: call.count + extra.count + 72)
        e.append(call)
        e.append(extra)
        e.encode(specVersion)
        e.encode(transactionVersion)
        e.append(genesisHash)
        e.append(birthHash)
        return e.bytes.count > 256 ? blake2_256(e.bytes) : e.bytes
    }

    /// Era ‖ Compact nonce ‖ Compact tip: the extra data of a signed extrinsic.
    public static func extra(eraBytes: [UInt8], nonce: UInt32, tipPlanck: UInt128 = 0) -> [UInt8] {
        var e = ScaleEncoder()
        e.append(eraBytes)
        e.encodeCompact(UInt64(nonce))
        e.encodeCompact(tipPlanck)
        return e.bytes
    }
}
