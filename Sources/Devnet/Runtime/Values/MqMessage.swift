import Scale

/// `phala_mq::MessageOrigin` (PROTOCOL.md §1.4) — the cases the devnet sends or accepts.
public enum MessageOrigin: Sendable, Hashable, ScaleCodable {
    case pallet([UInt8])
    case worker([UInt8])
    case gatekeeper

    public func encode(to e: inout ScaleEncoder) {
        switch self {
        case .pallet(let name): e.appendByte(0); e.encode(name)
        case .worker(let key): e.appendByte(2); e.append(key)
        case .gatekeeper: e.appendByte(5)
        }
    }

    public init(from d: inout ScaleDecoder) throws {
        let at = d.offset
        switch try d.readByte() {
        case 0: self = .pallet(try d.decode([UInt8].self))
        case 2: self = .worker(try d.readBytes(32))
        case 5: self = .gatekeeper
        default: throw ScaleError.invalidValue(offset: at, expected: "MessageOrigin Pallet, Worker or Gatekeeper")
        }
    }
}

/// `phala_mq::Message {sender, destination: Topic, payload}` (PROTOCOL.md §1.4).
public struct MqMessage: Sendable, Hashable, ScaleCodable {
    public var sender: MessageOrigin
    public var destination: [UInt8]
    public var payload: [UInt8]

    public init(sender: MessageOrigin, destination: [UInt8], payload: [UInt8]) {
        self.sender = sender; self.destination = destination; self.payload = payload
    }

    public func encode(to e: inout ScaleEncoder) {
        e.encode(sender); e.encode(destination); e.encode(payload)
    }

    public init(from d: inout ScaleDecoder) throws {
        sender = try d.decode(MessageOrigin.self)
        destination = try d.decode([UInt8].self)
        payload = try d.decode([UInt8].self)
    }
}

/// `SignedMessage {message, sequence, signature}`: what `sync_offchain_message` carries.
public struct SignedMqMessage: Sendable, Hashable, ScaleCodable {
    public var message: MqMessage
    public var sequence: UInt64
    public var signature: [UInt8]

    public init(message: MqMessage, sequence: UInt64, signature: [UInt8]) {
        self.message = message; self.sequence = sequence; self.signature = signature
    }

    public func encode(to e: inout ScaleEncoder) {
        e.encode(message); e.encode(sequence); e.encode(signature)
    }

    public init(from d: inout ScaleDecoder) throws {
        message = try d.decode(MqMessage.self)
        sequence = try d.decode(UInt64.self)
        signature = try d.decode([UInt8].self)
    }

    /// The bytes the worker key signs: the SCALE message and its sequence (PROTOCOL.md §2, PhalaMq).
    public var signedBytes: [UInt8] {
        var e = ScaleEncoder()
        e.encode(message); e.encode(sequence)
        return e.bytes
    }
}

/// Off-chain payloads the devnet produces and reads (PROTOCOL.md §3).
public enum MqTopics {
    public static let systemEvent = Array("phala/system/event".utf8)
    public static let miningReport = Array("phala/mining/report".utf8)
    public static let computationPallet = Array("PhalaComputation".utf8)
    /// Where a worker's `RegistryEvent`s (its benchmark report) go.
    public static let registryEvent = Array("phala/registry/event".utf8)

    /// `SystemEvent::WorkerEvent{pubkey, Registered(WorkerInfo{confidence_level})}`.
    public static func workerRegistered(pubkey: [UInt8], confidenceLevel: UInt8) -> [UInt8] {
        [0] + pubkey + [0, confidenceLevel]
    }

    /// `SystemEvent::WorkerEvent{pubkey, BenchStart{duration}}` (duration in blocks).
    public static func benchStart(pubkey: [UInt8], durationBlocks: UInt32) -> [UInt8] {
        [0] + pubkey + [1] + scaleEncoded(durationBlocks)
    }

    /// `SystemEvent::WorkerEvent{pubkey, BenchScore(score)}`.
    public static func benchScore(pubkey: [UInt8], score: UInt32) -> [UInt8] {
        [0] + pubkey + [2] + scaleEncoded(score)
    }

    /// `RegistryEvent::BenchReport{start_time ms, iterations}`.
    public static func benchReport(startTimeMs: UInt64, iterations: UInt64) -> [UInt8] {
        [0] + scaleEncoded(startTimeMs) + scaleEncoded(iterations)
    }

    /// `SystemEvent::HeartbeatChallenge{seed, online_target}`, U256s little-endian.
    public static func heartbeatChallenge(seedLE: [UInt8], targetLE: [UInt8]) -> [UInt8] {
        [1] + seedLE + targetLE
    }

    /// `WorkingReportEvent::HeartbeatV2{session_id, challenge_block, challenge_time ms, iterations, n_clusters, n_contracts}`.
    public static func heartbeatV2(sessionId: UInt32, challengeBlock: UInt32, challengeTimeMs: UInt64,
                                   iterations: UInt64) -> [UInt8] {
        var e = ScaleEncoder()
        e.appendByte(1)
        e.encode(sessionId); e.encode(challengeBlock); e.encode(challengeTimeMs); e.encode(iterations)
        e.encode(UInt32(0)); e.encode(UInt32(0))
        return e.bytes
    }
}
