import Cameras
import Foundation
import Frames
import H264
import RTSP
@testable import Server

/// What the `EmbeddedChannel` tests share: small cameras that are never encoded, and
/// RTSP responses read back from the bytes a connection wrote.
enum EmbeddedRTSP {
    /// A frame source for cameras that are never encoded here.
    final class Grey: FrameSource {
        func render(into picture: PictureView, context: FrameContext) { picture.fill(YCbCr(y: 128, cb: 128, cr: 128)) }
    }

    /// A small camera that is never encoded here; with `audio`, each stream has a G.711
    /// μ-law track (`trackID=1`).
    static func camera(_ path: String, streams: [String] = ["main"], audio: Bool = false) -> CameraDefinition {
        CameraDefinition(path: path, streams: streams.map { name in
            var definition = StreamDefinition(
                cameraName: path, streamName: name,
                encoder: EncoderSettings(width: 160, height: 120, frameRate: FrameRate(numerator: 10)),
                seed: 1, makeSource: { _, _ in Grey() })
            if audio {
                definition.audio = AudioTrackDefinition(format: .pcmu) {
                    G711Encoder(signal: { _ in 0 }, compress: { _ in 0xFF })
                }
            }
            return definition
        })
    }

    /// One response: status code and headers, read from its text by the client's
    /// `RTSPResponseParser` (a later header of the same name wins).
    struct Response {
        let status: Int
        let headers: [String: String]
        let body: String

        /// nil when `text` is not an RTSP response (an interleaved frame, say).
        init?(_ text: String) {
            var parser = RTSPResponseParser()
            parser.append(Array(text.utf8))
            guard case .response(let response)? = parser.next(), response.version.isRTSP else { return nil }
            status = response.status.code
            var headers: [String: String] = [:]
            for field in response.headers { headers[field.name.lowercased()] = field.value }
            self.headers = headers
            body = String(decoding: response.body, as: UTF8.self)
        }
    }
}

import Foundation
