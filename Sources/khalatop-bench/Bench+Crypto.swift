import Foundation

/// Benchmarks of the Crypto area (filled by its issue).
func cryptoBenchmarks() throws -> [BenchRow] {
    []
}
