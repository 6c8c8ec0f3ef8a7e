import ChainCrypto
import COpenSSL
import Foundation

/// Benchmarks of the Crypto area: BLAKE2b and Twox128 throughput, against
/// OpenSSL's BLAKE2b-512 on the same input in the same run (issue 2 target:
/// our BLAKE2b at least 0.7 of OpenSSL's).
func cryptoBenchmarks() throws -> [BenchRow] {
    let totalBytes = 64 << 20
    var rng = BenchRandom(seed: 0x5eed)
    let buffer = (0..<(1 << 20)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
    // The baseline must compute the same function, or the ratio means nothing.
    let agrees = buffer.withUnsafeBytes { raw in
        openSSLBlake2b512Digest(raw) == Blake2b.hash(bytes: raw, outputLength: 64)
    }
    guard agrees else { throw CryptoBenchError.baselineDisagrees }
    var rows: [BenchRow] = []
    for messageBytes in [1 << 10, 1 << 20] {
        let label = messageBytes == 1 << 10 ? "1 KiB msgs" : "1 MiB msgs"
        let contenders: [(String, (UnsafeRawBufferPointer) -> Void)] = [
            ("OpenSSL BLAKE2b-512", { blackHole(openSSLBlake2b512($0)) }),
            ("BLAKE2b-512", { blackHole(Blake2b.hash(bytes: $0, outputLength: 64)) }),
            ("BLAKE2b-256", { blackHole(Blake2b.hash(bytes: $0, outputLength: 32)) }),
            ("Twox128", { blackHole(twox128(bytes: $0)) }),
        ]
        let nanos = buffer.withUnsafeBytes { raw in
            interleavedMedianNanos(runs: 7, contenders.map { _, hashOne in
                {
                    var done = 0
                    while done < totalBytes {
                        for offset in stride(from: 0, to: raw.count, by: messageBytes) {
                            hashOne(UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + messageBytes)]))
                        }
                        done += raw.count
                    }
                }
            })
        }
        let mbPerSecond = nanos.map { Double(totalBytes) / 1e6 / ($0 / 1e9) }
        for (index, (name, _)) in contenders.enumerated() {
            var note = "64 MiB in \(label), median of 7"
            if index == 1 || index == 2 {
                note += "; \(fmt(mbPerSecond[index] / mbPerSecond[0])) x OpenSSL BLAKE2b-512 (target >= 0.70)"
            }
            rows.append(BenchRow(section: "crypto", name: "\(name) (\(label))",
                                 value: "\(fmt(mbPerSecond[index], 0)) MB/s", note: note))
        }
    }
    rows += storageKeyBenchmarks()
    return rows
}

/// Per-key cost of building `Twox64Concat` / `Blake2_128Concat` map keys of a
/// 32-byte account (what a fleet refresh does once per worker).
private func storageKeyBenchmarks() -> [BenchRow] {
    let keyCount = 100_000
    let account = (0..<32).map { UInt8($0) }
    return [StorageHasher.twox64Concat, .blake2_128Concat].map { hasher in
        let nanos = medianNanos(runs: 5) {
            for index in 0..<keyCount {
                var key = account
                key[0] = UInt8(truncatingIfNeeded: index)
                blackHole(StorageKey.map(pallet: "PhalaRegistry", entry: "Workers", hasher: hasher, key: key))
            }
        }
        return BenchRow(section: "crypto", name: "StorageKey.map \(hasher) (32-byte key)",
                        value: "\(fmt(nanos / Double(keyCount), 0)) ns/key",
                        note: "incl. prefix twox128 x2; median of 5 x 100,000")
    }
}

/// OpenSSL's one-shot BLAKE2b-512 (`EVP_Digest`), the baseline.
private func openSSLBlake2b512(_ data: UnsafeRawBufferPointer) -> UInt64 {
    var digest = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
    var length: UInt32 = 0
    let ok = withUnsafeMutableBytes(of: &digest) { out in
        EVP_Digest(data.baseAddress, data.count, out.baseAddress?.assumingMemoryBound(to: UInt8.self),
                   &length, EVP_blake2b512(), nil)
    }
    return ok == 1 ? digest.0 : 0
}

/// OpenSSL's full BLAKE2b-512 digest, to check the baseline against ours.
private func openSSLBlake2b512Digest(_ data: UnsafeRawBufferPointer) -> [UInt8] {
    var digest = [UInt8](repeating: 0, count: 64)
    var length: UInt32 = 0
    let ok = EVP_Digest(data.baseAddress, data.count, &digest, &length, EVP_blake2b512(), nil)
    return ok == 1 && length == 64 ? digest : []
}

private enum CryptoBenchError: Error { case baselineDisagrees }

/// Runs each body `runs` times, round-robin (so machine noise hits all alike); medians in ns.
private func interleavedMedianNanos(runs: Int, _ bodies: [() -> Void]) -> [Double] {
    var samples = Array(repeating: [UInt64](), count: bodies.count)
    for body in bodies { body() }  // warm-up
    for _ in 0..<runs {
        for (index, body) in bodies.enumerated() {
            let start = nowNanos()
            body()
            samples[index].append(nowNanos() - start)
        }
    }
    return samples.map { Double($0.sorted()[$0.count / 2]) }
}

/// SplitMix64: reproducible benchmark input.
private struct BenchRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
