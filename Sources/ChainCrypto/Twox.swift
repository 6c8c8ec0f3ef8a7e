// Substrate's Twox hashers (sp_core::hashing::twox_64/128/256): XXH64 of the
// same bytes under seeds 0, 1, 2, 3, each 8-byte digest little-endian, concatenated.
// PROTOCOL.md §1.5: storage prefixes are twox128(pallet) ‖ twox128(entry).

/// Twox64: XXH64 seed 0, little-endian (8 bytes); the hash part of `Twox64Concat`.
public func twox64(_ data: [UInt8]) -> [UInt8] { data.withUnsafeBytes { twox(bytes: $0, lanes: 1) } }

/// Twox128: XXH64 seeds 0 and 1, little-endian (16 bytes); pallet and entry prefixes.
public func twox128(_ data: [UInt8]) -> [UInt8] { data.withUnsafeBytes { twox(bytes: $0, lanes: 2) } }

/// Twox256: XXH64 seeds 0...3, little-endian (32 bytes).
public func twox256(_ data: [UInt8]) -> [UInt8] { data.withUnsafeBytes { twox(bytes: $0, lanes: 4) } }

/// Twox64 of raw memory.
public func twox64(bytes: UnsafeRawBufferPointer) -> [UInt8] { twox(bytes: bytes, lanes: 1) }

/// Twox128 of raw memory.
public func twox128(bytes: UnsafeRawBufferPointer) -> [UInt8] { twox(bytes: bytes, lanes: 2) }

/// Twox256 of raw memory.
public func twox256(bytes: UnsafeRawBufferPointer) -> [UInt8] { twox(bytes: bytes, lanes: 4) }

/// `lanes` XXH64 digests under seeds 0..<lanes, little-endian, concatenated.
private func twox(bytes: UnsafeRawBufferPointer, lanes: Int) -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: lanes * 8) { out, count in
        let raw = UnsafeMutableRawPointer(out.baseAddress!)
        for seed in 0..<lanes {
            let digest = XXHash64.hash(bytes: bytes, seed: UInt64(seed)).littleEndian
            raw.storeBytes(of: digest, toByteOffset: seed * 8, as: UInt64.self)
        }
        count = lanes * 8
    }
}

/// Appends `lanes` XXH64 digests of `data` (seeds 0..<lanes, little-endian) to `out`, no temporaries.
func appendTwox(_ data: [UInt8], lanes: Int, to out: inout [UInt8]) {
    data.withUnsafeBytes { appendTwox(bytes: $0, lanes: lanes, to: &out) }
}

/// Appends the Twox digests of a string's UTF-8 bytes (pallet and entry names).
func appendTwox(_ text: String, lanes: Int, to out: inout [UInt8]) {
    var text = text
    text.withUTF8 { appendTwox(bytes: UnsafeRawBufferPointer($0), lanes: lanes, to: &out) }
}

private func appendTwox(bytes: UnsafeRawBufferPointer, lanes: Int, to out: inout [UInt8]) {
    for seed in 0..<lanes {
        let digest = XXHash64.hash(bytes: bytes, seed: UInt64(seed))
        withUnsafeBytes(of: digest.littleEndian) { out.append(contentsOf: $0) }
    }
}
