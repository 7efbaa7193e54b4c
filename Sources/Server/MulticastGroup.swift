import Cameras
import Faults
import Logging
import NIOCore
import RTSP
import Randomness

/// One stream's multicast group (RFC 2326 §12.39): a fixed group and port pair that
/// every multicast session of the stream shares. The group is one viewer of the
/// stream's fan-out, so each packet is sent once, to the group, however many sessions
/// watch; it sends while at least one of them plays and stops with the last.
///
/// The camera's faults apply to the group as a whole: its viewer runs them, with no
/// overlay of any one session's. Receiver reports that come back to the group's RTCP
/// port keep alive the sessions of the address they come from.
///
/// State is confined to the stream's event loop; the methods may be called from anywhere.
final class MulticastGroup: @unchecked Sendable {
    /// What SETUP answers: the group, its RTP port and the scope.
    let answer: MulticastTransport
    let stream: CameraStream
    let counters = MulticastGroupCounters()
    private let faults: CameraFaultState
    private let delivery: MulticastDelivery
    private let clock: any MonotonicClock
    private let cname: String
    private let logger: Logger

    /// Called when a session's packets flow: with the group's first packet (the
    /// RTP-Info of PLAY) when the session started the group or waited for its start,
    /// nil when it joined a group already sending; or with why the group cannot send.
    typealias Started = @Sendable (Result<(sequenceNumber: UInt16, rtpTime: UInt32)?, any Error>) -> Void

    // Loop-confined.
    private var membership = MulticastMembership<ObjectIdentifier>()
    private var members: [ObjectIdentifier: RTSPServerSession] = [:]
    private var sockets: MulticastSockets?
    private var binding = false
    private var viewer: SessionViewer?
    private var sending = false
    private var waiting: [Started] = []
    private var closed = false

    init(
        answer: MulticastTransport, stream: CameraStream, faults: CameraFaultState, delivery: MulticastDelivery,
        clock: any MonotonicClock, cname: String, logger: Logger
    ) {
        self.answer = answer
        self.stream = stream
        self.faults = faults
        self.delivery = delivery
        self.clock = clock
        self.cname = cname
        var logger = logger
        logger[metadataKey: "multicast"] = "\(answer.group):\(answer.rtpPort)"
        self.logger = logger
    }

    var eventLoop: any EventLoop { stream.eventLoop }

    /// `session` plays: the first member starts the group's sending (and any member
    /// does, when the group's sockets could not be opened before).
    func play(_ session: RTSPServerSession, started: @escaping Started) {
        eventLoop.execute {
            guard !self.closed else { return started(.failure(MulticastGroupClosed())) }
            let key = ObjectIdentifier(session)
            self.members[key] = session
            let change = self.membership.play(key)
            self.counters.members.store(self.membership.count, ordering: .relaxed)
            if self.sending {
                started(.success(nil))
            } else {
                self.waiting.append(started)
            }
            if change == .startSending || self.viewer == nil { self.startSending() }
        }
    }

    /// `session` stops playing (PAUSE, TEARDOWN, expiry); the last to leave stops the group.
    func leave(_ session: RTSPServerSession) {
        eventLoop.execute {
            let key = ObjectIdentifier(session)
            self.members.removeValue(forKey: key)
            let change = self.membership.leave(key)
            self.counters.members.store(self.membership.count, ordering: .relaxed)
            if change == .stopSending { self.stopSending(reason: "last viewer left") }
        }
    }

    /// Stops sending and closes the group's sockets (camera removed, server stopping).
    func close() async {
        let sockets: MulticastSockets? = try? await eventLoop.submit {
            self.closed = true
            self.stopSending(reason: nil)
            defer { self.sockets = nil }
            return self.sockets
        }.get()
        await sockets?.close()
    }

    /// What the camera's faults did to the group's packets since it last began sending
    /// (nothing while it is not sending).
    func faultTally() -> EventLoopFuture<FaultTally> {
        eventLoop.submit { self.viewer?.faults.tally ?? FaultTally() }
    }

    /// The camera's totals over its ended sessions (and the group's past sends).
    var cameraFaultTally: FaultTally { faults.tally }

    // MARK: - Sending

