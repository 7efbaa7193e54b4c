import Cameras

/// One stream's counts at one moment, for metrics: its counters live on `stream`
/// (`counters`, `encodeStatistics`, `viewerStatistics`); the faults and viewers are
/// gathered here.
public struct StreamStatistics: Sendable {
    /// The camera's path.
    public var camera: String
    public var stream: CameraStream
    /// What faults did to the stream's viewers, ended and live.
    public var faults: FaultTally
    /// Sessions watching the stream, by transport: live and playback sessions of the
    /// camera's stream, each multicast session of its group.
    public var viewersByTransport: [SessionSummary.Transport: Int]
}

extension CamsimServer {
    /// Every mounted stream's counts, read without waiting on any event loop: the hot
    /// path's counters are atomics, the faults and sessions sit behind short locks.
    public func streamStatistics() -> [StreamStatistics] {
        var viewers: [ObjectIdentifier: [SessionSummary.Transport: Int]] = [:]
        for session in sessions.all {
            guard let transport = session.transport else { continue }
            viewers[ObjectIdentifier(session.cameraStream), default: [:]][
                Self.kind(of: session, transport: transport), default: 0] += 1
        }
        return registry.allCameras.flatMap { camera in
            let faults = camera.faults.tallyByStream
            return camera.streams.map { stream in
                StreamStatistics(
                    camera: camera.definition.path, stream: stream,
                    faults: faults[stream.definition.streamName] ?? FaultTally(),
                    viewersByTransport: viewers[ObjectIdentifier(stream)] ?? [:])
            }
        }
    }
}
