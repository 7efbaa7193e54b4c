import Foundation
import Frames
import Testing

extension Integration {
    /// The frame counter and the clock of the default scene really move in the decoded
    /// stream: the counter on every frame, the clock's seconds once a second, its
    /// hours and minutes not in between.
    @Suite
    struct PictureClockTests {
        static let width = 640
        static let height = 360
        static let fps = 10
        /// 2.5 s of video.
        static let frameCount = 25

        /// A text region "changed" when its mean absolute luma difference exceeds this.
        /// A changed digit at this size (20 px glyphs, white on a 60% black box) moves
        /// hundreds of samples by 100+ code values: the region mean moves by well over
        /// 10. An unchanged region in a CRF 12 P frame is coded as skip or near-skip
        /// blocks: its mean difference stays well under 1. The threshold sits between.
        static let changed = 3.0

        @Test
        func counterAndClockAdvance() async throws {
            let scene = try PictureCameras.shipped("smpte-clock")
            let layers = try PictureTextRegions.textLayers(of: scene, width: Self.width, height: Self.height)
            // smpte-clock draws, in order: camera name, clock, frame counter.
            try #require(layers.count == 3, "smpte-clock should have three text layers")
            let clockLayer = layers[1], counterLayer = layers[2]
            let context = FrameContext(
                frameIndex: 0, mediaTime: 0, wallClockNanos: 1_767_225_600_000_000_000,
                cameraName: "clock", seed: 42, frameRate: Double(Self.fps))
            // "2026-01-01 00:00:00.000": hh:mm is characters 11..<16, the seconds 17..<19,
            // the milliseconds 20..<23.
            let clockSample = clockLayer.template.render(context: context, width: Self.width, height: Self.height)
            try #require(clockSample == "2026-01-01 00:00:00.000", "unexpected clock text \(clockSample)")
            let hoursMinutes = try PictureTextRegions.region(of: 11..<16, in: clockSample, layer: clockLayer)
            let seconds = try PictureTextRegions.region(of: 17..<19, in: clockSample, layer: clockLayer)
            let milliseconds = try PictureTextRegions.region(of: 20..<23, in: clockSample, layer: clockLayer)
            // "#000000  0.000s  10 fps": the counter's units digit is character 6 (it is
            // the digit that changes on every frame; the region of all six would dilute
            // a one-digit change six times).
            let counterSample = counterLayer.template.render(context: context, width: Self.width, height: Self.height)
            try #require(counterSample.hasPrefix("#000000 "), "unexpected counter text \(counterSample)")
            let counter = try PictureTextRegions.region(of: 6..<7, in: counterSample, layer: counterLayer)
            print("regions: hh:mm \(hoursMinutes), ss \(seconds), ms \(milliseconds), counter \(counter)")

            let camera = PictureCameras.camera("clock", scene: scene, width: Self.width, height: Self.height, fps: Self.fps)
            let frames = try await PictureCameras.decodeFirstFrames(
                camera, width: Self.width, height: Self.height, count: Self.frameCount)

            func diff(_ a: Int, _ b: Int, _ r: PictureRect) -> Double {
                frames[b].meanAbsLumaDifference(from: frames[a], in: r)
            }
            let pairs = 0..<(frames.count - 1)
            let counterDiffs = pairs.map { diff($0, $0 + 1, counter) }
            let msDiffs = pairs.map { diff($0, $0 + 1, milliseconds) }
            let secondDiffs = pairs.map { diff($0, $0 + 1, seconds) }
            let minuteDiffs = pairs.map { diff($0, $0 + 1, hoursMinutes) }
            func show(_ values: [Double]) -> String { values.map { String(format: "%.1f", $0) }.joined(separator: " ") }
            print("consecutive-frame luma diffs\n counter \(show(counterDiffs))\n ms      \(show(msDiffs))\n ss      \(show(secondDiffs))\n hh:mm   \(show(minuteDiffs))")

            // The counter's units digit changes on every frame (each decoded frame is a new
            // frame index, and a skipped slot would still change it unless exactly 10 were
            // skipped), and so do the milliseconds (100 ms apart at 10 fps).
            for (i, d) in counterDiffs.enumerated() {
                #expect(d > Self.changed, "counter digits did not change between decoded frames \(i) and \(i + 1) (diff \(d))")
            }
            for (i, d) in msDiffs.enumerated() {
                #expect(d > Self.changed, "clock milliseconds did not change between decoded frames \(i) and \(i + 1) (diff \(d))")
            }

            // Frames at least one second apart always show different seconds.
            for i in 0..<(frames.count - Self.fps) {
                let d = diff(i, i + Self.fps, seconds)
                #expect(d > Self.changed, "seconds equal in decoded frames \(i) and \(i + Self.fps), 1 s apart (diff \(d))")
            }
            // Within the run the seconds change 2 or 3 times (2.4 s between the first and
            // last frame), at least 9 frames apart (a second at 10 fps, less one for
            // rounding of the frame slots against the wall clock).
            let secondChanges = secondDiffs.indices.filter { secondDiffs[$0] > Self.changed }
            #expect((2...3).contains(secondChanges.count), "seconds changed at pairs \(secondChanges)")
            for (a, b) in zip(secondChanges, secondChanges.dropFirst()) {
                #expect(b - a >= Self.fps - 1, "seconds changed at pairs \(a) and \(b), less than a second apart")
            }
            // hh:mm only changes together with the seconds (a minute boundary), at most once.
            let minuteChanges = minuteDiffs.indices.filter { minuteDiffs[$0] > Self.changed }
            #expect(minuteChanges.count <= 1, "hh:mm changed at pairs \(minuteChanges)")
            #expect(Set(minuteChanges).isSubset(of: Set(secondChanges)), "hh:mm changed at \(minuteChanges) without the seconds")
        }
    }
}
