import Frames
import ONVIF
import Synchronization

/// The event service's state for the whole process (``EventSubscriptions``), the digital
/// inputs set through the control API, and whether the loop that watches the cameras runs.
/// A lock around pure state; the driving is in ControlAPI+ONVIFEvents.swift.
final class ONVIFEventHub: Sendable {
    private struct State {
        var subscriptions = EventSubscriptions()
        /// Digital inputs by camera path, by number.
        var inputs: [String: [Int: Bool]] = [:]
        /// Each camera's moving objects, by the scene and size they were made for.
        var sceneMotion: [String: (key: String, motion: SceneMotion?)] = [:]
        var watching = false
    }

    private let state = Mutex(State())

    init() {}

    /// Runs `body` on the subscriptions under the lock.
    func subscriptions<T: Sendable>(_ body: (inout EventSubscriptions) throws(SOAPFault) -> T) throws(SOAPFault) -> T {
        let result: Result<T, SOAPFault> = state.withLock { state in
            do throws(SOAPFault) {
                return .success(try body(&state.subscriptions))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Records the camera's properties as they are now.
    func observe(camera: String, _ messages: [EventMessage]) {
        state.withLock { state in
            for message in messages { state.subscriptions.observe(camera: camera, message) }
        }
    }

    func setInput(_ number: Int, of camera: String, to value: Bool) {
        state.withLock { $0.inputs[camera, default: [:]][number] = value }
    }

    func inputs(of camera: String) -> [Int: Bool] {
        state.withLock { $0.inputs[camera] ?? [:] }
    }

    /// The camera's moving objects for `key` (its scene and picture size), made by `make`
    /// the first time.
    func sceneMotion(of camera: String, key: String, make: () -> SceneMotion?) -> SceneMotion? {
        if let cached = state.withLock({ $0.sceneMotion[camera] }), cached.key == key { return cached.motion }
        let motion = make()
        state.withLock { $0.sceneMotion[camera] = (key, motion) }
        return motion
    }

    /// True when the caller is to start watching (nobody was).
    func startWatching() -> Bool {
        state.withLock { state in
            if state.watching { return false }
            state.watching = true
            return true
        }
    }

    /// The cameras with live subscriptions at `now`; when there are none, watching stops
    /// and nil is returned.
    func camerasToWatch(at now: Int64) -> Set<String>? {
        state.withLock { state in
            state.subscriptions.expire(at: now)
            let cameras = Set(state.subscriptions.subscriptions.values.map(\.camera))
            if cameras.isEmpty {
                state.watching = false
                return nil
            }
            return cameras
        }
    }
}
