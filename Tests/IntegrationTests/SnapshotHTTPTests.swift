import Config
import Foundation
import Frames
import Testing

extension Integration {
    /// `GET /api/v1/cameras/{path}/snapshot.jpg` from a real HTTP client, the JPEG read by
    /// ffprobe and decoded by ffmpeg.
    @Suite
    struct SnapshotHTTPTests {
        /// A config of one `smpte-clock` camera `cam` with a `main` stream of `width`×`height`
        /// and a 320×180 `sub` stream.
        static func config(width: Int = 640, height: Int = 360) -> CamsimConfig {
            var config = TestControlServer.config(cameras: ["cam"])
            config.cameras[0].streams = [
                StreamConfig(name: "main", width: width, height: height, fps: 15, gop: 30),
                StreamConfig(name: "sub", width: 320, height: 180, fps: 15, gop: 30),
            ]
            return config
        }

        /// Writes `jpeg` to a scratch file and returns ffprobe's `codec,width,height` for it.
        static func probe(_ jpeg: Data) async throws -> String {
            let file = PictureDecoder.scratchFile("snapshot.jpg")
            defer { try? FileManager.default.removeItem(at: file) }
            try jpeg.write(to: file)
            let result = await ClientProcess.run(try Clients.ffprobe(), [
                "-v", "error", "-select_streams", "v:0",
                "-show_entries", "stream=codec_name,width,height", "-of", "csv=p=0", file.path,
            ], timeoutSeconds: 30)
            try #require(result.succeeded, "ffprobe failed\n\(result)")
            return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// Decodes `jpeg` with ffmpeg to packed R'G'B' (its JFIF decoder and colour conversion).
        static func decodeRGB(_ jpeg: Data, width: Int, height: Int) async throws -> [UInt8] {
            let input = PictureDecoder.scratchFile("snapshot.jpg"), output = PictureDecoder.scratchFile("snapshot.rgb")
            defer {
                try? FileManager.default.removeItem(at: input)
                try? FileManager.default.removeItem(at: output)
            }
            try jpeg.write(to: input)
            let result = await ClientProcess.run(try Clients.ffmpeg(), [
                "-nostdin", "-v", "error", "-i", input.path, "-f", "rawvideo", "-pix_fmt", "rgb24", "-y", output.path,
            ], timeoutSeconds: 30)
            try #require(result.succeeded, "ffmpeg failed\n\(result)")
            let pixels = [UInt8](try Data(contentsOf: output))
            try #require(pixels.count == width * height * 3, "decoded \(pixels.count) bytes")
            return pixels
        }

        static func mean(_ pixels: [UInt8], width: Int, _ rect: PictureRect) -> (Double, Double, Double) {
            var sums = (0, 0, 0)
            for y in rect.y..<(rect.y + rect.height) {
                for x in rect.x..<(rect.x + rect.width) {
                    let at = (y * width + x) * 3
                    sums.0 += Int(pixels[at]); sums.1 += Int(pixels[at + 1]); sums.2 += Int(pixels[at + 2])
                }
            }
            let n = Double(rect.width * rect.height)
            return (Double(sums.0) / n, Double(sums.1) / n, Double(sums.2) / n)
        }

        /// The bars decode to the R'G'B' their documented Y'CbCr values mean, within a few
        /// code values: the picture went through the JFIF conversion (BT.709 or BT.601
        /// limited range to JFIF's full-range BT.601), JPEG at quality 85 and ffmpeg's
        /// decoder. −I, +Q and PLUGE −4% lie outside the R'G'B' cube and are left out.
        @Test(arguments: [(640, 360), (1280, 720)])
        func barsHaveTheirColours(size: (Int, Int)) async throws {
            let (width, height) = size
            let jpeg = try await TestControlServer.with(config: Self.config(width: width, height: height)) { api in
                let reply = try await api.client().get("/api/v1/cameras/cam/snapshot.jpg")
                try #require(reply.status == 200, "\(reply)")
                #expect(reply.headers["content-type"] == "image/jpeg")
                #expect(reply.headers["cache-control"] == "no-store")
                // Drawn apart from the encoder: a snapshot opens no encoder.
                let stream = try #require(api.server.stream(atPath: "cam"))
                #expect(try await stream.isEncoderOpen().get() == false)
                return reply.body
            }
            #expect(try await Self.probe(jpeg) == "mjpeg,\(width),\(height)")
            let pixels = try await Self.decodeRGB(jpeg, width: width, height: height)
            let standard = ColourStandard.forPicture(height: height)
            let skipped: Set<String> = ["-I", "+Q", "PLUGE -4%"]
            var report: [String] = []
            var checked = 0
            for patch in Integration.PictureBarsTests.patches(width: width, height: height, table: .table(for: standard))
            where !skipped.contains(patch.name) {
                let got = Self.mean(pixels, width: width, patch.rect)
                let e = patch.expected
                let want = standard.decode(y: e.y, cb: e.cb, cr: e.cr)
                let (r, g, b) = (want.r * 255, want.g * 255, want.b * 255)
                report.append(String(format: "%@ R %.1f/%.1f G %.1f/%.1f B %.1f/%.1f", patch.name, got.0, r, got.1, g, got.2, b))
                let message = "\(width)x\(height) \(patch.name) at \(patch.rect): got \(got), want (\(r), \(g), \(b))"
                #expect(abs(got.0 - r) <= 4 && abs(got.1 - g) <= 4 && abs(got.2 - b) <= 4, "\(message)")
                checked += 1
            }
            #expect(checked >= 18)
            print("snapshot bars \(width)x\(height) (decoded / expected):\n" + report.joined(separator: "\n"))
        }

        @Test
        func widthAndStreamChooseTheSize() async throws {
            let sizes = try await TestControlServer.with(config: Self.config()) { api in
                var sizes: [String] = []
                for query in ["?width=320", "?width=321", "?width=5000", "?stream=sub", "?stream=sub&width=160", "?stream=main&width=100"] {
                    let reply = try await api.client().get("/api/v1/cameras/cam/snapshot.jpg" + query)
                    try #require(reply.status == 200, "\(query): \(reply)")
                    sizes.append(try await Self.probe(reply.body))
                }
                return sizes
            }
            #expect(sizes == [
                "mjpeg,320,180", "mjpeg,320,180", "mjpeg,640,360", "mjpeg,320,180", "mjpeg,160,90", "mjpeg,100,56",
            ])
        }

