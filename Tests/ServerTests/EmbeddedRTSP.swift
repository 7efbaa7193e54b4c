import Cameras
import Foundation
import Frames
import H264
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

    /// One response: status code and headers, read from its text.
    struct Response {
        let status: Int
        let headers: [String: String]
        let body: String

        /// nil when `text` is not an RTSP response (an interleaved frame, say).
        init?(_ text: String) {
            guard text.hasPrefix("RTSP/") else { return nil }
            let parts = text.components(separatedBy: "\r\n\r\n")
            let lines = parts[0].components(separatedBy: "\r\n")
            let statusLine = lines[0].split(separator: " ")
            guard statusLine.count >= 2, let code = Int(statusLine[1]) else { return nil }
            status = code
            var headers: [String: String] = [:]
            for line in lines.dropFirst() {
                let pair = line.split(separator: ":", maxSplits: 1)
                if pair.count == 2 { headers[pair[0].lowercased()] = pair[1].trimmingCharacters(in: .whitespaces) }
            }
            self.headers = headers
            body = parts.dropFirst().joined(separator: "\r\n\r\n")
        }
    }
}

import Foundation
