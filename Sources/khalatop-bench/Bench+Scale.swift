import Foundation
import Scale

// Scale section: metadata decode time and WorkerInfoV2 decode throughput
// (issue 2 targets: metadata < 5 ms release; ≥ 1,000,000 records/s).

/// `WorkerInfoV2<AccountId32>` as PROTOCOL.md §1.1 orders it, decoded by hand
/// with `ScaleDecoder` (the typed path khalatop's readers use). Keys are
/// `Bytes32` values, so only `features` allocates.
struct BenchWorkerInfo: ScaleCodable {
    var pubkey: Bytes32
    var ecdhPubkey: Bytes32
    var runtimeVersion: UInt32
    var lastUpdatedSeconds: UInt64
    var operatorAccount: Bytes32?
    /// AttestationProvider variant index (0 Root, 1 Ias, 2 Dcap).
    var attestationProvider: UInt8?
    var confidenceLevel: UInt8
    var initialScore: UInt32?
    var features: [UInt32]

    init(pubkey: Bytes32, ecdhPubkey: Bytes32, runtimeVersion: UInt32, lastUpdatedSeconds: UInt64,
         operatorAccount: Bytes32?, attestationProvider: UInt8?, confidenceLevel: UInt8,
         initialScore: UInt32?, features: [UInt32]) {
        self.pubkey = pubkey; self.ecdhPubkey = ecdhPubkey; self.runtimeVersion = runtimeVersion
        self.lastUpdatedSeconds = lastUpdatedSeconds; self.operatorAccount = operatorAccount
        self.attestationProvider = attestationProvider; self.confidenceLevel = confidenceLevel
        self.initialScore = initialScore; self.features = features
    }

    init(from d: inout ScaleDecoder) throws {
        pubkey = try d.decode()
        ecdhPubkey = try d.decode()
        runtimeVersion = try d.decode()
        lastUpdatedSeconds = try d.decode()
        let at = d.offset
        switch try d.readByte() {
        case 0: operatorAccount = nil
        case 1: operatorAccount = try d.decode(Bytes32.self)
        default: throw ScaleError.invalidValue(offset: at, expected: "Option<AccountId32> tag")
        }
        let providerAt = d.offset
        switch try d.readByte() {
        case 0: attestationProvider = nil
        case 1:
            let p = try d.readByte()
            guard p <= 2 else { throw ScaleError.unknownVariant(offset: providerAt + 1, index: p, type: "AttestationProvider") }
            attestationProvider = p
        default: throw ScaleError.invalidValue(offset: providerAt, expected: "Option<AttestationProvider> tag")
        }
        confidenceLevel = try d.readByte()
        initialScore = try d.decode()
        features = try d.decode()
    }

    func encode(to e: inout ScaleEncoder) {
        e.encode(pubkey)
        e.encode(ecdhPubkey)
        e.encode(runtimeVersion)
        e.encode(lastUpdatedSeconds)
        if let op = operatorAccount { e.appendByte(1); e.encode(op) } else { e.appendByte(0) }
        if let p = attestationProvider { e.appendByte(1); e.appendByte(p) } else { e.appendByte(0) }
        e.appendByte(confidenceLevel)
        e.encode(initialScore)
        e.encode(features)
    }
}

/// Deterministic records: a 64-bit LCG varies keys, Options and features.
func benchWorkerRecords(count: Int) -> [BenchWorkerInfo] {
    var state: UInt64 = 0x5EED_1251
    func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 11
    }
    func key() -> Bytes32 { Bytes32((0..<32).map { _ in UInt8(truncatingIfNeeded: next()) }) ?? .zero }
    return (0..<count).map { i in
        BenchWorkerInfo(
            pubkey: key(), ecdhPubkey: key(), runtimeVersion: UInt32(truncatingIfNeeded: next() % 20),
            lastUpdatedSeconds: 1_690_000_000 + next() % 10_000_000,
            operatorAccount: i % 4 == 0 ? nil : key(),
            attestationProvider: i % 5 == 0 ? nil : UInt8(next() % 2),
            confidenceLevel: i % 7 == 0 ? 128 : UInt8(1 + next() % 5),
            initialScore: i % 3 == 0 ? nil : UInt32(next() % 6000),
            features: i % 6 == 0 ? [] : [UInt32(1 + next() % 64), UInt32(next() % 3)])
    }
}

/// The fixtures folder: `$KHALATOP_SHARED/fixtures`, else `../shared/fixtures` from the current directory.
func benchFixturesDirectory() -> String {
    if let shared = ProcessInfo.processInfo.environment["KHALATOP_SHARED"], !shared.isEmpty {
        return shared + "/fixtures"
    }
    return FileManager.default.currentDirectoryPath + "/../shared/fixtures"
}

