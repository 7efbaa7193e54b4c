import Foundation
import Testing

extension Integration {
    /// The `noise` scene is alive (every frame has fresh noise) and reproducible (the
    /// seed fixes it): two servers with the same seed send the same first picture.
    @Suite
    struct PictureNoiseTests {
        static let width = 640
        static let height = 360

        /// Consecutive frames carry independent luma noise of standard deviation 8:
        /// the difference of two such samples has a mean absolute value of
        /// 8·√2·√(2/π) ≈ 9 code values. Even if the encoder smooths part of the noise
        /// away, what is left must clearly exceed this.
        static let freshNoise = 3.0

        /// Same seed, same first frame: x264 on one thread is deterministic and the
        /// scene has no wall-clock content, so the decoded first IDR frames should be
        /// byte-identical. The tolerance only allows a handful of samples to differ by
        /// a code value (a mean of 0.05 is under 3% of the samples off by one).
        static let sameSeed = 0.05

        /// A different seed changes every noise sample: like consecutive frames.
        static let differentSeed = 3.0

        func firstFrames(seed: UInt64, count: Int) async throws -> [PictureFrame] {
            let camera = PictureCameras.camera(
                "noise", scene: try PictureCameras.shipped("noise"), width: Self.width, height: Self.height, seed: seed)
            return try await PictureCameras.decodeFirstFrames(camera, width: Self.width, height: Self.height, count: count)
        }

        @Test
        func consecutiveFramesDiffer() async throws {
            let camera = PictureCameras.camera(
                "noise", scene: try PictureCameras.shipped("noise"), width: Self.width, height: Self.height, seed: 7)
            let (frames, skipped) = try await TestServer.with(cameras: [camera]) { server in
                let frames = try await PictureDecoder.requireFrames(
                    server.url(forPath: "noise"), width: Self.width, height: Self.height, count: 6)
                return (frames, server.stream(atPath: "noise")?.counters.snapshot.framesSkipped ?? -1)
            }
            // A skipped frame slot does not repeat a picture: the next frame is a new index
            // with new noise. The count is printed to explain gaps in timing, nothing more.
            print("noise: camera skipped \(skipped) frame slots while serving")
            let diffs = (0..<(frames.count - 1)).map { frames[$0 + 1].meanAbsLumaDifference(from: frames[$0]) }
            print("noise: consecutive-frame mean abs luma diffs " + diffs.map { String(format: "%.2f", $0) }.joined(separator: " "))
            for (i, d) in diffs.enumerated() {
                #expect(d > Self.freshNoise, "decoded frames \(i) and \(i + 1) differ by only \(d) on average")
            }
        }

        @Test
        func seedFixesTheFirstFrame() async throws {
            // One server at a time: each starts its camera from frame 0 on PLAY.
            let a = try await firstFrames(seed: 7, count: 1)[0]
            let b = try await firstFrames(seed: 7, count: 1)[0]
            let c = try await firstFrames(seed: 8, count: 1)[0]
            let same = b.meanAbsLumaDifference(from: a)
            let differing = zip(a.bytes, b.bytes).filter { $0 != $1 }.count
            let other = c.meanAbsLumaDifference(from: a)
            print(String(format: "noise: seed 7 vs seed 7 mean abs luma diff %.4f (%d of %d bytes differ); seed 7 vs seed 8 %.2f",
                         same, differing, a.bytes.count, other))
            #expect(same <= Self.sameSeed, "same seed, first frames differ by \(same) on average (\(differing) bytes)")
            #expect(other > Self.differentSeed, "different seeds, first frames differ by only \(other)")
        }
    }
}