    private func startSending() {
        guard viewer == nil else { return }
        if let sockets { return beginViewer(sockets) }
        guard !binding else { return }
        binding = true
        let promise = eventLoop.makePromise(of: MulticastSockets.self)
        promise.completeWithTask { [answer, delivery, eventLoop, logger] in
            try await MulticastSockets.bind(answer, delivery: delivery, on: eventLoop, logger: logger) { [weak self] source, datagram in
                self?.receiveReport(from: source, datagram)
            }
        }
        promise.futureResult.whenComplete { result in
            self.binding = false
            switch result {
            case .success(let sockets):
                guard !self.closed else {
                    Task { await sockets.close() }
                    return
                }
                self.sockets = sockets
                if self.membership.count > 0 { self.beginViewer(sockets) }
            case .failure(let error):
                self.logger.error("cannot open the multicast sockets: \(error)")
                self.failWaiting(error)
            }
        }
    }

    private func beginViewer(_ sockets: MulticastSockets) {
        let transport: MulticastMediaTransport
        do {
            transport = try MulticastMediaTransport(sockets: sockets, answer: answer, counters: counters)
        } catch {
            return failWaiting(error)
        }
        let origin = clock.nanoseconds()
        let seed = SeededGenerator.derived(from: faults.seed, "multicast:\(stream.definition.streamName)").state
        let loop = eventLoop
        let viewer = SessionViewer(
            transport: transport,
            faults: ViewerFaults(camera: faults, overlay: .empty, seed: seed, origin: origin),
            cname: cname,
            clock: clock,
            onStart: { sequenceNumber, rtpTime in
                loop.execute { self.didStart(sequenceNumber: sequenceNumber, rtpTime: rtpTime) }
            },
            onEnd: { loop.execute { self.streamEnded() } }
        )
        self.viewer = viewer
        counters.starts.wrappingAdd(1, ordering: .relaxed)
        logger.debug("multicast group sending")
        stream.play(viewer, keyframeOnJoin: true)
    }

    private func didStart(sequenceNumber: UInt16, rtpTime: UInt32) {
        guard viewer != nil else { return }
        sending = true
        let waiting = self.waiting
        self.waiting.removeAll()
        for started in waiting { started(.success((sequenceNumber, rtpTime))) }
    }

    private func stopSending(reason: String?) {
        sending = false
        // A PLAY still waiting belongs to a session that already left.
        let waiting = self.waiting
        self.waiting.removeAll()
        for started in waiting { started(.success(nil)) }
        guard let viewer else { return }
        self.viewer = nil
        stream.stop(viewer)
        if let reason { viewer.sendGoodbye(reason: reason) }
        viewer.finishFaults(session: "multicast \(answer.group):\(answer.rtpPort)", logger: logger)
        logger.debug("multicast group stopped")
    }

    private func failWaiting(_ error: any Error) {
        let waiting = self.waiting
        self.waiting.removeAll()
        for started in waiting { started(.failure(error)) }
    }

    /// The camera went away (removed, rebooted): every member session ends and its
    /// connection closes, as a unicast viewer's would.
    private func streamEnded() {
        viewer = nil
        sending = false
        for key in membership.removeAll() {
            guard let session = members.removeValue(forKey: key) else { continue }
            session.end(reason: nil)
            session.closeConnection()
        }
        counters.members.store(0, ordering: .relaxed)
    }

    // MARK: - Receiver reports

    /// A datagram on the group's RTCP port: a report from a viewer (not the group's
    /// own sender report come back) keeps alive the sessions of the address it came from.
    private func receiveReport(from source: SocketAddress, _ datagram: ByteBuffer) {
        eventLoop.execute {
            if let sender = self.sockets?.sender.address, source.port == sender.port { return }
            guard RTCPLiveness(streamSSRC: self.stream.identity.ssrc).counts(datagram.readableBytesView) else { return }
            self.counters.receiverReports.wrappingAdd(1, ordering: .relaxed)
            for session in self.members.values where session.clientAddress?.ipAddress == source.ipAddress {
                session.noteActivity()
            }
        }
    }
}

/// A PLAY on a group whose camera was removed.
struct MulticastGroupClosed: Error {}
