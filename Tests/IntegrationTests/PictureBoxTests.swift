import Foundation
import Testing

extension Integration {
    /// A bouncing `box` follows the path documented on `BouncingShape`, exactly in
    /// `camsim render` output and within ±2 px through the encoder and a decoder.
    @Suite
    struct PictureBoxTests {
        /// A white box on black, so thresholding at mid-grey finds it.
        static func sceneYAML(size: Int, speedX: Int, speedY: Int) -> String {
            """
            name: picture-box
            background:
              type: solid
              colour: black
            layers:
              - type: box
                size: \(size)
                speed_x: \(speedX)
                speed_y: \(speedY)
                colour: white
            """
        }

        /// The documented path: tri(p, L) = m ≤ L ? m : 2L − m with m = p mod 2L; the
        /// box's top-left corner at frame n is (tri(n·speedX, W − size), tri(n·speedY, H − size)).
        static func triangle(_ p: Int, _ travel: Int) -> Int {
            guard travel > 0 else { return 0 }
            let m = ((p % (2 * travel)) + 2 * travel) % (2 * travel)
            return m <= travel ? m : 2 * travel - m
        }

        static func expectedCorner(frame n: Int, width: Int, height: Int, size: Int, speedX: Int, speedY: Int) -> (x: Int, y: Int) {
            (triangle(n * speedX, width - size), triangle(n * speedY, height - size))
        }

        /// Luma threshold between black (16) and white (235).
        static let threshold: UInt8 = 125

        @Test
        func renderedBoxFollowsDocumentedPath() async throws {
            // 320x240, 32 px box at 6 and 4 px/frame: x reflects at frame 48 and returns
            // at 96, y reflects at frame 52; 110 frames cover both reflections.
            let (width, height, size, speedX, speedY, count) = (320, 240, 32, 6, 4, 110)
            let sceneFile = PictureDecoder.scratchFile("box.yaml")
            let output = PictureDecoder.scratchFile("box.y4m")
            defer {
                try? FileManager.default.removeItem(at: sceneFile)
                try? FileManager.default.removeItem(at: output)
            }
            try Self.sceneYAML(size: size, speedX: speedX, speedY: speedY).write(to: sceneFile, atomically: true, encoding: .utf8)
            let result = try await CamsimBinary.run([
                "render", sceneFile.path, "--size", "\(width)x\(height)", "--frames", "\(count)",
                "--fps", "30", "--output", output.path,
            ])
            try #require(result.succeeded, "camsim render failed\n\(result)")
            let (_, frames) = try PictureDecoder.readY4M(output)
            try #require(frames.count == count)
            // No encoding: the box must be exactly where the formula puts it, exactly its size.
            var mismatches: [String] = []
            for (n, frame) in frames.enumerated() {
                let e = Self.expectedCorner(frame: n, width: width, height: height, size: size, speedX: speedX, speedY: speedY)
                let found = frame.boundingBox(lumaAbove: Self.threshold)
                if found?.x != e.x || found?.y != e.y || found?.width != size || found?.height != size {
                    mismatches.append("frame \(n): expected (\(e.x),\(e.y) \(size)x\(size)), found \(found.map(\.description) ?? "nothing")")
                }
            }
            let summary = mismatches.prefix(10).joined(separator: "\n")
            #expect(mismatches.isEmpty, "\(mismatches.count) frames off the documented path:\n\(summary)")
        }

        @Test
        func streamedBoxMovesAtDocumentedSpeed() async throws {
            // 640x360, 40 px box at 16 and 12 px/frame, 15 fps: in 45 frames (3 s) the box
            // reflects off the bottom (frame ~27) and the right edge (frame 37.5).
            let (width, height, size, speedX, speedY, count) = (640, 360, 40, 16, 12, 45)
            let scene = try PictureCameras.inline(Self.sceneYAML(size: size, speedX: speedX, speedY: speedY), name: "picture-box")
            let camera = PictureCameras.camera("box", scene: scene, width: width, height: height, fps: 15)
            let frames = try await PictureCameras.decodeFirstFrames(camera, width: width, height: height, count: count)

            // The decoded frames carry no frame index, so map each to the frame index
            // whose documented position it shows: the first among the first 15 indices,
            // each later one among the 4 indices after its predecessor's (a skipped frame
            // slot shows as a step of 2 or more). Encoding blurs the edges a little,
            // hence ±2 px on the corner and the size.
            let tolerance = 2
            func matches(_ box: PictureRect, _ n: Int) -> Bool {
                let e = Self.expectedCorner(frame: n, width: width, height: height, size: size, speedX: speedX, speedY: speedY)
                return abs(box.x - e.x) <= tolerance && abs(box.y - e.y) <= tolerance
            }
            var indices: [Int] = []
            for (k, frame) in frames.enumerated() {
                let box = try #require(frame.boundingBox(lumaAbove: Self.threshold), "no box in decoded frame \(k)")
                #expect(abs(box.width - size) <= tolerance && abs(box.height - size) <= tolerance,
                        "decoded frame \(k): box is \(box), expected \(size)x\(size)")
                let window = indices.last.map { ($0 + 1)...($0 + 4) } ?? 0...14
                guard let n = window.first(where: { matches(box, $0) }) else {
                    Issue.record("decoded frame \(k): box at \(box) matches no frame index in \(window); indices so far \(indices)")
                    return
                }
                indices.append(n)
            }
            let steps = zip(indices, indices.dropFirst()).map { $1 - $0 }
            print("box: decoded frames map to frame indices \(indices)")
            // The camera starts at frame 0 when the first viewer plays.
            #expect(indices.first == 0, "first decoded frame shows frame index \(indices.first ?? -1)")
            // Frame slots are rarely skipped on loopback at 15 fps; allow a few.
            let skips = steps.filter { $0 > 1 }.count
            #expect(skips <= 3, "\(skips) skipped frame slots among \(count) frames: steps \(steps)")
        }
    }
}
