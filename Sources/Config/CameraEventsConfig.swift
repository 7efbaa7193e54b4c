/// A camera's `events:`: what raises its ONVIF events besides the scene, faults and the
/// control API. `motion: {every: 30s, for: 5s}` turns motion on for `for` at the start of
/// each `every`, counted from the camera's start (the first at `every`).
public struct CameraEventsConfig: Sendable, Equatable, Hashable {
    /// A repeating motion window, nanoseconds.
    public struct MotionSchedule: Sendable, Equatable, Hashable {
        public var every: Int64
        public var duration: Int64

        public init(every: Int64, duration: Int64) {
            self.every = every
            self.duration = duration
        }

        /// Whether motion is on `elapsed` nanoseconds after the camera started.
        public func isActive(at elapsed: Int64) -> Bool {
            guard elapsed >= every, every > 0 else { return false }
            return elapsed % every < duration
        }
    }

    public var motion: MotionSchedule?

    public init(motion: MotionSchedule? = nil) {
        self.motion = motion
    }

    static let keys = ["motion"]
    static let motionKeys = ["every", "for"]
    /// Shortest `every` accepted.
    static let minimumEvery: Int64 = 1_000_000_000
    /// Longest `every` accepted: a day.
    static let maximumEvery: Int64 = 86_400 * 1_000_000_000
}
