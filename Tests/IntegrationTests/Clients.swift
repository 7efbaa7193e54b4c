import Testing

/// The external RTSP clients the tests drive. A missing client fails the test: it is
/// never a reason to skip.
enum Clients {
    static func ffmpeg() throws -> String {
        try #require(ClientProcess.resolve("ffmpeg"), "ffmpeg must be installed (Debian: ffmpeg)")
    }

    static func ffprobe() throws -> String {
        try #require(ClientProcess.resolve("ffprobe"), "ffprobe must be installed (Debian: ffmpeg)")
    }

    static func gstLaunch() throws -> String {
        try #require(
            ClientProcess.resolve("gst-launch-1.0"),
            "gst-launch-1.0 must be installed (Debian: gstreamer1.0-tools, -plugins-good, -libav)")
    }

    /// Runs `ffmpeg -nostdin -v error -rtsp_transport <transport> -i <url> <output...>`.
    static func ffmpegPull(
        _ url: String, transport: String, output: [String], timeoutSeconds: Double = 60
    ) async throws -> ProcessResult {
        let ffmpeg = try ffmpeg()
        let arguments = ["-nostdin", "-hide_banner", "-v", "error", "-rtsp_transport", transport, "-i", url] + output
        return await ClientProcess.run(ffmpeg, arguments, timeoutSeconds: timeoutSeconds)
    }

    /// Runs `ffprobe -v error -rtsp_transport <transport> <options...> <url>`.
    static func ffprobeRTSP(
        _ url: String, transport: String = "tcp", _ options: [String], timeoutSeconds: Double = 60
    ) async throws -> ProcessResult {
        let ffprobe = try ffprobe()
        let arguments = ["-v", "error", "-rtsp_transport", transport] + options + [url]
        return await ClientProcess.run(ffprobe, arguments, timeoutSeconds: timeoutSeconds)
    }

    /// Pulls `seconds` of video as framecrc lines and returns the result and the frame count.
    static func ffmpegFrames(
        _ url: String, transport: String, seconds: Int, timeoutSeconds: Double = 60
    ) async throws -> (result: ProcessResult, frames: Int) {
        let result = try await ffmpegPull(
            url, transport: transport, output: ["-an", "-t", "\(seconds)", "-f", "framecrc", "-"],
            timeoutSeconds: timeoutSeconds)
        let frames = result.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.count
        return (result, frames)
    }
}
