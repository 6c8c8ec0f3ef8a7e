import Foundation

// khalatop-bench: every benchmark of the project, printed as one table.
// Sections live in Bench+<Area>.swift; ratios are against baselines run in the
// same process, since these machines are noisy.
// Usage: khalatop-bench [section ...]   (no argument: all sections)

let sections: [(String, () throws -> [BenchRow])] = [
    ("scale", scaleBenchmarks),
    ("crypto", cryptoBenchmarks),
    ("keys", keyBenchmarks),
    ("core", coreBenchmarks),
    ("devnet", devnetBenchmarks),
    ("ui", uiBenchmarks),
    ("dashboard", dashboardBenchmarks),
    ("rpc", rpcBenchmarks),
    ("engine", engineBenchmarks),
]

let wanted = Set(CommandLine.arguments.dropFirst())
var rows: [BenchRow] = []
#if DEBUG
print("warning: debug build; run `swift run -c release khalatop-bench` for real figures")
#endif
for (name, run) in sections where wanted.isEmpty || wanted.contains(name) {
    do { rows += try run() } catch { rows.append(BenchRow(section: name, name: "error", value: "-", note: "\(error)")) }
}
printTable(rows)
