import Frames
import JPEG
import RTP

/// The synthetic MJPEG source (`codec: jpeg`): render the scene, JPEG-encode it with
/// libjpeg-turbo (baseline, 4:2:0, the typical Huffman tables), and hand the whole JPEG to
/// the stream's packetizer (`JPEGPacketizer`, RFC 2435), which takes it apart. Every
/// frame stands alone, so `forceIDR` needs nothing. Exactly one request of a stream runs at
/// a time, so the encoder, picture and renderer are never touched concurrently.
public final class JPEGEncodingPipeline: SceneEncodingSource, @unchecked Sendable {
    public let encoder: JPEGEncoder
    public let source: any FrameSource
    private let picture: PictureBuffer
    private let standard: ColourStandard
    /// RFC 2435 has no format parameters: no `a=fmtp` line.
    public let formatParameters = SourceFormatParameters()

    public init(definition: StreamDefinition, quality: Int) throws {
        let width = definition.encoder.width, height = definition.encoder.height
        encoder = try JPEGEncoder(quality: quality)
        source = try definition.makeSource(width, height)
        picture = PictureBuffer(width: width, height: height)
        standard = .forPicture(height: height)
    }

    /// Draws the scene into the picture the next `encode` compresses.
    public func render(_ context: FrameContext) {
        source.render(into: picture.view, context: context)
    }

    /// JPEG-encodes the drawn picture and packetizes it (RFC 2435). Every frame stands
    /// alone, so `frameIndex` and `forceIDR` change nothing. Nil when the packetizer refused
    /// the JPEG (a size or layout RFC 2435 cannot carry; configuration checks prevent it).
    public func encode(frameIndex: Int64, forceIDR: Bool, timestamp: UInt32, packetizer: inout any RTPPacketizer) throws -> RTPPacketBatch? {
        let batch = try encoder.withJPEG(picture.view, standard: standard) { jpeg in
            packetizer.packetize(units: [jpeg], timestamp: timestamp)
        }
        return batch.packetCount > 0 ? batch : nil
    }

    public func close() {}
}

extension StreamDefinition {
    /// Makes the stream Motion JPEG (RFC 2435, PT 26): frames from `JPEGEncodingPipeline` at
    /// libjpeg `quality`, packetized by `JPEGPacketizer`.
    public mutating func useJPEG(quality: Int) {
        format = .jpeg
        makePacketizer = JPEGPacketizer.factory
        openMediaSource = { sized in try JPEGEncodingPipeline(definition: sized, quality: quality) }
    }
}
