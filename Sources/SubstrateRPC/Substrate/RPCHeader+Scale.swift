import Scale

/// The SCALE form of a header: `parent_hash ++ Compact<number> ++ state_root
/// ++ extrinsics_root ++ Vec<DigestItem>`.
///
/// A node's block hash is `blake2_256` of exactly these bytes (issue 5), so
/// the devnet hashes what it serves and the engine can check what it gets.
/// Digest logs are already SCALE `DigestItem`s; decoding splits them by
/// their variant (sp_runtime::generic::DigestItem: 6 PreRuntime, 4
/// Consensus, 5 Seal = 4-byte engine id + Vec<u8>; 0 Other = Vec<u8>;
/// 8 RuntimeEnvironmentUpdated = nothing).
extension RPCHeader: ScaleCodable {
    public func encode(to encoder: inout ScaleEncoder) {
        encoder.append(parentHash)
        encoder.encodeCompact(number)
        encoder.append(stateRoot)
        encoder.append(extrinsicsRoot)
        encoder.encodeCompact(digestLogs.count)
        for log in digestLogs { encoder.append(log) }
    }

    public init(from decoder: inout ScaleDecoder) throws {
        let parent = try decoder.readBytes(32)
        let number = try decoder.decodeCompactUInt64()
        let state = try decoder.readBytes(32)
        let extrinsics = try decoder.readBytes(32)
        let count = try decoder.decodeCompactLength(minimumElementSize: 1)
        var logs: [[UInt8]] = []
        logs.reserveCapacity(count)
        for _ in 0..<count {
            let start = decoder.offset
            let tag = try decoder.readByte()
            switch tag {
            case 4, 5, 6:
                try decoder.skip(4)
                try decoder.skip(try decoder.decodeCompactLength())
            case 0:
                try decoder.skip(try decoder.decodeCompactLength())
            case 8:
                break
            default:
                throw ScaleError.unknownVariant(offset: start, index: tag, type: "DigestItem")
            }
            logs.append(Array(decoder.bytes[start..<decoder.offset]))
        }
        self.init(parentHash: parent, number: number, stateRoot: state, extrinsicsRoot: extrinsics, digestLogs: logs)
    }
}
