import Foundation

/// Benchmarks of the Scale area (filled by its issue).
func scaleBenchmarks() throws -> [BenchRow] {
    []
}
