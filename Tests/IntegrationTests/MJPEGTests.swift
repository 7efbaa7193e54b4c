import Foundation
import Frames
import Testing

extension Integration {
    /// `codec: jpeg` (RFC 2435) through real clients: ffprobe names it, ffmpeg and
    /// GStreamer's `rtpjpegdepay ! jpegdec` decode it, and the bars keep their colours.
    @Suite
    struct MJPEGTests {
        /// 640x360: BT.601, which is also the JPEG's own matrix (JFIF), so the decoded
        /// limited-range values compare directly with the documented ones.
        static let config = """
            cameras:
              - path: mjpeg
                scene: smpte-clock
                streams: [{name: main, size: 640x360, fps: 10, codec: jpeg, jpeg_quality: 90}]
            """

        @Test
        func ffmpegDecodesTheBarsToTheirColours() async throws {
            let (probe, frames) = try await ConfigServer.with(try ConfigServer.parse(Self.config)) { server in
                let url = server.url(forPath: "mjpeg")
                let probe = try await Clients.ffprobeRTSP(url, [
                    "-select_streams", "v:0", "-show_entries", "stream=codec_name,width,height", "-of", "csv=p=0",
                ], timeoutSeconds: 30)
                // The second frame too: every frame stands alone, none leans on the first.
                let frames = try await PictureDecoder.requireFrames(url, width: 640, height: 360, count: 2)
                return (probe, frames)
            }
            #expect(probe.succeeded && probe.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "mjpeg,640,360", "\(probe)")
            let table = ColourTable.table(for: .bt601)
            // JFIF's full range starts at black: the PLUGE's −4 % (Y 7, below black) clamps
            // to black in the JPEG, so it decodes as Y 16 and is left out.
            let patches = PictureBarsTests.patches(width: 640, height: 360, table: table).filter { $0.name != "PLUGE -4%" }
            #expect(patches.count == 21)
            for (index, frame) in frames.enumerated() {
                for patch in patches {
                    let m = frame.means(patch.rect), e = patch.expected
                    let place = "frame \(index) \(patch.name) at \(patch.rect): \(m) vs Y \(e.y) Cb \(e.cb) Cr \(e.cr)"
                    #expect(abs(m.y - Double(e.y)) <= PictureBarsTests.lumaTolerance, "\(place)")
                    #expect(abs(m.cb - Double(e.cb)) <= PictureBarsTests.chromaTolerance, "\(place)")
                    #expect(abs(m.cr - Double(e.cr)) <= PictureBarsTests.chromaTolerance, "\(place)")
                }
            }
        }

        @Test(arguments: ["tcp", "udp"])
        func gstreamerDepayloadsAndDecodes(transport: String) async throws {
            let gst = try Clients.gstLaunch()
            try await ConfigServer.with(try ConfigServer.parse(Self.config)) { server in
                let result = await ClientProcess.run(gst, [
                    "rtspsrc", "location=\(server.url(forPath: "mjpeg"))", "protocols=\(transport)",
                    "!", "rtpjpegdepay", "!", "jpegdec", "!", "video/x-raw,width=640,height=360",
                    "!", "fakesink", "num-buffers=15",
                ], timeoutSeconds: 30)
                #expect(result.gstreamerPlayedToTheEnd, "\(result)")
            }
        }
    }
}
