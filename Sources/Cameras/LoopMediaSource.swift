import Logging
import RTP

/// One camera's replay of a shared `EncodedLoop`: each frame slot packetizes the stored
/// access unit its `LoopCursor` names, with the stream's own RTP timestamp, so timestamps
/// and sequence numbers run on across the loop's seam while the picture repeats. Nothing
/// is rendered or encoded, so the stream calls it on its event loop (`isCheap`).
///
/// A frame that starts a viewer (`forceIDR`) jumps to the loop's nearest IDR. While the
/// picture is frozen nothing is sent and the cursor stays; the stream goes on from the
/// frame after the last one sent, which references only frames the viewer has.
public final class LoopMediaSource: MediaSource, @unchecked Sendable {
    public let loop: EncodedLoop
    private var cursor: LoopCursor
    /// Views of the current frame's units, reused from frame to frame.
    private var units: [UnsafeRawBufferPointer] = []
    private var release: (@Sendable () -> Void)?

    public var formatParameters: SourceFormatParameters { loop.formatParameters }
    public var isCheap: Bool { true }

    /// Replays `loop`; `release` runs once, on `close()`.
    public init(loop: EncodedLoop, release: @escaping @Sendable () -> Void = {}) {
        self.loop = loop
        cursor = LoopCursor(frameCount: loop.frameCount, randomAccessFrames: loop.randomAccessFrames)
        self.release = release
        units.reserveCapacity(8)
    }

    public func makeAccessUnit(_ request: AccessUnitRequest, packetizer: inout any RTPPacketizer) throws -> RTPPacketBatch? {
        guard request.redraw || request.forceIDR else { return nil }
        let frame = cursor.advance(randomAccess: request.forceIDR)
        loop.units(of: frame, into: &units)
        return packetizer.packetize(units: units, timestamp: request.rtpTimestamp)
    }

    public func close() {
        release?()
        release = nil
    }
}

extension LoopMediaSource {
    private static let logger = Logger(label: "camsim.loop")

    /// Opens `sized`'s loop source: the loop of its key from `sized.loop.library`, recorded
    /// here (an encode thread) by the first stream with that key.
    public static func open(_ sized: StreamDefinition) throws -> LoopMediaSource {
        guard let settings = sized.loop else { throw LoopError.notSceneEncoded }
        let plan = LoopPlan(seconds: settings.seconds, encoder: sized.encoder)
        var encoder = sized.encoder
        encoder.gop = plan.gop
        let key = LoopKey(
            scene: settings.scene, codec: settings.codec, encoder: encoder, seed: settings.drawsWithSeed ? sized.seed ?? 0 : 0,
            cameraText: settings.cameraText, frameCount: plan.frameCount)
        let library = settings.library
        let loop = try library.acquire(key) {
            var recording = sized
            recording.encoder = encoder
            let fps = encoder.frameRate.framesPerSecond
            if plan.gopExceedsRecommendation(framesPerSecond: fps) {
                logger.warning(
                    "loop GOP longer than 1 s: a new viewer jumps to the nearest IDR, so up to half a GOP of picture is skipped or repeated for every viewer of the camera",
                    metadata: ["camera": "\(sized.cameraName)/\(sized.streamName)", "gop": "\(plan.gop)"])
            }
            let source = try settings.openEncoder(recording)
            defer { source.close() }
            guard let scene = source as? any SceneEncodingSource else { throw LoopError.notSceneEncoded }
            let loop = try EncodedLoop.record(
                scene, sized: recording, plan: plan, seed: key.seed, cameraText: key.cameraText,
                wallClockOrigin: SystemMonotonicClock().wallClockNanoseconds())
            logger.info(
                "loop recorded",
                metadata: [
                    "camera": "\(sized.cameraName)/\(sized.streamName)", "frames": "\(loop.frameCount)",
                    "gop": "\(plan.gop)", "bytes": "\(loop.byteCount)",
                ])
            return loop
        }
        return LoopMediaSource(loop: loop, release: { library.release(key) })
    }
}
