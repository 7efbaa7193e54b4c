import Config
import Foundation
import ONVIF
import Synchronization

extension ControlAPI {
    /// The recording searches open in this process (``RecordingSearchStore``), shared by every
    /// camera's search service; each search answers only through the camera that opened it.
    static let recordingSearches = Mutex(RecordingSearchStore())

    /// The answer to an operation of the recording, search or replay service (Profile G),
    /// over the camera's synthetic recording.
    func answerRecordings(_ call: ONVIFCall) async throws(SOAPFault) -> String {
        let context = RecordingServices.Context(
            recordings: ONVIFRecording.of(call.camera, device: call.device).map { [$0] } ?? [],
            owner: call.camera.path, sessionTimeoutSeconds: server.configuration.sessionTimeoutSeconds)
        return try Self.recordingSearches.withLock { searches throws(SOAPFault) in
            try RecordingServices.answer(call.request, device: call.device, context: context, searches: &searches, now: call.now)
        }
    }
}

extension ONVIFRecording {
    /// The recording a camera with `recording:` shows: its main stream's video, replayed at
    /// `rtsp://HOST:PORT/CAM/playback`. Playback carries no audio, so there is no audio track.
    static func of(_ camera: CameraConfig, device: ONVIFDevice) -> ONVIFRecording? {
        guard let recording = camera.recording, let main = device.profiles.first else { return nil }
        let end: Int64? = switch recording.end {
        case .growing: nil
        case .at(let unixNanoseconds): unixNanoseconds
        }
        let location = camera.onvif.scopes.first { $0.hasPrefix(Self.locationScope) }
            .map { String($0.dropFirst(Self.locationScope.count)).removingPercentEncoding ?? "" } ?? ""
        let codec = switch main.encoding {
        case .h264: "H.264"
        case .h265: "H.265"
        case .jpeg: "JPEG"
        }
        return ONVIFRecording(
            token: token(cameraPath: camera.path),
            source: Source(
                sourceId: device.endpointReference, name: camera.path, location: location,
                description: "camera \(camera.path), stream \(main.streamName)", address: main.streamURI),
            content: "synthetic recording of \(camera.path)",
            tracks: [Track(token: "VIDEO001", type: .video, description: "\(codec) \(main.width)x\(main.height)")],
            startNanoseconds: recording.startNanoseconds, endNanoseconds: end,
            gaps: recording.gaps.map { $0.startNanoseconds..<$0.endNanoseconds },
            replayURI: main.streamURI + "/playback")
    }

    /// The scope prefix that names a camera's location (ONVIF Core, "Scopes").
    static let locationScope = "onvif://www.onvif.org/location/"
}
