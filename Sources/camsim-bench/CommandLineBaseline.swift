import Foundation
import Frames
import H264

/// A command-line encoder (`x264`, `x265`) run on the very frames a camera pipeline
/// draws, written once as a Y4M file: the same-run baseline of the per-frame encode
/// figures. The tool's CPU is its process's, read from this process's waited-for
/// children.
struct CommandLineBaseline {
    let directory: URL
    let input: URL
    let frames: Int

    /// Draws `frames` frames of `scene` and writes them as Y4M into a fresh temporary
    /// directory named after `label`.
    init(_ label: String, scene: Scene, settings: EncoderSettings, frames: Int) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("camsim-bench-\(label)-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        input = directory.appendingPathComponent("frames.y4m")
        self.frames = frames
        let rate = settings.frameRate
        let pictures = try PrerenderedFrames.render(
            scene, settings: settings, count: frames, context: { PrerenderedFrames.context($0, frameRate: rate) }).pictures
        let writer = try Y4MWriter(
            url: input, width: settings.width, height: settings.height,
            frameRate: (rate.numerator, rate.denominator))
        for picture in pictures { try writer.write(picture.view) }
        try writer.close()
    }

    /// Deletes the frames and whatever the tool wrote.
    func remove() { try? FileManager.default.removeItem(at: directory) }

    /// Runs `tool` with `arguments(input, output)` and returns milliseconds of its CPU
    /// per frame and the size of what it wrote.
    func run(_ tool: String, outputName: String, arguments: (URL, URL) -> [String]) throws -> (Double, Int) {
        let output = directory.appendingPathComponent(outputName)
        let process = Process()
        process.executableURL = try Self.locate(tool)
        process.arguments = arguments(input, output)
        process.standardOutput = FileHandle.nullDevice
        let before = childCPUNanoseconds()
        try process.run()
        process.waitUntilExit()
        let elapsed = childCPUNanoseconds() - before
        guard process.terminationStatus == 0 else {
            throw BenchError.protocolError("\(tool) exited with status \(process.terminationStatus)")
        }
        let size = (try FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int) ?? 0
        precondition(size > 0)
        return (Double(elapsed) / 1e6 / Double(frames), size)
    }

    /// An executable on PATH.
    static func locate(_ name: String) throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw BenchError.protocolError("\(name) is not on PATH (Debian: apt install \(name))")
    }
}

/// CPU time (user and system) of the waited-for children of this process, in nanoseconds.
func childCPUNanoseconds() -> Int64 {
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    let user = Int64(usage.ru_utime.tv_sec) * 1_000_000_000 + Int64(usage.ru_utime.tv_usec) * 1000
    let system = Int64(usage.ru_stime.tv_sec) * 1_000_000_000 + Int64(usage.ru_stime.tv_usec) * 1000
    return user + system
}
