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

        /// `--png` writes a PNG that an independent decoder (ffmpeg's) reads at the right size,
        /// with the 75 % bars at their R'G'B' values: 191 for "on", 0 for "off" (±2).
        @Test(arguments: [(1280, 720), (640, 360)])
        func pngSnapshotHasTheBarsColours(size: (width: Int, height: Int)) async throws {
            let png = PictureDecoder.scratchFile("bars.png")
            let raw = PictureDecoder.scratchFile("bars.rgb")
            defer {
                try? FileManager.default.removeItem(at: png)
                try? FileManager.default.removeItem(at: raw)
            }
            let result = try await CamsimBinary.run([
                "render", "smpte-clock", "--size", "\(size.width)x\(size.height)", "--frames", "3",
                "--png", png.path, "--patterns", TestServer.patternsDirectory.path,
            ])
            try #require(result.succeeded, "camsim render --png failed\n\(result)")
            let decode = await ClientProcess.run(try Clients.ffmpeg(), [
                "-nostdin", "-v", "error", "-i", png.path, "-f", "rawvideo", "-pix_fmt", "rgb24", "-y", raw.path,
            ], timeoutSeconds: 30)
            try #require(decode.succeeded && decode.stderr.isEmpty, "ffmpeg cannot read the PNG\n\(decode)")
            let pixels = [UInt8](try Data(contentsOf: raw))
            try #require(pixels.count == size.width * size.height * 3, "\(pixels.count) bytes of RGB")
            // The seven bars of the top band, sampled at their centres below the text.
            let expected: [(name: String, rgb: [Int])] = [
                ("white", [191, 191, 191]), ("yellow", [191, 191, 0]), ("cyan", [0, 191, 191]), ("green", [0, 191, 0]),
                ("magenta", [191, 0, 191]), ("red", [191, 0, 0]), ("blue", [0, 0, 191]),
            ]
            let y = size.height * 55 / 100
            for (index, bar) in expected.enumerated() {
                let x = (2 * index + 1) * size.width / 14
                let at = (y * size.width + x) * 3
                let measured = Array(pixels[at..<(at + 3)]).map(Int.init)
                #expect(zip(measured, bar.rgb).allSatisfy { abs($0 - $1) <= 2 },
                        "\(bar.name) bar at \(x),\(y): RGB \(measured), expected \(bar.rgb)")
            }
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
