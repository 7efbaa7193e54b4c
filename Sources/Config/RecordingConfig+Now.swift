import Foundation

extension RecordingConfig {
    /// The wall clock now, nanoseconds since the Unix epoch: what `-24h` and `now` in a
    /// camera's `recording:` are resolved against when its configuration is loaded.
    static func currentUnixNanoseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1e9).rounded())
    }
}
