import Logging
import NIOCore

/// What one session's viewers did together, one viewer per track it SETUP, added up:
/// the session's counts in the sessions list, GET_PARAMETER `fault_counters`,
/// `session_ended`, and the camera's fault totals, in which a session counts once
/// however many tracks it has.
struct SessionTotals: Sendable {
    var packetsSent = 0
    var bytesSent = 0
    /// The sender reports' counts (RFC 3550 §6.4.1), summed over the tracks.
    var senderPackets = 0
    var senderPayloadOctets = 0
    var faults = FaultTally()
    /// Whether a fault was ever in force for any of the tracks.
    var faultsWereActive = false
    /// The last receiver report of the first track that has one (the video's, when the
    /// session SETUP the video and its client reports on it).
    var reception: ReceptionReport?

    init(_ viewers: [ViewerStatistics]) {
        for viewer in viewers {
            packetsSent += viewer.packetsSent
            bytesSent += viewer.bytesSent
            senderPackets += viewer.senderPackets
            senderPayloadOctets += viewer.senderPayloadOctets
            faults = faults + viewer.faults
            faultsWereActive = faultsWereActive || viewer.faultsWereActive
            reception = reception ?? viewer.reception
        }
    }

    /// Reads each viewer with `read` (on its own loop), and adds the answers up on `loop`.
    static func gather(
        _ viewers: [SessionViewer], on loop: any EventLoop,
        _ read: (SessionViewer) -> EventLoopFuture<ViewerStatistics>
    ) -> EventLoopFuture<SessionTotals> {
        EventLoopFuture.whenAllComplete(viewers.map(read), on: loop).map { results in
            SessionTotals(results.compactMap { try? $0.get() })
        }
    }

    /// The session's statistics now, every track added up.
    static func read(_ viewers: [SessionViewer], on loop: any EventLoop) -> EventLoopFuture<SessionTotals> {
        gather(viewers, on: loop) { $0.statistics() }
    }

    /// The session's last counts, once its viewers have stopped (`SessionViewer.finish`).
    static func finish(_ viewers: [SessionViewer], on loop: any EventLoop) -> EventLoopFuture<SessionTotals> {
        gather(viewers, on: loop) { $0.finish() }
    }

    /// Logs what the session's faults injected and adds it to the camera's totals as
    /// one session (`key` is the name its live counts were published under); nothing
    /// when no fault was ever in force.
    func record(session: String, key: String, stream: String, camera: CameraFaultState, logger: Logger) {
        guard faultsWereActive else { return }
        var tally = faults
        tally.sessions = 1
        camera.record(tally, session: key, stream: stream)
        logger.info("fault counters", metadata: ["session": "\(session)", "faults": "\(tally)"])
    }
}
