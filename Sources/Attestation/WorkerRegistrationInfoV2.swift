import ChainCrypto
import Scale

/// What pRuntime registers a worker with, and commits to in `report_data` (§2, §5.1).
///
/// `report_data[0..32] = blake2_256(SCALE(self))`; the chain re-encodes the
/// submitted value and compares. Field order is the SCALE order:
/// version, machine_id, pubkey, ecdh_pubkey, genesis_block_hash (relay chain),
/// features, operator, para_id, max_consensus_version.
public struct WorkerRegistrationInfoV2: Sendable, Equatable {
    public var version: UInt32
    public var machineId: [UInt8]
    /// The worker's sr25519 public key (32 bytes); public, never a secret.
    public var pubkey: [UInt8]
    /// The worker's ECDH public key (32 bytes).
    public var ecdhPubkey: [UInt8]
    /// The relay chain's genesis hash (32 bytes).
    public var genesisBlockHash: [UInt8]
    public var features: [UInt32]
    /// AccountId32 of the operator, if the worker names one.
    public var operatorAccount: [UInt8]?
    public var paraId: UInt32
    public var maxConsensusVersion: UInt32

    public init(version: UInt32, machineId: [UInt8], pubkey: [UInt8], ecdhPubkey: [UInt8],
                genesisBlockHash: [UInt8], features: [UInt32], operatorAccount: [UInt8]?,
                paraId: UInt32, maxConsensusVersion: UInt32) {
        self.version = version
        self.machineId = machineId
        self.pubkey = pubkey
        self.ecdhPubkey = ecdhPubkey
        self.genesisBlockHash = genesisBlockHash
        self.features = features
        self.operatorAccount = operatorAccount
        self.paraId = paraId
        self.maxConsensusVersion = maxConsensusVersion
    }

    /// blake2_256 of the SCALE encoding: what `report_data[0..32]` must hold.
    public var reportDataHash: [UInt8] { blake2_256(scaleEncoded(self)) }

    /// Fixed 32-byte fields must be exactly 32 bytes to encode as the chain does.
    public func validate() throws(AttestationError) {
        for (name, value) in [("pubkey", pubkey), ("ecdh_pubkey", ecdhPubkey), ("genesis_block_hash", genesisBlockHash)]
        where value.count != 32 {
            throw .malformed(what: "registration info: \(name) is \(value.count) bytes, expected 32")
        }
        if let account = operatorAccount, account.count != 32 {
            throw .malformed(what: "registration info: operator is \(account.count) bytes, expected 32")
        }
    }
}

extension WorkerRegistrationInfoV2: ScaleCodable {
    public init(from decoder: inout ScaleDecoder) throws {
        version = try decoder.decode(UInt32.self)
        machineId = try decoder.decode([UInt8].self)
        pubkey = try decoder.readBytes(32)
        ecdhPubkey = try decoder.readBytes(32)
        genesisBlockHash = try decoder.readBytes(32)
        features = try decoder.decode([UInt32].self)
        switch try decoder.readByte() {
        case 0: operatorAccount = nil
        case 1: operatorAccount = try decoder.readBytes(32)
        default:
            throw ScaleError.invalidValue(offset: decoder.offset - 1, expected: "Option<AccountId32> tag 0 or 1")
        }
        paraId = try decoder.decode(UInt32.self)
        maxConsensusVersion = try decoder.decode(UInt32.self)
    }

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encode(version)
        encoder.encode(machineId)
        encoder.append(pubkey)
        encoder.append(ecdhPubkey)
        encoder.append(genesisBlockHash)
        encoder.encode(features)
        if let account = operatorAccount {
            encoder.append([1])
            encoder.append(account)
        } else {
            encoder.append([0])
        }
        encoder.encode(paraId)
        encoder.encode(maxConsensusVersion)
    }
}

extension AttestationPolicy {
    /// A policy that checks `report_data` against this worker's registration info.
    public init(registrationInfo: WorkerRegistrationInfoV2?, pRuntimeAllowList: [[UInt8]]? = nil) {
        self.init(expectedReportDataHash: registrationInfo?.reportDataHash, pRuntimeAllowList: pRuntimeAllowList)
    }
}
