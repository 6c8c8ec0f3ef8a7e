import Foundation

/// Benchmarks of the Keys area (filled by its issue).
func keyBenchmarks() throws -> [BenchRow] {
    []
}
