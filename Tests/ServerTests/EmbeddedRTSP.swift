import Cameras
import Frames
import H264
import NIOCore
import NIOEmbedded
import RTSP
@testable import Server

/// One RTSP connection driven through `EmbeddedChannel`: bytes in, responses out, no
/// sockets. The server behind it is built but not started (no UDP ports).
final class EmbeddedRTSP {
    let server: CamsimServer
    let channel = EmbeddedChannel()

    /// A frame source for cameras that are never encoded here.
    final class Grey: FrameSource {
        func render(into picture: PictureView, context: FrameContext) { picture.fill(YCbCr(y: 128, cb: 128, cr: 128)) }
    }

    /// A small camera that is never encoded here.
    static func camera(_ path: String, streams: [String] = ["main"]) -> CameraDefinition {
        CameraDefinition(path: path, streams: streams.map { name in
            StreamDefinition(
                cameraName: path, streamName: name,
                encoder: EncoderSettings(width: 160, height: 120, frameRate: FrameRate(numerator: 10)),
                seed: 1, makeSource: { _, _ in Grey() })
        })
    }

    init(paths: [String] = ["cam", "other"]) throws {
        let cameras = paths.map { EmbeddedRTSP.camera($0) }
        server = CamsimServer(
            configuration: ServerConfiguration(bindHost: "127.0.0.1", port: 0, networkThreads: 1, encodeThreads: 1),
            cameras: cameras)
        let connection = RTSPConnection(channel: channel, environment: server.connectionEnvironment)
        try channel.pipeline.syncOperations.addHandler(RTSPConnectionHandler(connection: connection))
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 5554)).wait()
    }

    func close() async {
        _ = try? channel.finish()
        await server.shutdown()
    }

    /// Sends `text` and returns every RTSP response the connection wrote, parsed.
    /// Interleaved RTP it wrote (a PLAY that started) is skipped.
    func send(_ text: String) throws -> [Response] {
        try channel.writeInbound(ByteBuffer(string: text))
        channel.embeddedEventLoop.run()
        var responses: [Response] = []
        while let buffer = try channel.readOutbound(as: ByteBuffer.self) {
            if let response = Response(String(buffer: buffer)) { responses.append(response) }
        }
        return responses
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
