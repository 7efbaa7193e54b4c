import ArgumentParser
import Foundation
import Frames

/// `camsim render`: draws a scene to a Y4M file, for previewing scenes without a server.
///
/// Every frame's context is fixed by the options, so the same command always writes the
/// same bytes: frame n has media time n/fps and wall-clock time `start + n/fps`.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a scene to a YUV4MPEG2 (.y4m) file, a PNG snapshot, or both.",
        discussion: """
            SCENE is a scene name (a file stem in the patterns directory, e.g. smpte-clock) \
            or the path of a scene YAML file. Play the result with `ffplay out.y4m` or \
            convert it with `ffmpeg -i out.y4m out.mp4`; open the PNG in any image viewer.
            """
    )

    @Argument(help: "Scene name or path to a scene YAML file.")
    var scene: String = Scene.defaultSceneName

    @Option(help: "Frame size as WIDTHxHEIGHT (even numbers).")
    var size: String = "1280x720"

    @Option(help: "Number of frames to render.")
    var frames: Int = 90

    @Option(help: "Frames per second (sets media time and the Y4M frame rate).")
    var fps: Double = 30

    @Option(name: [.short, .long], help: "Output .y4m file.")
    var output: String?

    @Option(help: "Also (or only) write the last frame rendered as an RGB PNG file.")
    var png: String?

    @Option(help: "Camera name shown by {camera}.")
    var camera: String = "camera-1"

    @Option(help: "Seed for noise layers.")
    var seed: UInt64 = 1

    @Option(help: "Wall-clock time of frame 0, ISO 8601 UTC (e.g. 2026-01-01T00:00:00Z).")
    var start: String = "2026-01-01T00:00:00Z"

    @Option(help: "Patterns directory (default: $CAMSIM_PATTERNS, ./Patterns, or next to the executable).")
    var patterns: String?

    func validate() throws {
        guard parsedSize != nil else { throw ValidationError("--size must look like 1280x720, with even, positive numbers") }
        guard frames >= 0 else { throw ValidationError("--frames must not be negative") }
        guard output != nil || png != nil else { throw ValidationError("give --output FILE.y4m, --png FILE.png or both") }
        guard png == nil || frames > 0 else { throw ValidationError("--png needs at least one frame") }
        guard fps > 0, fps <= 1000 else { throw ValidationError("--fps must be in (0, 1000]") }
        guard startNanos != nil else { throw ValidationError("--start must be ISO 8601 UTC, e.g. 2026-01-01T00:00:00Z") }
    }

    private var parsedSize: (width: Int, height: Int)? {
        let parts = size.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]),
              w > 0, h > 0, w % 2 == 0, h % 2 == 0, w <= 16384, h <= 16384 else { return nil }
        return (w, h)
    }

    private var startNanos: Int64? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = formatter.date(from: start) ?? ISO8601DateFormatter().date(from: start) else { return nil }
        return Int64((date.timeIntervalSince1970 * 1000).rounded()) * 1_000_000
    }

    func run() throws {
        let (width, height) = parsedSize!
        let directory = patterns.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? SceneLibrary.locateDefaultDirectory()
        let library = SceneLibrary(directory: directory)
        let renderer: any FrameSource
        do {
            renderer = try library.scene(named: scene).makeRenderer(width: width, height: height)
        } catch {
            throw RenderFailure(description: error.description)
        }
        let picture = PictureBuffer(width: width, height: height)
        let writer = try output.map {
            try Y4MWriter(url: URL(fileURLWithPath: $0), width: width, height: height, frameRate: Y4MWriter.rational(fps))
        }
        let t0 = startNanos!
        for n in 0..<frames {
            let mediaTime = Double(n) / fps
            let context = FrameContext(
                frameIndex: Int64(n), mediaTime: mediaTime,
                wallClockNanos: t0 + Int64((Double(n) * 1e9 / fps).rounded()),
                cameraName: camera, seed: seed, frameRate: fps)
            renderer.render(into: picture.view, context: context)
            try writer?.write(picture.view)
        }
        try writer?.close()
        if let png {
            try PNGSnapshot.write(
                picture.view, standard: .forPicture(height: height), to: URL(fileURLWithPath: png))
        }
    }
}

/// A scene that cannot be loaded or built; printed as "Error: file:line: field: message"
/// without the usage text, since the command line itself was fine.
private struct RenderFailure: Error, CustomStringConvertible {
    var description: String
}
