import Foundation
import Testing

extension Integration {
    /// Every scene shipped in `Patterns/` renders with `camsim render` and streams
    /// through an RTSP camera that a real decoder plays without complaint.
    @Suite
    struct PictureShippedScenesTests {
        static let width = 320
        static let height = 240
        static let frames = 5

        /// The scene names: the stems of `Patterns/*.yaml`.
        static let sceneNames: [String] = {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: TestServer.patternsDirectory.path)) ?? []
            return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
        }()

        @Test
        func patternsDirectoryHasScenes() {
            #expect(Self.sceneNames.count >= 8, "found \(Self.sceneNames)")
            #expect(Self.sceneNames.contains("smpte-clock"))
        }

        @Test(arguments: sceneNames)
        func renders(scene: String) async throws {
            let output = PictureDecoder.scratchFile("\(scene).y4m")
            defer { try? FileManager.default.removeItem(at: output) }
            let result = try await CamsimBinary.run([
                "render", scene, "--size", "\(Self.width)x\(Self.height)", "--frames", "\(Self.frames)",
                "--output", output.path, "--patterns", TestServer.patternsDirectory.path,
            ])
            try #require(result.succeeded, "camsim render \(scene) failed\n\(result)")

            // Exactly the header line plus five "FRAME\n"-prefixed I420 frames.
            let data = try Data(contentsOf: output)
            let headerLength = try #require(data.firstIndex(of: 0x0A)).advanced(by: 1) - data.startIndex
            let header = String(decoding: data.prefix(headerLength), as: UTF8.self)
            #expect(header.hasPrefix("YUV4MPEG2 W\(Self.width) H\(Self.height) "), "header \(header)")
            let frameBytes = "FRAME\n".utf8.count + PictureFrame.byteCount(width: Self.width, height: Self.height)
            #expect(data.count == headerLength + Self.frames * frameBytes,
                    "\(scene): \(data.count) bytes, expected \(headerLength) + \(Self.frames) x \(frameBytes)")

            let probe = await ClientProcess.run(try Clients.ffprobe(), [
                "-v", "error", "-select_streams", "v:0", "-count_frames",
                "-show_entries", "stream=width,height,nb_read_frames", "-of", "csv=p=0", output.path,
            ], timeoutSeconds: 30)
            try #require(probe.succeeded, "ffprobe cannot read \(scene).y4m\n\(probe)")
            #expect(probe.stderr.isEmpty, "ffprobe complained about \(scene).y4m:\n\(probe.stderr)")
            #expect(probe.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "\(Self.width),\(Self.height),\(Self.frames)",
                    "ffprobe read \(scene).y4m as \(probe.stdout)")
        }

        @Test(arguments: sceneNames)
        func streams(scene: String) async throws {
            let camera = PictureCameras.camera(
                "scene", scene: try PictureCameras.shipped(scene), width: Self.width, height: Self.height, crf: 23)
            try await TestServer.with(cameras: [camera]) { server in
                let result = try await Clients.ffmpegPull(
                    server.url(forPath: "scene"), transport: "tcp",
                    output: ["-an", "-frames:v", "\(Self.frames)", "-f", "framemd5", "-"], timeoutSeconds: 30)
                try #require(result.succeeded, "ffmpeg could not play \(scene)\n\(result)")
                #expect(result.stderr.isEmpty, "ffmpeg reported errors for \(scene) at -v error:\n\(result.stderr)")
                let lines = result.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
                #expect(lines.count == Self.frames, "\(scene): decoded \(lines.count) frames\n\(result.stdout)")
                // framemd5 lines end "..., <size>, <md5>": each frame is a whole 320x240 I420 picture.
                for line in lines {
                    let fields = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    #expect(fields.count >= 6 && Int(fields[4]) == PictureFrame.byteCount(width: Self.width, height: Self.height),
                            "\(scene): unexpected frame line \(line)")
                }
            }
        }
    }
}