        @Test
        func badRequestsGetClearAnswers() async throws {
            try await TestControlServer.with(config: Self.config()) { api in
                let client = api.client()
                let cases: [(String, Int, String)] = [
                    ("/api/v1/cameras/nope/snapshot.jpg", 404, "no camera at 'nope'"),
                    ("/api/v1/cameras/cam/snapshot.jpg?stream=third", 404, "has no stream 'third'"),
                    ("/api/v1/cameras/cam/snapshot.jpg?width=0", 400, "width must be"),
                    ("/api/v1/cameras/cam/snapshot.jpg?width=abc", 400, "width must be"),
                    ("/api/v1/cameras/cam/snapshot.jpg?width=99999", 400, "width must be"),
                    ("/api/v1/cameras/cam/snapshot.jpg?stream=", 400, "stream must name"),
                ]
                for (path, status, message) in cases {
                    let reply = try await client.get(path)
                    #expect(reply.status == status, "\(path): \(reply)")
                    #expect((reply.json["error"] as? String)?.contains(message) == true, "\(path): \(reply)")
                }
                // Offline, the camera answers no snapshot either; back online it does.
                #expect(api.server.takeCameraOffline(at: "cam"))
                let offline = try await client.get("/api/v1/cameras/cam/snapshot.jpg")
                #expect(offline.status == 409, "\(offline)")
                #expect((offline.json["error"] as? String) == "camera 'cam' is offline")
                #expect(api.server.bringCameraOnline(at: "cam"))
                #expect(try await client.get("/api/v1/cameras/cam/snapshot.jpg").status == 200)
            }
        }

        @Test
        func snapshotsFollowTheClock() async throws {
            // The scene draws a clock and a frame counter: a later snapshot shows another picture.
            try await TestControlServer.with(config: Self.config()) { api in
                let client = api.client()
                let first = try await client.get("/api/v1/cameras/cam/snapshot.jpg?width=320")
                try #require(first.status == 200)
                let changed = try await Poll.until(timeoutSeconds: 10, intervalSeconds: 0.2) {
                    let next = try await client.get("/api/v1/cameras/cam/snapshot.jpg?width=320")
                    return next.status == 200 && next.body != first.body
                }
                #expect(changed, "snapshots stayed the same for 10 s")
            }
        }

        @Test
        func aFrozenPictureFaultHoldsTheSnapshotStill() async throws {
            try await TestControlServer.with(config: Self.config()) { api in
                let client = api.client()
                let set = try await client.put(
                    "/api/v1/cameras/cam/faults", json: #"{"frozen_picture": {"at": "0s", "for": "1h"}}"#)
                try #require(set.status == 200 || set.status == 204, "\(set)")
                let first = try await client.get("/api/v1/cameras/cam/snapshot.jpg?width=320")
                try #require(first.status == 200, "\(first)")
                // For a second (15 frame slots) every snapshot is the picture from the freeze.
                let until = Date().addingTimeInterval(1)
                var taken = 0
                while Date() < until {
                    let frozen = try await client.get("/api/v1/cameras/cam/snapshot.jpg?width=320")
                    #expect(frozen.body == first.body, "the snapshot moved under a frozen picture")
                    taken += 1
                }
                #expect(taken >= 2)
                // Cleared, the picture moves on.
                #expect(try await client.delete("/api/v1/cameras/cam/faults").status == 204)
                let moved = try await Poll.until(timeoutSeconds: 10, intervalSeconds: 0.2) {
                    try await client.get("/api/v1/cameras/cam/snapshot.jpg?width=320").body != first.body
                }
                #expect(moved, "the snapshot stayed frozen after the fault was cleared")
            }
        }
    }
}
