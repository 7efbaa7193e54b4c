import Config
import Foundation
import Frames
import ONVIF
import Server

extension ControlAPI {
    /// The answer to an operation of the event service. Subscriptions live in
    /// ``ONVIFEventHub``; a pull point is addressed as `…/events_service/subscription/ID`
    /// (the call's `subpath`). ONVIF faults `events_stop_after`, `events_late` and
    /// `subscription_expires_after` are taken from the camera when the pull point is made.
    func answerEvents(_ operation: EventsOperation, _ call: ONVIFCall) async throws(SOAPFault) -> String {
        let camera = call.camera.path
        switch operation {
        case .createPullPointSubscription:
            let now = Self.wallClock()
            let arguments = try EventsRequests.createPullPoint(call.request.body, now: now)
            observeEvents(of: call.camera, at: now)
            let faults = server.cameraFaultTime(path: camera)?.profile.control.onvif
            let subscription = try onvifEvents.subscriptions { subscriptions throws(SOAPFault) in
                try subscriptions.create(
                    camera: camera, filter: arguments.filter, termination: arguments.termination,
                    faults: EventSubscriptions.Faults(
                        stopAfter: faults?.eventsStopAfter, late: faults?.eventsLate, expiresAfter: faults?.subscriptionExpiresAfter),
                    at: now)
            }
            watchCameras()
            let address = call.device.address(of: .events) + "/subscription/" + subscription.id
            return PullPointResponses.createdPullPoint(address: address, now: now, termination: subscription.termination)
        case .pullMessages:
            let id = try Self.subscriptionID(call)
            let arguments = try EventsRequests.pull(call.request.body)
            return try await pullMessages(id, camera: camera, arguments)
        case .renew:
            let id = try Self.subscriptionID(call)
            let now = Self.wallClock()
            let requested = try EventsRequests.renew(call.request.body, now: now)
            let termination = try onvifEvents.subscriptions { subscriptions throws(SOAPFault) in
                try subscriptions.renew(id, camera: camera, termination: requested, at: now)
            }
            return PullPointResponses.renewed(now: now, termination: termination)
        case .unsubscribe:
            let id = try Self.subscriptionID(call)
            try onvifEvents.subscriptions { subscriptions throws(SOAPFault) in
                try subscriptions.unsubscribe(id, camera: camera, at: Self.wallClock())
            }
            return PullPointResponses.unsubscribed()
        case .setSynchronizationPoint:
            let id = try Self.subscriptionID(call)
            let now = Self.wallClock()
            observeEvents(of: call.camera, at: now)
            try onvifEvents.subscriptions { subscriptions throws(SOAPFault) in
                try subscriptions.synchronize(id, camera: camera, at: now)
            }
            return PullPointResponses.synchronized()
        default:
            return try call.answerFromDevice()
        }
    }

    /// How often a waiting `PullMessages` looks at its queue, and the watch loop at the cameras.
    static let eventPollNanoseconds: UInt64 = 50_000_000

    /// `PullMessages`: answers at once with what is due, or waits up to the request's
    /// `Timeout` for a message (ONVIF Core, "Pull messages": the device answers as soon as
    /// at least one message is there, with no more than `MessageLimit`).
    private func pullMessages(_ id: String, camera: String, _ arguments: EventsRequests.Pull) async throws(SOAPFault) -> String {
        let deadline = Self.wallClock() + arguments.timeout
        while true {
            let now = Self.wallClock()
            let pull = try onvifEvents.subscriptions { subscriptions throws(SOAPFault) in
                try subscriptions.pull(id, camera: camera, limit: arguments.limit, at: now)
            }
            if !pull.messages.isEmpty || now >= deadline || arguments.limit == 0 {
                return PullPointResponses.pulled(pull.messages, now: now, termination: pull.termination)
            }
            let wait = min(UInt64(deadline - now), Self.eventPollNanoseconds)
            do {
                try await Task.sleep(nanoseconds: wait)
            } catch {
                return PullPointResponses.pulled([], now: Self.wallClock(), termination: pull.termination)
            }
        }
    }

    /// The pull point a request's address names (`…/subscription/ID`); a request to the
    /// service's own address names none.
    private static func subscriptionID(_ call: ONVIFCall) throws(SOAPFault) -> String {
        guard call.subpath.count == 2, call.subpath[0] == "subscription", !call.subpath[1].isEmpty else {
            throw EventSubscriptions.unknown(call.subpath.joined(separator: "/"))
        }
        return call.subpath[1]
    }

    /// Starts the loop that feeds every camera with a subscription into ``ONVIFEventHub``,
    /// unless it runs: it ends when the last subscription does.
    func watchCameras() {
        guard onvifEvents.startWatching() else { return }
        Task { [self] in
            while let cameras = onvifEvents.camerasToWatch(at: Self.wallClock()) {
                let config = await running.config
                let now = Self.wallClock()
                for camera in config.cameras where cameras.contains(camera.path) {
                    observeEvents(of: camera, at: now)
                }
                for path in cameras where !config.cameras.contains(where: { $0.path == path }) {
                    try? onvifEvents.subscriptions { $0.remove(camera: path) }
                }
                try? await Task.sleep(nanoseconds: Self.eventPollNanoseconds)
            }
        }
    }

    /// Feeds the camera's event properties as they are at `now` into the hub: motion from its
    /// schedule or its scene's moving objects at the main stream's frame, a frozen picture
    /// from its faults, and its digital inputs.
    func observeEvents(of camera: CameraConfig, at now: Int64) {
        guard let timing = server.cameraFaultTime(path: camera.path) else { return }
        let (profile, elapsed) = (timing.profile, timing.elapsed)
        let frozen = profile.media.frozenPicture?.isActive(at: elapsed) == true || profile.media.freeze?.isActive(at: elapsed) == true
        var motion = camera.events.motion?.isActive(at: elapsed) ?? false
        if !motion, let scene = sceneMotion(of: camera) {
            let fps = camera.streams.first?.fps ?? 25
            motion = scene.isMotion(frameIndex: Int64(Double(elapsed) / 1e9 * fps))
        }
        onvifEvents.observe(
            camera: camera.path,
            CameraEventStates.messages(motion: motion, frozen: frozen, inputs: onvifEvents.inputs(of: camera.path), at: now))
    }

    /// The moving objects of the camera's scene at its main stream's size, nil for none.
    private func sceneMotion(of camera: CameraConfig) -> SceneMotion? {
        guard let size = server.cameraStatus(path: camera.path)?.streams.first?.definition.size else { return nil }
        let key = "\(camera.scene)|\(size.width)x\(size.height)"
        return onvifEvents.sceneMotion(of: camera.path, key: key) {
            let scene: Scene?
            switch camera.scene {
            case .named(let name): scene = try? scenes.scene(named: name)
            case .inline(let yaml): scene = try? Scene.parse(yaml: yaml.text, file: yaml.file)
            }
            return scene.flatMap { SceneMotion(scene: $0, width: size.width, height: size.height) }
        }
    }

    /// Nanoseconds since 1970: the time events are stamped with and subscriptions end by.
    static func wallClock() -> Int64 {
        Int64(Date().timeIntervalSince1970 * 1_000_000_000)
    }
}
