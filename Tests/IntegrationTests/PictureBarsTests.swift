import Foundation
import Frames
import Testing

extension Integration {
    /// The SMPTE bars of the default scene survive camsim's encoder and a real decoder
    /// with the documented Y'CbCr values: BT.709 at 720 lines, BT.601 below.
    @Suite
    struct PictureBarsTests {
        /// Tolerances on the mean over a sample box. At CRF 12 a flat patch decodes
        /// within about one code value of its source; the slack covers x264's
        /// quantisation of the DC level and any ringing that reaches the box from a
        /// patch edge. Chroma gets a little more: it is coded at quarter resolution
        /// with a coarser effective quantiser.
        static let lumaTolerance = 3.0
        static let chromaTolerance = 4.0

        struct Patch {
            var name: String
            var rect: PictureRect
            var expected: YCbCr
        }

        /// The sample boxes, from the layout documented on `SMPTEBars` (not from its
        /// code): each box sits in the middle of its patch, well clear of the patch edges
        /// and of the scene's text (name and clock in the top 12%, counter from 45% to
        /// about 55% of the height, centred), so neither blending nor coding ringing
        /// reaches it.
        static func patches(width w: Int, height h: Int, table t: ColourTable) -> [Patch] {
            let half = max(4, w / 80)  // 8 px at 640, 16 at 1280: bars are w/7 wide
            var out: [Patch] = []
            let names = ["white75", "yellow75", "cyan75", "green75", "magenta75", "red75", "blue75"]
            // Band 1 (rows 0 ..< 2h/3): sample at a quarter of the height, above the counter.
            for (i, colour) in t.bars75.enumerated() {
                let cx = (2 * i + 1) * w / 14
                out.append(Patch(name: "bar \(names[i])", rect: .centred(cx, h / 4, halfSize: half), expected: colour))
            }
            // Band 2 (rows 2h/3 ..< 3h/4): reverse-blue castellations, h/12 tall.
            let band2Half = max(4, h / 40)
            let reverse = [t.blue75, t.black, t.magenta75, t.black, t.cyan75, t.black, t.white75]
            let reverseNames = ["blue75", "black", "magenta75", "black", "cyan75", "black", "white75"]
            for i in 0..<7 {
                let cx = (2 * i + 1) * w / 14, cy = (2 * h / 3 + 3 * h / 4) / 2
                out.append(Patch(name: "castellation \(reverseNames[i])", rect: .centred(cx, cy, halfSize: band2Half), expected: reverse[i]))
            }
            // Band 3 (rows 3h/4 ..< h): -I, white 100%, +Q, black (each 5w/28), then the
            // PLUGE under the red bar (-4%, black, +4%, each w/21) and black under blue.
            let cy3 = (3 * h / 4 + h) / 2
            let lowerHalf = max(4, min(w / 80, h / 30))
            let lower: [(String, Int, YCbCr)] = [
                ("-I", 5 * w / 56, t.minusI),
                ("white100", 15 * w / 56, t.white100),
                ("+Q", 25 * w / 56, t.plusQ),
                ("black (band 3)", 35 * w / 56, t.black),
                ("PLUGE -4%", (15 * w / 21 + 16 * w / 21) / 2, t.plugeBelowBlack),
                ("PLUGE black", (16 * w / 21 + 17 * w / 21) / 2, t.black),
                ("PLUGE +4%", (17 * w / 21 + 18 * w / 21) / 2, t.plugeAboveBlack),
                ("black under blue", 13 * w / 14, t.black),
            ]
            for (name, cx, colour) in lower {
                // PLUGE patches are only w/21 wide: keep the box inside with a margin.
                let halfX = name.hasPrefix("PLUGE") ? max(3, w / 21 / 4) : lowerHalf
                out.append(Patch(
                    name: name,
                    rect: PictureRect(x: cx - halfX, y: cy3 - lowerHalf, width: 2 * halfX, height: 2 * lowerHalf),
                    expected: colour))
            }
            return out
        }

        /// `color_range,color_space,color_transfer,color_primaries` as ffprobe reports them.
        static func colourDescription(_ url: String) async throws -> String {
            let result = try await Clients.ffprobeRTSP(url, [
                "-select_streams", "v:0",
                "-show_entries", "stream=color_range,color_space,color_transfer,color_primaries", "-of", "csv=p=0",
            ], timeoutSeconds: 30)
            try #require(result.succeeded, "ffprobe failed\n\(result)")
            return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        @Test(arguments: [(1280, 720, "bt709"), (640, 360, "bt601")])
        func barsHaveDocumentedValues(size: (Int, Int, String)) async throws {
            let (width, height, standardName) = size
            let table = ColourTable.table(for: ColourStandard.forPicture(height: height))
            #expect(table.standard.rawValue == standardName)
            let camera = PictureCameras.camera("bars", scene: try PictureCameras.shipped("smpte-clock"), width: width, height: height)
            let (frames, colourDescription) = try await TestServer.with(cameras: [camera]) { server in
                let url = server.url(forPath: "bars")
                // The second decoded frame is a P frame: it checks the steady state, not just the IDR.
                let frames = try await PictureDecoder.requireFrames(url, width: width, height: height, count: 2)
                return (frames, try await Self.colourDescription(url))
            }
            // The values only mean what they should if the stream says which matrix it
            // uses: H.264 VUI matrix 1 (bt709) for HD, 6 (smpte170m, i.e. BT.601) for SD,
            // limited ("tv") range.
            let expectedSpace = height >= 720 ? "bt709" : "smpte170m"
            #expect(colourDescription == "tv,\(expectedSpace),\(expectedSpace),\(expectedSpace)",
                    "ffprobe color_range,color_space,color_transfer,color_primaries: \(colourDescription)")
            for (index, frame) in frames.enumerated() {
                var report: [String] = []
                for patch in Self.patches(width: width, height: height, table: table) {
                    let m = frame.means(patch.rect)
                    let e = patch.expected
                    let dy = m.y - Double(e.y), dcb = m.cb - Double(e.cb), dcr = m.cr - Double(e.cr)
                    report.append(
                        patch.name.padding(toLength: 24, withPad: " ", startingAt: 0)
                            + " measured \(m)  documented Y \(e.y) Cb \(e.cb) Cr \(e.cr)"
                            + String(format: "  (dY %+.1f dCb %+.1f dCr %+.1f)", dy, dcb, dcr))
                    #expect(abs(dy) <= Self.lumaTolerance, "\(standardName) frame \(index) \(patch.name) at \(patch.rect): luma \(m.y) vs \(e.y)")
                    #expect(abs(dcb) <= Self.chromaTolerance, "\(standardName) frame \(index) \(patch.name) at \(patch.rect): Cb \(m.cb) vs \(e.cb)")
                    #expect(abs(dcr) <= Self.chromaTolerance, "\(standardName) frame \(index) \(patch.name) at \(patch.rect): Cr \(m.cr) vs \(e.cr)")
                }
                print("SMPTE bars \(width)x\(height) \(standardName), decoded frame \(index):\n" + report.joined(separator: "\n"))
            }
        }
    }
}
