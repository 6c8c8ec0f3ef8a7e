import Foundation

/// Benchmarks of the Core area (filled by its issue).
func coreBenchmarks() throws -> [BenchRow] {
    []
}
