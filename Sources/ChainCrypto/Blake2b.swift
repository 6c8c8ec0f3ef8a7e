/// BLAKE2b (RFC 7693) with any digest length 1...64 bytes and an optional key of up to 64 bytes.
///
/// Substrate hashes storage keys (`Blake2_128`, `Blake2_256`, `Blake2_128Concat`,
/// PROTOCOL.md §1.5), extrinsic payloads over 256 bytes and SS58 checksums
/// (BLAKE2b-512) with it; OpenSSL 3.0 only offers BLAKE2b-512, so it is written here.
///
/// Digest length and key length are programmer choices, not external input:
/// `hash` requires them in range (use `checkedHash` when they come from outside).
public enum Blake2b {
    /// Bytes per compression block.
    public static let blockLength = 128
    /// Largest digest and key length in bytes.
    public static let maxOutputLength = 64
    public static let maxKeyLength = 64

    /// The `outputLength`-byte BLAKE2b digest of `data`, keyed when `key` is not empty.
    /// Requires `1...64` for `outputLength` and at most 64 key bytes.
    public static func hash(_ data: [UInt8], outputLength: Int = 32, key: [UInt8] = []) -> [UInt8] {
        precondition((1...maxOutputLength).contains(outputLength), "BLAKE2b output length must be 1...64")
        precondition(key.count <= maxKeyLength, "BLAKE2b key must be at most 64 bytes")
        return data.withUnsafeBytes { hash(bytes: $0, outputLength: outputLength, key: key) }
    }

    /// Like `hash`, but a digest or key length out of range is a typed error.
    public static func checkedHash(_ data: [UInt8], outputLength: Int = 32,
                                   key: [UInt8] = []) throws(Blake2bError) -> [UInt8] {
        try validate(outputLength: outputLength, keyLength: key.count)
        return data.withUnsafeBytes { hash(bytes: $0, outputLength: outputLength, key: key) }
    }

    /// Throws when `outputLength` or `keyLength` is out of range.
    public static func validate(outputLength: Int, keyLength: Int) throws(Blake2bError) {
        guard (1...maxOutputLength).contains(outputLength) else { throw .invalidOutputLength(outputLength) }
        guard keyLength <= maxKeyLength else { throw .keyTooLong(length: keyLength) }
    }

    /// One-shot digest of raw memory; lengths must already be valid.
    public static func hash(bytes: UnsafeRawBufferPointer, outputLength: Int = 32, key: [UInt8] = []) -> [UInt8] {
        precondition((1...maxOutputLength).contains(outputLength) && key.count <= maxKeyLength,
                     "BLAKE2b output length must be 1...64 and key at most 64 bytes")
        var state = Blake2bState(outputLength: outputLength, keyLength: key.count)
        var counter: UInt64 = 0
        var remaining = bytes.count
        withUnsafeTemporaryAllocation(byteCount: blockLength, alignment: 8) { block in
            let blockBase = UnsafeMutableRawPointer(block.baseAddress!)
            if !key.isEmpty {
                block.initializeMemory(as: UInt8.self, repeating: 0)
                key.withUnsafeBytes { blockBase.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
                counter = UInt64(blockLength)
                state.compress(blockBase, t0: counter, t1: 0, isLast: remaining == 0)
                if remaining == 0 { return }
            }
            var offset = 0
            if let base = bytes.baseAddress {
                while remaining > blockLength {
                    counter &+= UInt64(blockLength)
                    state.compress(base + offset, t0: counter, t1: 0, isLast: false)
                    offset &+= blockLength
                    remaining &-= blockLength
                }
            }
            // The last (possibly empty, possibly full) block, zero-padded.
            block.initializeMemory(as: UInt8.self, repeating: 0)
            if remaining > 0, let base = bytes.baseAddress {
                blockBase.copyMemory(from: base + offset, byteCount: remaining)
            }
            counter &+= UInt64(remaining)
            state.compress(blockBase, t0: counter, t1: 0, isLast: true)
        }
        return [UInt8](unsafeUninitializedCapacity: outputLength) { buffer, count in
            state.write(to: UnsafeMutableRawPointer(buffer.baseAddress!), count: outputLength)
            count = outputLength
        }
    }
}

/// BLAKE2b-128 (16 bytes): Substrate's `Blake2_128` storage hasher.
public func blake2_128(_ data: [UInt8]) -> [UInt8] { Blake2b.hash(data, outputLength: 16) }

/// BLAKE2b-256 (32 bytes): Substrate's `Blake2_256` hasher and extrinsic payload hash.
public func blake2_256(_ data: [UInt8]) -> [UInt8] { Blake2b.hash(data, outputLength: 32) }

/// BLAKE2b-512 (64 bytes): the SS58 checksum hash.
public func blake2_512(_ data: [UInt8]) -> [UInt8] { Blake2b.hash(data, outputLength: 64) }
