import Frames
import H264
import NIOConcurrencyHelpers
import RTP
import Testing
@testable import Cameras

/// Fills the picture with a grey level that steps with the frame index.
private final class SteppingGrey: FrameSource {
    func render(into picture: PictureView, context: FrameContext) {
        picture.fill(YCbCr(y: UInt8(16 + (context.frameIndex * 7) % 200), cb: 128, cr: 128))
    }
}

@Suite("Loop media source")
struct LoopMediaSourceTests {
    /// 2 s at 10 fps with a GOP of 5: 20 frames, IDRs at 0, 5, 10, 15.
    static func definition(library: LoopLibrary, scene: String = "grey") -> StreamDefinition {
        var definition = StreamDefinition(
            cameraName: "cam-01",
            encoder: EncoderSettings(width: 64, height: 48, frameRate: FrameRate(numerator: 10), gop: 5),
            seed: 7, makeSource: { _, _ in SteppingGrey() })
        definition.playAsLoop(seconds: 2, scene: scene, codec: "h264", cameraText: nil, library: library)
        return definition
    }

    static func request(_ frame: Int64, forceIDR: Bool = false) -> AccessUnitRequest {
        AccessUnitRequest(
            context: FrameContext(frameIndex: frame, mediaTime: Double(frame) / 10, wallClockNanos: 0, cameraName: "cam-01"),
            forceIDR: forceIDR, rtpTimestamp: UInt32(truncatingIfNeeded: 1_000 + frame * 9_000))
    }

    @Test func theLoopIsWholeGOPsStartingOnAnIDR() throws {
        let library = LoopLibrary()
        let source = try LoopMediaSource.open(Self.definition(library: library))
        defer { source.close() }
        #expect(source.loop.frameCount == 20)
        #expect(source.loop.randomAccessFrames == [0, 5, 10, 15])
        #expect(source.parameterSets != nil)
    }

    @Test func timestampsAndSequenceNumbersRunOnAcrossTheSeam() throws {
        let library = LoopLibrary()
        let source = try LoopMediaSource.open(Self.definition(library: library))
        defer { source.close() }
        var packetizer: any RTPPacketizer = H264Packetizer.factory(0x1234, 100, 96, 1400)
        var timestamps: [UInt32] = []
        var idrs: [Int64] = []
        var nextSequence: UInt16 = 100
        for frame in Int64(0)..<45 {
            let batch = try #require(try source.makeAccessUnit(Self.request(frame), packetizer: &packetizer))
            #expect(batch.firstSequenceNumber == nextSequence)
            nextSequence = batch.firstSequenceNumber &+ UInt16(batch.packetCount)
            timestamps.append(batch.timestamp)
            if batch.containsIDR { idrs.append(frame) }
        }
        #expect(zip(timestamps, timestamps.dropFirst()).allSatisfy { $0 < $1 })
        // The seam (frame 20, 40) is an IDR like every fifth frame.
        #expect(idrs == [0, 5, 10, 15, 20, 25, 30, 35, 40])
    }

    @Test func aStartingViewerGetsTheNearestIDRAtOnce() throws {
        let library = LoopLibrary()
        let source = try LoopMediaSource.open(Self.definition(library: library))
        defer { source.close() }
        var packetizer: any RTPPacketizer = H264Packetizer.factory(1, 0, 96, 1400)
        for frame in Int64(0)..<7 { _ = try source.makeAccessUnit(Self.request(frame), packetizer: &packetizer) }
        // The cursor is at loop frame 7: the nearest IDR is 5, sent at once.
        let joined = try #require(try source.makeAccessUnit(Self.request(7, forceIDR: true), packetizer: &packetizer))
        #expect(joined.containsIDR)
        var frozen = Self.request(8)
        frozen.redraw = false
        #expect(try source.makeAccessUnit(frozen, packetizer: &packetizer) == nil)
    }

    @Test func streamsWithOneKeyShareOneRecordingUntilTheLastCloses() throws {
        let library = LoopLibrary()
        let first = try LoopMediaSource.open(Self.definition(library: library, scene: "shared"))
        let second = try LoopMediaSource.open(Self.definition(library: library, scene: "shared"))
        let other = try LoopMediaSource.open(Self.definition(library: library, scene: "other"))
        #expect(first.loop === second.loop)
        #expect(first.loop !== other.loop)
        #expect(library.recordingCount { $0.scene == "shared" } == 1)
        first.close()
        first.close()  // a second close gives nothing back twice
        #expect(library.residentLoops().first { $0.key.scene == "shared" }?.users == 1)
        second.close()
        other.close()
        #expect(library.residentLoops().isEmpty)
    }

    @Test func concurrentOpenersWaitForOneRecording() async throws {
        let library = LoopLibrary()
        let sources = NIOLockedValueBox<[LoopMediaSource]>([])
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<6 {
                group.addTask {
                    if let source = try? LoopMediaSource.open(Self.definition(library: library, scene: "race")) {
                        sources.withLockedValue { $0.append(source) }
                    }
                }
            }
        }
        let opened = sources.withLockedValue { $0 }
        #expect(opened.count == 6)
        #expect(library.recordingCount { _ in true } == 1)
        #expect(opened.allSatisfy { $0.loop === opened[0].loop })
        for source in opened { source.close() }
    }
}
