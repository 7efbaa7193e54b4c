import Foundation
import Cameras

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

    /// Whether `stream` encodes two more frames within 3 s while it still has a viewer.
    static func framesStillFlowing(_ stream: CameraStream) async -> Bool {
        let encoded = stream.counters.snapshot.framesEncoded
        return await until(timeoutSeconds: 3) {
            stream.counters.snapshot.framesEncoded >= encoded + 2 && stream.counters.snapshot.activeViewers >= 1
        }
    }
}
