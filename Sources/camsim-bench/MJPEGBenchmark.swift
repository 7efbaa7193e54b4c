import Cameras
import Frames
import H264
import JPEG
import RTP

/// `--only mjpeg`: CPU per frame of the MJPEG pipeline (JPEG encode, parse of the JPEG,
/// RFC 2435 packetization) against the bare JPEG encode of the same pre-rendered frames,
/// and the whole camera source (render too), measured in the same run with alternating rounds.
struct MJPEGBenchmark {
    let scene: Scene
    let settings: EncoderSettings
    let quality: Int
    let frames: Int
    let rounds: Int

    struct Result {
        var encodeMilliseconds: Double
        var pipelineMilliseconds: Double
        var sourceMilliseconds: Double
        var bytesPerFrame: Int
        var packetsPerFrame: Double
        var ratio: Double { pipelineMilliseconds / encodeMilliseconds }
    }

    func run() throws -> Result {
        let prerendered = try PrerenderedFrames.render(scene, settings: settings, count: frames, context: context).pictures
        var encode: [Double] = [], pipeline: [Double] = [], source: [Double] = []
        var bytes = 0, packets = 0
        for _ in 0..<rounds {
            let bare = try encodeOnly(prerendered)
            encode.append(bare.milliseconds)
            bytes = bare.bytes / frames
            let packetized = try encodeAndPacketize(prerendered)
            pipeline.append(packetized.milliseconds)
            packets = packetized.packets
            source.append(try wholeSource())
        }
        return Result(
            encodeMilliseconds: median(encode), pipelineMilliseconds: median(pipeline), sourceMilliseconds: median(source),
            bytesPerFrame: bytes, packetsPerFrame: Double(packets) / Double(frames))
    }

    private var standard: ColourStandard { .forPicture(height: settings.height) }

    private func encodeOnly(_ pictures: [PictureBuffer]) throws -> (milliseconds: Double, bytes: Int) {
        let encoder = try JPEGEncoder(quality: quality)
        var bytes = 0
        let start = threadCPUNanoseconds()
        for picture in pictures { bytes += try encoder.withJPEG(picture.view, standard: standard) { $0.count } }
        let elapsed = threadCPUNanoseconds() - start
        precondition(bytes > 0)
        return (Double(elapsed) / 1e6 / Double(pictures.count), bytes)
    }

    /// What the stream does per frame after drawing: encode, then the packetizer parses the
    /// JPEG and writes the packets.
    private func encodeAndPacketize(_ pictures: [PictureBuffer]) throws -> (milliseconds: Double, packets: Int) {
        let encoder = try JPEGEncoder(quality: quality)
        var packetizer: any RTPPacketizer = JPEGPacketizer(ssrc: 1, initialSequenceNumber: 0)
        var packets = 0
        let start = threadCPUNanoseconds()
        for (index, picture) in pictures.enumerated() {
            let batch = try encoder.withJPEG(picture.view, standard: standard) { jpeg in
                packetizer.packetize(units: [jpeg], timestamp: UInt32(truncatingIfNeeded: index * 3000))
            }
            packets += batch.packetCount
        }
        let elapsed = threadCPUNanoseconds() - start
        precondition(packets >= pictures.count)
        return (Double(elapsed) / 1e6 / Double(pictures.count), packets)
    }

    /// The camera's MJPEG source as a stream runs it: render, encode, packetize.
    private func wholeSource() throws -> Double {
        let scene = self.scene
        let definition = StreamDefinition(
            cameraName: "bench", encoder: settings, seed: 1,
            makeSource: { width, height in try scene.makeRenderer(width: width, height: height) })
        let source = try JPEGEncodingPipeline(definition: definition, quality: quality)
        var packetizer: any RTPPacketizer = JPEGPacketizer(ssrc: 1, initialSequenceNumber: 0)
        var packets = 0
        let start = threadCPUNanoseconds()
        for index in 0..<frames {
            let request = AccessUnitRequest(
                context: context(index), forceIDR: false, rtpTimestamp: UInt32(truncatingIfNeeded: index * 3000))
            packets += try source.makeAccessUnit(request, packetizer: &packetizer)?.packetCount ?? 0
        }
        let elapsed = threadCPUNanoseconds() - start
        precondition(packets >= frames)
        return Double(elapsed) / 1e6 / Double(frames)
    }

    private func context(_ index: Int) -> FrameContext {
        let fps = settings.frameRate
        let media = fps.nanoseconds(untilFrame: Int64(index))
        return FrameContext(
            frameIndex: Int64(index), mediaTime: Double(media) / 1e9,
            wallClockNanos: 1_790_000_000_000_000_000 + media, cameraName: "bench", seed: 1,
            frameRate: fps.framesPerSecond)
    }
}

extension Bench {
    static func printMJPEG(library: SceneLibrary, quick: Bool) throws {
        let settings = EncoderSettings(width: 1280, height: 720, frameRate: FrameRate(numerator: 30))
        let result = try MJPEGBenchmark(
            scene: library.scene(named: "smpte-clock"), settings: settings, quality: 80,
            frames: quick ? 60 : 300, rounds: quick ? 1 : 5
        ).run()
        print("MJPEG, 1280x720 smpte-clock, jpeg_quality 80 (CPU ms per frame, median of rounds)")
        print("  bare JPEG encode of the same frames   \(format(result.encodeMilliseconds)) ms  (\(result.bytesPerFrame) bytes per frame)")
        print("  MJPEG pipeline (encode+parse+RTP)     \(format(result.pipelineMilliseconds)) ms  (\(format(result.packetsPerFrame, 1)) packets per frame)")
        print("  ratio pipeline / bare encode          \(format(result.ratio, 3))x")
        print("  whole source (render+encode+RTP)      \(format(result.sourceMilliseconds)) ms")
        print("")
    }
}
