/// A block header as Substrate's RPC writes it (`chain_getHeader`, `chain_newHead`):
/// `{parentHash, number: "0x..", stateRoot, extrinsicsRoot, digest: {logs: [hex]}}`.
///
/// Digest logs stay SCALE-encoded `DigestItem` bytes: their meaning is the
/// engine's business, their bytes are what the block hash commits to.
public struct RPCHeader: Sendable, Hashable {
    public var parentHash: [UInt8]
    public var number: UInt64
    public var stateRoot: [UInt8]
    public var extrinsicsRoot: [UInt8]
    /// Each log is one SCALE-encoded `DigestItem`.
    public var digestLogs: [[UInt8]]

    public init(parentHash: [UInt8], number: UInt64, stateRoot: [UInt8], extrinsicsRoot: [UInt8], digestLogs: [[UInt8]] = []) {
        self.parentHash = parentHash
        self.number = number
        self.stateRoot = stateRoot
        self.extrinsicsRoot = extrinsicsRoot
        self.digestLogs = digestLogs
    }

    /// The JSON a Substrate node sends (number as minimal hex).
    public var json: JSONValue {
        var digest = JSONObject()
        digest["logs"] = .array(digestLogs.map { .hex($0) })
        var o = JSONObject()
        o["parentHash"] = .hex(parentHash)
        o["number"] = .string(RPCHex.encodeNumber(number))
        o["stateRoot"] = .hex(stateRoot)
        o["extrinsicsRoot"] = .hex(extrinsicsRoot)
        o["digest"] = .object(digest)
        return .object(o)
    }

    /// Reads the JSON shape; hashes must be 32 bytes; `number` may be hex or a JSON number.
    public init(json: JSONValue) throws(RPCDecodingError) {
        parentHash = try json.field("parentHash").hexBytes(field: "parentHash", length: 32)
        number = try json.field("number").numberOrHex(field: "number")
        stateRoot = try json.field("stateRoot").hexBytes(field: "stateRoot", length: 32)
        extrinsicsRoot = try json.field("extrinsicsRoot").hexBytes(field: "extrinsicsRoot", length: 32)
        let logs = try json.field("digest").field("logs", in: "digest")
        guard case .array(let items) = logs else {
            throw .wrongKind(field: "digest.logs", expected: "array", found: logs.kindName)
        }
        var out: [[UInt8]] = []
        out.reserveCapacity(items.count)
        for (k, item) in items.enumerated() { out.append(try item.hexBytes(field: "digest.logs[\(k)]")) }
        digestLogs = out
    }
}
