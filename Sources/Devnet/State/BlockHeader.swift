import ChainCrypto
import Scale
import SubstrateRPC

/// A block header as Substrate encodes it: parent hash, `Compact<u32>` number,
/// state root, extrinsics root, digest. The block hash is `blake2_256` of
/// this encoding, as a node computes it (issue 5).
public struct BlockHeader: Sendable, Hashable, ScaleEncodable {
    public var parentHash: [UInt8]
    public var number: UInt32
    public var stateRoot: [UInt8]
    public var extrinsicsRoot: [UInt8]
    /// SCALE-encoded `DigestItem`s.
    public var digestLogs: [[UInt8]]

    public init(parentHash: [UInt8], number: UInt32, stateRoot: [UInt8], extrinsicsRoot: [UInt8], digestLogs: [[UInt8]]) {
        self.parentHash = parentHash; self.number = number; self.stateRoot = stateRoot
        self.extrinsicsRoot = extrinsicsRoot; self.digestLogs = digestLogs
    }

    public func encode(to e: inout ScaleEncoder) {
        e.append(parentHash)
        e.encodeCompact(UInt64(number))
        e.append(stateRoot)
        e.append(extrinsicsRoot)
        e.encodeCompact(UInt64(digestLogs.count))
        for log in digestLogs { e.append(log) }
    }

    public var hash: [UInt8] { blake2_256(scaleEncoded(self)) }

    /// The JSON shape of `chain_getHeader`.
    public var rpc: RPCHeader {
        RPCHeader(parentHash: parentHash, number: UInt64(number), stateRoot: stateRoot,
                  extrinsicsRoot: extrinsicsRoot, digestLogs: digestLogs)
    }

    /// `DigestItem::PreRuntime(*b"aura", slot u64 as Vec<u8>)`, as a Khala collator writes.
    public static func auraPreRuntime(slot: UInt64) -> [UInt8] {
        var e = ScaleEncoder()
        e.appendByte(6)
        e.append(Array("aura".utf8))
        e.encode(scaleEncoded(slot))
        return e.bytes
    }
}

/// A sealed block: header, hash and the extrinsics of its body.
public struct SealedBlock: Sendable, Hashable {
    public var header: BlockHeader
    public var hash: [UInt8]
    public var extrinsics: [[UInt8]]
}

/// The chain of sealed blocks, newest kept, older ones pruned beyond
/// `keepBlocks` so memory stays bounded (issue 5).
public struct BlockStore: Sendable {
    private var blocks: [SealedBlock] = []
    private var byHash: [[UInt8]: UInt32] = [:]
    public let keepBlocks: Int

    public init(keepBlocks: Int) { self.keepBlocks = max(2, keepBlocks) }

    public var head: SealedBlock? { blocks.last }
    /// Blocks held besides genesis (at most `keepBlocks`).
    public var count: Int { blocks.count }
    public var genesisHash: [UInt8]? { genesis?.hash }
    /// Block 0 is kept for ever (clients read the genesis hash).
    public private(set) var genesis: SealedBlock?

    public mutating func append(_ block: SealedBlock) {
        if block.header.number == 0 { genesis = block }
        blocks.append(block)
        byHash[block.hash] = block.header.number
        if blocks.count > keepBlocks {
            for old in blocks.prefix(blocks.count - keepBlocks) where old.header.number != 0 { byHash[old.hash] = nil }
            blocks.removeFirst(blocks.count - keepBlocks)
        }
    }

    public func block(number: UInt32) -> SealedBlock? {
        if number == 0 { return genesis }
        guard let first = blocks.first, number >= first.header.number else { return nil }
        let i = Int(number - first.header.number)
        return i < blocks.count ? blocks[i] : nil
    }

    public func number(ofHash hash: [UInt8]) -> UInt32? { byHash[hash] }

    public func block(hash: [UInt8]) -> SealedBlock? { number(ofHash: hash).flatMap { block(number: $0) } }
}
