import Cameras
import Foundation
import Frames
import H264
import Server
import Testing

extension Integration {
    /// The `timecode` scene's QR code survives x264 at a stream's default settings
    /// (2000 kbit/s, ultrafast, zerolatency, 30 fps) and ffmpeg's decoder: zbar reads it in
    /// nearly every decoded frame, and what it reads is each frame's slot on the timeline,
    /// one frame interval per frame number.
    @Suite
    struct QRTimecodeTests {
        static let fps = 30
        /// Three seconds of video.
        static let frameCount = 90

        /// The QR's text: "2026-11-26T10:15:00.033Z 1".
        struct Reading: Equatable {
            var unixMilliseconds: Int64
            var frame: Int64

            init?(_ text: String) {
                let parts = text.split(separator: " ")
                guard parts.count == 2, let frame = Int64(parts[1]) else { return nil }
                let formatter = ISO8601DateFormatter()
                formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
                guard let date = formatter.date(from: String(parts[0])) else { return nil }
                unixMilliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
                self.frame = frame
            }
        }

        /// A camera drawing `timecode` with the defaults a configured stream gets.
        static func camera(width: Int, height: Int) throws -> CameraDefinition {
            let scene = try PictureCameras.shipped("timecode")
            let stream = StreamDefinition(
                cameraName: "timecode", streamName: "main",
                encoder: EncoderSettings(width: width, height: height, frameRate: FrameRate(numerator: fps)),
                maxPacketSize: 1400, idleStopDelayNanoseconds: 0, alwaysOn: false, seed: 42,
                makeSource: { w, h in try scene.makeRenderer(width: w, height: h) })
            return CameraDefinition(path: "timecode", streams: [stream])
        }

        @Test(arguments: [(1280, 720, 0.95), (640, 360, 0.90)])
        func zbarReadsTheCaptureTimeOfEveryFrame(width: Int, height: Int, required: Double) async throws {
            #expect(EncoderSettings(width: width, height: height, frameRate: FrameRate(numerator: Self.fps)).rateControl
                == .averageBitrate(kbps: 2000))
            let start = Date()
            let frames = try await PictureCameras.decodeFirstFrames(
                try Self.camera(width: width, height: height), width: width, height: height, count: Self.frameCount)
            let texts = try await QRCodeReader.read(frames)
            let readings = texts.map { $0.flatMap(Reading.init) }
            let read = readings.compactMap { $0 }
            let share = Double(read.count) / Double(frames.count)
            print("\(width)x\(height): zbar read \(read.count) of \(frames.count) frames (\(String(format: "%.1f", share * 100)) %)")
            #expect(share >= required, "read \(read.count) of \(frames.count): \(texts)")
            // Whatever zbar read is well-formed.
            #expect(texts.compactMap { $0 }.count == read.count, "unparseable: \(texts)")
            guard let first = read.first else { return }

            // Each reading is the slot of its frame number: the first reading's time plus
            // the frames between at 1/30 s each (the text truncates to the millisecond).
            let interval = 1000.0 / Double(Self.fps)
            for r in read {
                let expected = Double(first.unixMilliseconds) + Double(r.frame - first.frame) * interval
                #expect(abs(Double(r.unixMilliseconds) - expected) <= 1, "frame \(r.frame) reads \(r.unixMilliseconds), expected \(expected)")
            }
            // Frame numbers rise through the decoded frames, one per frame unless the
            // camera skipped a slot under load (the time then skips with it, as checked above).
            var steps: [Int64] = []
            var previous: (index: Int, reading: Reading)?
            for (index, reading) in readings.enumerated() {
                guard let reading else { continue }
                if let previous {
                    let step = reading.frame - previous.reading.frame
                    #expect(step >= Int64(index - previous.index), "frame numbers \(previous.reading.frame) then \(reading.frame)")
                    if index == previous.index + 1 { steps.append(step) }
                }
                previous = (index, reading)
            }
            let singleSteps = steps.filter { $0 == 1 }.count
            #expect(Double(singleSteps) >= 0.9 * Double(steps.count), "steps between adjacent frames: \(steps)")
            // The times are this run's wall clock: captured after the test began and before it read them.
            let startMilliseconds = Int64(start.timeIntervalSince1970 * 1000)
            #expect(first.unixMilliseconds >= startMilliseconds - 1000)
            #expect(read.last!.unixMilliseconds <= Int64(Date().timeIntervalSince1970 * 1000))
        }
    }
}
