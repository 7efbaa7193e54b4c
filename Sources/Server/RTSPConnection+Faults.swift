import Faults
import Foundation
import NIOCore
import RTSP
import Randomness

extension RTSPConnection {
    /// The connection was dropped on purpose (camera offline or rebooting): no answer.
    struct DroppedWithoutAnswer: Error {}

    /// Runs a request under the camera's control-plane faults (the URL's on top): an
    /// offline or rebooting camera drops the connection unanswered; a status override
    /// answers at once; a connection reset is armed; otherwise `dispatch` answers,
    /// after the response delay when there is one.
    func underControlFaults(
        _ context: RTSPRequestContext, dispatch: () -> EventLoopFuture<RTSPResponse>
    ) -> EventLoopFuture<RTSPResponse> {
        guard let mount = context.mount, var control = context.control else { return dispatch() }
        let request = context.request
        let now = clock.nanoseconds()
        if control.isDown(at: now) || mount.faults.downByHand(at: now).down {
            logger.debug("camera \(mount.cameraPath) is down: dropping the connection")
            resetConnection()
            return eventLoop.makeFailedFuture(DroppedWithoutAnswer())
        }
        armConnectionReset(control)
        if let code = control.responseOverride(for: request.method.name, at: now) {
            return eventLoop.makeSucceededFuture(answer(RTSPStatus(code: code)))
        }
        let delay = responseDelay(context, mount: mount, at: now)
        let response = dispatch()
        guard delay > 0 else { return response }
        let loop = eventLoop
        return response.flatMap { answer in
            loop.scheduleTask(in: .nanoseconds(delay)) { answer }.futureResult
        }
    }

    /// Query control models one connection keeps; a client cycling through more queries
    /// starts them afresh rather than growing the connection's memory.
    static let maximumQueryControlModels = 16

    /// The delay before answering: drawn from the camera's own model, whose jitter
    /// generator runs on across requests, unless the URL query adds control faults; then
    /// from this connection's model for that query, which runs on the same way.
    private func responseDelay(_ context: RTSPRequestContext, mount: CameraRegistry.Mount, at now: Int64) -> Int64 {
        guard let overlay = context.controlOverlay else { return mount.faults.responseDelay(at: now) }
        let key = mount.cameraPath + "?" + (context.url?.queryItems.map { "\($0.name)=\($0.value)" }.joined(separator: "&") ?? "")
        var model = queryControlModels[key] ?? overlay
        let delay = model.responseDelay(at: now)
        if queryControlModels[key] == nil, queryControlModels.count >= Self.maximumQueryControlModels {
            queryControlModels.removeAll()
        }
        queryControlModels[key] = model
        return delay
    }

    /// Closes the connection with a TCP reset (SO_LINGER 0), as a crashing camera would.
    func resetConnection() {
        let channel = self.channel
        guard let options = channel as? any SocketOptionProvider else {
            channel.close(promise: nil)
            return
        }
        options.setSoLinger(linger(l_onoff: 1, l_linger: 0)).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    /// `reset_connection_after`: the connection is reset that long after it opened.
    private func armConnectionReset(_ control: ControlFaultModel) {
        guard !resetArmed, let at = control.connectionResetTime(connectedAt: connectedAt) else { return }
        resetArmed = true
        let delay = max(0, at - clock.nanoseconds())
        eventLoop.scheduleTask(in: .nanoseconds(delay)) {
            self.logger.debug("fault: resetting the connection")
            self.resetConnection()
        }
    }

    /// A new viewer's fault models: the camera's profile with the URL's on top,
    /// seeded from `seed=` when given, else from the camera seed and the session id.
    func makeViewerFaults(mount: CameraRegistry.Mount, query: FaultQuery, sessionID: String) -> ViewerFaults {
        let seed = query.seed ?? SeededGenerator.derived(from: mount.faults.seed, "viewer:\(sessionID)").state
        return ViewerFaults(camera: mount.faults, overlay: query.profile, seed: seed, origin: clock.nanoseconds())
    }

    /// SET_PARAMETER lines `name: value` (the URL query names) change this viewer's
    /// faults at run time; `clear:` drops them first.
    func applyFaultParameters(_ body: TextParameters, to session: RTSPServerSession) throws(Refusal) {
        if session.multicastGroup != nil {
            throw Refusal(.parameterNotUnderstood, reason: Self.multicastFaultsRefusal)
        }
        guard let viewer = session.viewer else { throw Refusal(.methodNotValidInThisState) }
        func isClear(_ parameter: TextParameters.Parameter) -> Bool {
            let name = parameter.name.lowercased()
            return name == "clear" || (name == "faults" && parameter.value?.lowercased() == "clear")
        }
        let clear = body.parameters.contains(where: isClear)
        let items = body.parameters.filter { !isClear($0) }.map { (name: $0.name, value: $0.value ?? "") }
        let query: FaultQuery
        do {
            query = try FaultProfile.parse(query: items, catalog: viewer.faults.cameraCatalog)
        } catch {
            throw Refusal(.parameterNotUnderstood, reason: error.description)
        }
        // Every track's viewer: network faults act per track, audio faults on the audio track.
        for binding in session.bindings { binding.viewer.changeFaults(query.profile, replacing: clear) }
    }
}
