import Frames
import RTP

/// A media source that draws the camera's scene and encodes it itself (x264's
/// `EncodingPipeline`, x265's `H265EncodingPipeline`, libjpeg-turbo's
/// `JPEGEncodingPipeline`). Split in two steps so that playback can draw a recorded frame
/// while the encoder keeps counting the frames it is given.
public protocol SceneEncodingSource: MediaSource {
    /// Draws the scene at `context` into the picture the next `encode` reads.
    func render(_ context: FrameContext)
    /// Encodes the drawn picture as the encoder's frame `frameIndex` (an IDR or IRAP picture
    /// when `forceIDR`) and packetizes it with `timestamp`. Nil when the encoder produced nothing.
    func encode(frameIndex: Int64, forceIDR: Bool, timestamp: UInt32, packetizer: inout any RTPPacketizer) throws -> RTPPacketBatch?
}

extension SceneEncodingSource {
    /// The live stream's access unit: the scene drawn at the request's frame (or the
    /// previous picture kept while it is frozen), encoded as that frame.
    public func makeAccessUnit(_ request: AccessUnitRequest, packetizer: inout any RTPPacketizer) throws -> RTPPacketBatch? {
        if request.redraw { render(request.context) }
        return try encode(frameIndex: request.frame, forceIDR: request.forceIDR, timestamp: request.rtpTimestamp, packetizer: &packetizer)
    }
}
