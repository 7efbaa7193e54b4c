import Cameras
import Foundation
import Frames
import H264
import Server

/// Cameras for the picture tests: a scene encoded at high quality so that colours and
/// fine detail survive compression, on a single x264 thread (deterministic output).
enum PictureCameras {
    /// A shipped scene from the repository's `Patterns` directory.
    static func shipped(_ name: String) throws -> Scene {
        try TestServer.scenes().scene(named: name)
    }

    /// A scene given as YAML text.
    static func inline(_ yaml: String, name: String) throws -> Scene {
        try Scene.parse(yaml: yaml, file: "\(name).yaml")
    }

    /// A one-stream camera at `path` drawing `scene`.
    ///
    /// CRF 12 keeps flat patches within a code value or two of the source; the GOP is
    /// long so the decoded frames after the first are P frames of one GOP.
    static func camera(
        _ path: String, scene: Scene, width: Int, height: Int, fps: Int = 15,
        seed: UInt64 = 42, crf: Double = 12
    ) -> CameraDefinition {
        let stream = StreamDefinition(
            cameraName: path, streamName: "main",
            encoder: EncoderSettings(
                width: width, height: height, frameRate: FrameRate(numerator: fps),
                rateControl: .constantRateFactor(crf), gop: 10 * fps, threads: 1),
            maxPacketSize: 1400, idleStopDelayNanoseconds: 0, alwaysOn: false, seed: seed,
            makeSource: { w, h in try scene.makeRenderer(width: w, height: h) })
        return CameraDefinition(path: path, streams: [stream])
    }

    /// Serves `camera` on loopback and decodes its first `count` frames.
    static func decodeFirstFrames(
        _ camera: CameraDefinition, width: Int, height: Int, count: Int
    ) async throws -> [PictureFrame] {
        try await TestServer.with(cameras: [camera]) { server in
            try await PictureDecoder.requireFrames(
                server.url(forPath: camera.path), width: width, height: height, count: count)
        }
    }
}
