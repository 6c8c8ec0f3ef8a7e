import Dispatch
import TestSupport

/// Runs the reference Python on a GCD thread, so a blocking wait for the
/// process never occupies a cooperative-pool thread the devnet actor and the
/// server need to answer that very process (tests run in parallel).
func runPython(_ script: String, arguments: [String]) async throws -> String {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            do { continuation.resume(returning: try ReferencePython.run(script, arguments: arguments)) } catch {
                continuation.resume(throwing: error)
            }
        }
    }
}
