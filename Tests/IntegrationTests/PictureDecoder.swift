import Foundation
import Testing

/// Pulls camsim's own RTSP output through ffmpeg's H.264 decoder and returns raw
/// I420 pictures, or reads the Y4M files `camsim render` writes.
enum PictureDecoder {
    /// A fresh scratch file path under the system temporary directory.
    static func scratchFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("camsim-picture-\(UUID().uuidString)-\(name)")
    }

    /// Decodes the first `count` frames of `url` (RTSP over TCP). ffmpeg writes raw
    /// yuv420p to a file (its stdout is collected as text, which would mangle bytes).
    ///
    /// `-fps_mode passthrough` writes each decoded frame exactly once. Without it the
    /// rawvideo muxer runs at constant frame rate, and when the camera skips a frame
    /// slot (its RTP timestamp jumps by two frame periods) ffmpeg fills the gap by
    /// writing the previous picture again, which would look like a repeated frame.
    static func decode(
        _ url: String, width: Int, height: Int, count: Int, timeoutSeconds: Double = 45
    ) async throws -> (frames: [PictureFrame], result: ProcessResult) {
        let file = scratchFile("decode.yuv")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try await Clients.ffmpegPull(
            url, transport: "tcp",
            output: ["-an", "-frames:v", "\(count)", "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "yuv420p", "-y", file.path],
            timeoutSeconds: timeoutSeconds)
        let data = (try? Data(contentsOf: file)) ?? Data()
        return (PictureFrame.split(data, width: width, height: height), result)
    }

    /// Decodes `count` frames and requires that ffmpeg succeeded quietly and delivered them all.
    static func requireFrames(
        _ url: String, width: Int, height: Int, count: Int, timeoutSeconds: Double = 45
    ) async throws -> [PictureFrame] {
        let (frames, result) = try await decode(url, width: width, height: height, count: count, timeoutSeconds: timeoutSeconds)
        try #require(result.succeeded, "ffmpeg failed\n\(result)")
        #expect(result.stderr.isEmpty, "ffmpeg reported errors at -v error:\n\(result.stderr)")
        try #require(frames.count == count, "decoded \(frames.count) of \(count) frames\n\(result)")
        return frames
    }

    /// The frames of a Y4M file with the header `camsim render` writes (no per-frame parameters).
    static func readY4M(_ url: URL) throws -> (header: String, frames: [PictureFrame]) {
        let data = try Data(contentsOf: url)
        let newline = try #require(data.firstIndex(of: 0x0A), "no Y4M header line")
        let header = String(decoding: data[data.startIndex..<newline], as: UTF8.self)
        let fields = header.split(separator: " ")
        let width = try #require(fields.first { $0.hasPrefix("W") }.flatMap { Int($0.dropFirst()) })
        let height = try #require(fields.first { $0.hasPrefix("H") }.flatMap { Int($0.dropFirst()) })
        let marker = Array("FRAME\n".utf8)
        let size = PictureFrame.byteCount(width: width, height: height)
        var frames: [PictureFrame] = []
        var at = newline + 1
        while at < data.endIndex {
            try #require(Array(data[at..<min(data.endIndex, at + marker.count)]) == marker, "no FRAME marker at byte \(at)")
            at += marker.count
            try #require(at + size <= data.endIndex, "truncated frame at byte \(at)")
            frames.append(PictureFrame(width: width, height: height, bytes: [UInt8](data[at..<(at + size)])))
            at += size
        }
        return (header, frames)
    }
}
