import Backchannel
import Cameras
import Logging
import RTP
import NIOConcurrencyHelpers

/// One session's ONVIF audio backchannel track (ONVIF Streaming Specification §5.3): the
/// `trackID` after the stream's own tracks, SETUP like them but carrying media from the
/// client. It sends nothing (`play` and `stop` do nothing); what arrives on its RTP port or
/// interleaved channel is counted (`BackchannelReception`) and, when the camera's
/// `backchannel.record` names a directory, written to `<dir>/<camera>-<session>.wav`.
///
/// Packets arrive on a UDP socket's event loop or the RTSP connection's; a lock keeps the
/// counters and the file consistent between them. The file is opened on the first packet
/// and finished when the session ends.
final class BackchannelTrack: MediaTrack, @unchecked Sendable {
    let format: RTPPayloadFormat
    let identity: StreamIdentity
    let settings: CameraBackchannel
    /// Where the WAV file goes, nil when not recording.
    let recordingPath: String?
    private let lock = NIOLock()
    /// Guarded by `lock`.
    private var state: State

    private struct State {
        var reception: BackchannelReception
        var file: WAVFile?
        var fileError: WAVFileError?
        var finished = false
    }

    init(settings: CameraBackchannel, identity: StreamIdentity, cameraPath: String, sessionID: String) {
        self.settings = settings
        self.identity = identity
        format = settings.law == .muLaw ? .pcmu : .pcma
        recordingPath = settings.recordDirectory.map { directory in
            let camera = cameraPath.replacingOccurrences(of: "/", with: "_")
            return (directory.hasSuffix("/") ? directory : directory + "/") + "\(camera)-\(sessionID).wav"
        }
        state = State(reception: BackchannelReception(payloadType: settings.payloadType, clockRate: settings.clockRate))
    }

    func play(_ viewer: any StreamViewer, keyframeOnJoin: Bool) {}
    func stop(_ viewer: any StreamViewer) {}

    /// One RTP packet from the client, arrived at `arrivalNanoseconds` (monotonic).
    func receive(_ packet: some RandomAccessCollection<UInt8>, arrivalNanoseconds: Int64) {
        let path = recordingPath
        let header = WAVHeader(coding: settings.law == .muLaw ? .muLaw : .aLaw, sampleRate: settings.clockRate)
        lock.withLock {
            guard !state.finished, let payload = state.reception.receive(packet, arrivalNanoseconds: arrivalNanoseconds),
                  let path, state.fileError == nil
            else { return }
            do throws(WAVFileError) {
                if state.file == nil {
                    state.file = try WAVFile(path: path, header: header, maximumDataLength: CameraBackchannel.maximumRecordingBytes)
                }
                let start = packet.index(packet.startIndex, offsetBy: payload.lowerBound)
                let end = packet.index(packet.startIndex, offsetBy: payload.upperBound)
                try state.file?.append(packet[start..<end])
            } catch {
                state.fileError = error
            }
        }
    }

    /// What has arrived so far.
    var counters: BackchannelCounters { lock.withLock { state.reception.counters } }

    /// Finishes the WAV file and logs what the session received; later calls do nothing.
    func finish(session: String, logger: Logger) {
        let result: (BackchannelCounters, String?, WAVFileError?)? = lock.withLock {
            guard !state.finished else { return nil }
            state.finished = true
            var error = state.fileError
            do throws(WAVFileError) {
                try state.file?.finish()
            } catch let finishError {
                error = finishError
            }
            return (state.reception.counters, state.file?.path, error)
        }
        guard let (counters, path, error) = result else { return }
        var metadata: Logger.Metadata = [
            "session": "\(session)", "packets": "\(counters.packets)", "bytes": "\(counters.payloadBytes)",
            "lost": "\(counters.lost)", "rejected": "\(counters.rejected)",
        ]
        if let path { metadata["wav"] = "\(path)" }
        if let error { metadata["error"] = "\(error)" }
        logger.info("backchannel received", metadata: metadata)
    }
}