func scaleBenchmarks() throws -> [BenchRow] {
    var rows: [BenchRow] = []
    let path = benchFixturesDirectory() + "/khala_metadata_spec1251.scale"
    var metadata: RuntimeMetadataV14?
    if let data = FileManager.default.contents(atPath: path) {
        let raw = [UInt8](data)
        let m = try RuntimeMetadataV14(bytes: raw)
        metadata = m
        let decodeNanos = try medianNanos(runs: 200) { blackHole(try RuntimeMetadataV14(bytes: raw)) }
        rows.append(BenchRow(section: "scale", name: "metadata V14 decode (Khala 1251)",
                             value: fmt(decodeNanos / 1e6, 3) + " ms",
                             note: "median of 200, \(raw.count) B; target < 5 ms"))
        let encodeNanos = medianNanos(runs: 200) { blackHole(m.encoded) }
        rows.append(BenchRow(section: "scale", name: "metadata V14 encode", value: fmt(encodeNanos / 1e6, 3) + " ms",
                             note: "median of 200; round trip exact: \(m.encoded == raw)"))
    } else {
        rows.append(BenchRow(section: "scale", name: "metadata V14 decode", value: "-",
                             note: "fixture not found at \(path) (set KHALATOP_SHARED)"))
    }

    let count = 100_000
    let records = benchWorkerRecords(count: count)
    var encoder = ScaleEncoder(reservingCapacity: count * 140)
    for r in records { r.encode(to: &encoder) }
    let blob = encoder.bytes
    let mb = Double(blob.count) / 1e6

    func typedPass() throws -> Int {
        var d = ScaleDecoder(blob)
        var n = 0
        var checksum: UInt64 = 0
        while !d.isAtEnd {
            let w = try BenchWorkerInfo(from: &d)
            checksum &+= w.lastUpdatedSeconds
            n += 1
        }
        blackHole(checksum)
        return n
    }
    guard try typedPass() == count else { throw ScaleError.invalidValue(offset: 0, expected: "\(count) records") }
    let typed = try medianWallAndCPU(runs: 15) { _ = try typedPass() }
    rows.append(throughputRow("WorkerInfoV2 decode, typed", count: count, mb: mb, timing: typed))

    if let m = metadata, let entry = m.storageEntry(pallet: "PhalaRegistry", name: "Workers") {
        let codec = DynamicCodec(registry: m.registry)
        let valueType = entry.valueType
        func dynamicPass() throws -> Int {
            var d = ScaleDecoder(blob)
            var n = 0
            while !d.isAtEnd {
                blackHole(try codec.decode(type: valueType, from: &d))
                n += 1
            }
            return n
        }
        guard try dynamicPass() == count else { throw ScaleError.invalidValue(offset: 0, expected: "\(count) records") }
        let dynamic = try medianWallAndCPU(runs: 7) { _ = try dynamicPass() }
        rows.append(throughputRow("WorkerInfoV2 decode, dynamic (type \(valueType))", count: count, mb: mb,
                                  timing: dynamic))
    } else {
        rows.append(BenchRow(section: "scale", name: "WorkerInfoV2 decode, dynamic", value: "-",
                             note: "needs the metadata fixture"))
    }
    return rows
}

/// Thread CPU nanoseconds: unlike wall time, unaffected by other processes
/// taking the (shared, 2-core) machine, so the note shows both.
private func threadCPUNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// Median wall and median thread-CPU nanoseconds of `runs` runs of `body`.
private func medianWallAndCPU(runs: Int, _ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    var wall: [UInt64] = [], cpu: [UInt64] = []
    for _ in 0..<runs {
        let w0 = nowNanos(), c0 = threadCPUNanos()
        try body()
        cpu.append(threadCPUNanos() - c0)
        wall.append(nowNanos() - w0)
    }
    wall.sort(); cpu.sort()
    return (Double(wall[runs / 2]), Double(cpu[runs / 2]))
}

private func throughputRow(_ name: String, count: Int, mb: Double, timing: (wall: Double, cpu: Double)) -> BenchRow {
    let seconds = timing.wall / 1e9, cpuSeconds = timing.cpu / 1e9
    return BenchRow(section: "scale", name: name, value: fmt(Double(count) / seconds / 1e6, 2) + " M rec/s",
                    note: "\(fmt(mb / seconds, 1)) MB/s; per CPU-second \(fmt(Double(count) / cpuSeconds / 1e6, 2)) M rec/s; "
                        + "\(count) records, \(fmt(mb, 2)) MB; target ≥ 1 M rec/s")
}
