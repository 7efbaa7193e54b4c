import Foundation
import Frames
import H264
import QRReading
import Testing

@Suite("QRLatencyMeter")
struct QRLatencyMeterTests {
    static let patterns = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Patterns")

    /// Frames of the `timecode` scene, encoded by x264 as a camera would, decoded by
    /// libavcodec and read by zbar: each read gives the arrival time less the capture time.
    @Test func readsTheCaptureTimeOfTimecodeFrames() throws {
        let scene = try SceneLibrary(directory: Self.patterns).scene(named: "timecode")
        let renderer = try scene.makeRenderer(width: 640, height: 360)
        let encoder = try H264Encoder(settings: EncoderSettings(width: 640, height: 360, frameRate: FrameRate(numerator: 15), gop: 30))
        let meter = try QRLatencyMeter(maxScansPerSecond: 5)
        let start: Int64 = 1_795_688_100_000_000_000
        var latencies: [Double] = []
        for index in Int64(0)..<12 {
            // Frames 250 ms apart on the wall clock, so the meter scans every one.
            let captured = start + index * 250_000_000 + 123_456
            renderer.render(
                into: encoder.inputPicture,
                context: FrameContext(frameIndex: index, mediaTime: Double(index) / 4, wallClockNanos: captured, cameraName: "cam", frameRate: 15))
            let nalUnits = try encoder.encode(frameIndex: index, forceIDR: false) { nals, _ in
                nals.map { Array(UnsafeRawBufferPointer($0)) }
            }
            guard let nalUnits else { continue }
            latencies += meter.accessUnit(nalUnits: nalUnits, arrivalUnixNanoseconds: captured + 40_000_000)
        }
        // The QR code carries the capture time truncated to the millisecond.
        #expect(latencies.count >= 10)
        #expect(latencies.allSatisfy { $0 >= 40 && $0 < 41 })
        #expect(meter.codesRead == latencies.count)
    }

    @Test func limitsScansToTheRateGiven() throws {
        let scene = try SceneLibrary(directory: Self.patterns).scene(named: "timecode")
        let renderer = try scene.makeRenderer(width: 320, height: 180)
        let encoder = try H264Encoder(settings: EncoderSettings(width: 320, height: 180, frameRate: FrameRate(numerator: 15), gop: 30))
        let meter = try QRLatencyMeter(maxScansPerSecond: 2)
        for index in Int64(0)..<15 {
            let captured = Int64(1_795_688_100_000_000_000) + index * 66_666_667
            renderer.render(
                into: encoder.inputPicture,
                context: FrameContext(frameIndex: index, mediaTime: Double(index) / 15, wallClockNanos: captured, cameraName: "cam", frameRate: 15))
            if let nalUnits = try encoder.encode(frameIndex: index, forceIDR: false, { nals, _ in nals.map { Array(UnsafeRawBufferPointer($0)) } }) {
                _ = meter.accessUnit(nalUnits: nalUnits, arrivalUnixNanoseconds: captured)
            }
        }
        // One second of frames: a scan at 0 ms and one at 533 ms or later.
        #expect(meter.scans == 2)
    }

    @Test func brokenInputGivesNothing() throws {
        let meter = try QRLatencyMeter()
        #expect(meter.accessUnit(nalUnits: [[0x65, 0xFF, 0x00, 0x13]], arrivalUnixNanoseconds: 0).isEmpty)
        #expect(meter.accessUnit(nalUnits: [], arrivalUnixNanoseconds: 0).isEmpty)
        #expect(meter.scans == 0)
    }
}
