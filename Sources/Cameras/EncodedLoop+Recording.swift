import Frames
import RTP

extension EncodedLoop {
    /// Frames an encoder may hold back before its first output (lookahead) when recording a loop.
    static let maximumEncoderDelay = 250

    /// Renders and encodes `plan.frameCount` frames of `sized`'s scene with `encoder` (a
    /// fresh scene encoder of the stream's codec, its GOP set to `plan.gop`) and keeps them.
    ///
    /// Frame `i` is drawn at media time `i / fps`, with `cameraText` for the camera's name and
    /// `seed` for noise; an IDR is forced on every GOP boundary, so the loop's first frame is
    /// one and the seam back to it is clean. camsim's encoders make no B-frames (x264
    /// `i_bframe = 0`), so no frame references one after it and none beyond the loop. An
    /// encoder that holds frames back (lookahead) is fed on until it has given every frame.
    static func record(
        _ encoder: any SceneEncodingSource, sized: StreamDefinition, plan: LoopPlan, seed: UInt64,
        cameraText: String?, wallClockOrigin: Int64
    ) throws -> EncodedLoop {
        let fps = sized.encoder.frameRate.framesPerSecond
        var packetizer: any RTPPacketizer = LoopRecorder(
            inner: sized.makePacketizer(0, 0, sized.format.payloadType, sized.maxPacketSize))
        var input = 0
        func recorded() -> Int { (packetizer as? LoopRecorder)?.recording.frameCount ?? 0 }
        while recorded() < plan.frameCount {
            guard input < plan.frameCount + maximumEncoderDelay else { throw LoopError.encoderHeldFrames(input) }
            let context = FrameContext(
                frameIndex: Int64(input), mediaTime: Double(input) / fps,
                wallClockNanos: wallClockOrigin + Int64((Double(input) * 1e9 / fps).rounded()),
                cameraName: cameraText ?? "", seed: seed, frameRate: fps)
            encoder.render(context)
            _ = try encoder.encode(
                frameIndex: Int64(input), forceIDR: input % plan.gop == 0,
                timestamp: UInt32(truncatingIfNeeded: input), packetizer: &packetizer)
            input += 1
        }
        guard var recording = (packetizer as? LoopRecorder)?.recording else { throw LoopError.noFrames }
        // The encoder may have given more frames than the loop holds while catching up.
        if recording.frameCount > plan.frameCount {
            recording.frameUnits.removeLast(recording.frameCount - plan.frameCount)
            recording.unitOffsets.removeLast(recording.unitOffsets.count - 1 - recording.frameUnits.last!)
            recording.bytes.removeLast(recording.bytes.count - recording.unitOffsets.last!)
            recording.randomAccessFrames.removeAll { $0 >= plan.frameCount }
        }
        guard recording.randomAccessFrames.first == 0 else { throw LoopError.firstFrameNotRandomAccess }
        return EncodedLoop(recording: recording, formatParameters: encoder.formatParameters)
    }
}

/// Why a loop could not be recorded.
public enum LoopError: Error, CustomStringConvertible {
    /// The stream's media source does not draw and encode its scene (a proxy's stream).
    case notSceneEncoded
    /// The encoder gave no frame for this many inputs.
    case encoderHeldFrames(Int)
    /// The encoder gave nothing at all.
    case noFrames
    /// The loop's first frame is not one a decoder can start from.
    case firstFrameNotRandomAccess

    public var description: String {
        switch self {
        case .notSceneEncoded: "a loop needs a stream that draws and encodes its scene"
        case .encoderHeldFrames(let count): "the encoder held back all of \(count) frames while recording a loop"
        case .noFrames: "the encoder gave no frames while recording a loop"
        case .firstFrameNotRandomAccess: "the loop's first frame is not an IDR"
        }
    }
}
