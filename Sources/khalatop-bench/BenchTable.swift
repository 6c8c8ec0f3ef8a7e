import Foundation

/// One row of the benchmark table.
struct BenchRow {
    var section: String
    var name: String
    var value: String
    var note: String = ""
}

/// Monotonic nanoseconds for timing.
@inline(__always) func nowNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// Median of `runs` timings of `body`, in nanoseconds.
func medianNanos(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var samples: [UInt64] = []
    samples.reserveCapacity(runs)
    for _ in 0..<runs {
        let t0 = nowNanos()
        try body()
        samples.append(nowNanos() - t0)
    }
    samples.sort()
    return Double(samples[samples.count / 2])
}

/// Keeps the optimizer from discarding a computed value.
@inline(never) func blackHole<T>(_ x: T) { withExtendedLifetime(x) {} }

func printTable(_ rows: [BenchRow]) {
    let w0 = max(7, rows.map(\.section.count).max() ?? 0)
    let w1 = max(9, rows.map(\.name.count).max() ?? 0)
    let w2 = max(5, rows.map(\.value.count).max() ?? 0)
    func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
    print(pad("section", w0) + "  " + pad("benchmark", w1) + "  " + pad("value", w2) + "  note")
    print(String(repeating: "-", count: w0 + w1 + w2 + 12))
    for r in rows {
        print(pad(r.section, w0) + "  " + pad(r.name, w1) + "  " + pad(r.value, w2) + "  " + r.note)
    }
}

func fmt(_ x: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", x) }
