import Synchronization

/// One camera's ``PTZState`` shared between the ONVIF service that commands it and the
/// streams that draw it, behind a lock. It lives as long as the camera's definition, so
/// reloads that leave the camera alone keep its position and presets.
public final class PTZHead: Sendable {
    private let state: Mutex<PTZState>

    public init(settings: PTZSettings) {
        state = Mutex(PTZState(settings: settings))
    }

    /// The settings the head was made with.
    public var settings: PTZSettings { state.withLock { $0.settings } }

    /// Runs `body` on the state, alone.
    public func withState<T, E: Error>(_ body: (inout PTZState) throws(E) -> T) throws(E) -> T {
        try state.withLock { (state: inout PTZState) throws(E) -> T in try body(&state) }
    }

    /// The position at `time` (nanoseconds since 1970).
    public func position(at time: Int64) -> PTZVector {
        state.withLock { $0.position(at: time) }
    }
}
