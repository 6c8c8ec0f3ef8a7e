/// Incremental BLAKE2b (RFC 7693): feed data in pieces with `update`, then `finalize`.
///
/// For inputs that arrive in parts (a payload built from SCALE fields, a file
/// read in chunks) without concatenating them first. Gives the same digest
/// as `Blake2b.hash` over the concatenation. Allocation-free per update: the
/// pending block lives in a fixed-size tuple.
public struct Blake2bHasher: Sendable {
    /// Digest length in bytes (1...64).
    public let outputLength: Int
    private var state: Blake2bState
    /// Bytes hashed so far (128-bit counter t, RFC 7693 §3.2), low and high word.
    private var counterLow: UInt64 = 0
    private var counterHigh: UInt64 = 0
    /// The pending block: BLAKE2b may only compress a block once it knows
    /// more data follows, since the last block carries the final flag.
    private var block: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                        UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
        = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    private var blockCount = 0

    /// A hasher for `outputLength` digest bytes, keyed when `key` is not empty.
    /// Requires `1...64` for `outputLength` and at most 64 key bytes
    /// (`init(checkedOutputLength:key:)` throws instead).
    public init(outputLength: Int = 32, key: [UInt8] = []) {
        precondition((1...Blake2b.maxOutputLength).contains(outputLength), "BLAKE2b output length must be 1...64")
        precondition(key.count <= Blake2b.maxKeyLength, "BLAKE2b key must be at most 64 bytes")
        self.outputLength = outputLength
        state = Blake2bState(outputLength: outputLength, keyLength: key.count)
        if !key.isEmpty {
            // The key, zero-padded to a full block, is the first block (RFC 7693 §3.3).
            withUnsafeMutableBytes(of: &block) { raw in
                key.withUnsafeBytes { raw.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            }
            blockCount = Blake2b.blockLength
        }
    }

    /// Like `init(outputLength:key:)`, but out-of-range lengths are a typed error.
    public init(checkedOutputLength outputLength: Int, key: [UInt8] = []) throws(Blake2bError) {
        try Blake2b.validate(outputLength: outputLength, keyLength: key.count)
        self.init(outputLength: outputLength, key: key)
    }

    /// Absorbs `data`.
    public mutating func update(_ data: [UInt8]) {
        data.withUnsafeBytes { update($0) }
    }

    /// Absorbs `data`.
    public mutating func update(_ data: ArraySlice<UInt8>) {
        data.withUnsafeBytes { update($0) }
    }

    /// Absorbs the bytes of `buffer`.
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        guard var source = buffer.baseAddress, buffer.count > 0 else { return }
        var remaining = buffer.count
        let blockLength = Blake2b.blockLength
        if blockCount > 0 {
            let room = blockLength - blockCount
            if remaining <= room {
                appendToBlock(source, count: remaining)
                return
            }
            appendToBlock(source, count: room)
            source += room
            remaining -= room
            compressPendingBlock(isLast: false)
        }
        // Whole blocks straight from the input, keeping at least one byte back.
        while remaining > blockLength {
            advanceCounter(by: blockLength)
            state.compress(source, t0: counterLow, t1: counterHigh, isLast: false)
            source += blockLength
            remaining -= blockLength
        }
        appendToBlock(source, count: remaining)
    }

    /// The digest of everything absorbed so far (the hasher itself is unchanged).
    public func finalize() -> [UInt8] {
        var copy = self
        return copy.finish()
    }

    private mutating func finish() -> [UInt8] {
        withUnsafeMutableBytes(of: &block) { raw in
            // Zero the padding after the pending bytes.
            let tail = UnsafeMutableRawBufferPointer(rebasing: raw[blockCount...])
            tail.initializeMemory(as: UInt8.self, repeating: 0)
        }
        compressPendingBlock(isLast: true)
        let length = outputLength
        let final = state
        return [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
            final.write(to: UnsafeMutableRawPointer(buffer.baseAddress!), count: length)
            count = length
        }
    }

    @inline(__always)
    private mutating func appendToBlock(_ source: UnsafeRawPointer, count: Int) {
        guard count > 0 else { return }
        let start = blockCount
        withUnsafeMutableBytes(of: &block) { raw in
            (raw.baseAddress! + start).copyMemory(from: source, byteCount: count)
        }
        blockCount += count
    }

    @inline(__always)
    private mutating func advanceCounter(by count: Int) {
        counterLow &+= UInt64(count)
        if counterLow < UInt64(count) { counterHigh &+= 1 }
    }

    private mutating func compressPendingBlock(isLast: Bool) {
        advanceCounter(by: blockCount)
        let low = counterLow, high = counterHigh
        var pending = block
        withUnsafeBytes(of: &pending) { raw in
            state.compress(raw.baseAddress!, t0: low, t1: high, isLast: isLast)
        }
        blockCount = 0
    }
}

extension Blake2bHasher: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Never shows the pending block: it may hold the key.
    public var description: String { "Blake2bHasher(outputLength: \(outputLength))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["outputLength": outputLength]) }
}
