import Foundation

/// Waits for a condition with a deadline instead of a fixed sleep.
enum Poll {
    /// Checks `condition` every `intervalSeconds` until it holds (true) or `timeoutSeconds` pass (false).
    static func until(
        timeoutSeconds: Double, intervalSeconds: Double = 0.1, _ condition: () async throws -> Bool
    ) async rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while true {
            if try await condition() { return true }
            if Date() >= deadline { return false }
            try? await Task.sleep(nanoseconds: UInt64(intervalSeconds * 1_000_000_000))
        }
    }
}
