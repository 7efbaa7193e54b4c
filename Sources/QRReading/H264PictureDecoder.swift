import CAVCodec

/// Decodes H.264 access units to greyscale pictures with libavcodec, for reading what
/// the picture shows (a QR code). One thread, low-delay; the decoder holds no more than
/// the reference frames H.264 needs. Not thread-safe: one task feeds it.
public final class H264PictureDecoder {
    /// Largest access unit accepted, in bytes (a 4K intra frame at high quality fits).
    public static let maxAccessUnitBytes = 8 << 20

    private let context: UnsafeMutablePointer<AVCodecContext>
    private let packet: UnsafeMutablePointer<AVPacket>
    private let frame: UnsafeMutablePointer<AVFrame>

    public enum DecoderError: Error, CustomStringConvertible {
        case unavailable(String)
        public var description: String {
            switch self {
            case let .unavailable(what): "libavcodec H.264 decoder unavailable: \(what)"
            }
        }
    }

    public init() throws(DecoderError) {
        av_log_set_level(AV_LOG_QUIET)
        guard let codec = avcodec_find_decoder(AV_CODEC_ID_H264) else { throw .unavailable("no H.264 decoder") }
        guard let context = avcodec_alloc_context3(codec) else { throw .unavailable("no codec context") }
        context.pointee.thread_count = 1
        context.pointee.flags |= Int32(AV_CODEC_FLAG_LOW_DELAY)
        var opened = context as UnsafeMutablePointer<AVCodecContext>?
        guard avcodec_open2(context, codec, nil) == 0, let packet = av_packet_alloc(), let frame = av_frame_alloc() else {
            avcodec_free_context(&opened)
            throw .unavailable("could not open the decoder")
        }
        self.context = context
        self.packet = packet
        self.frame = frame
    }

    deinit {
        var context: UnsafeMutablePointer<AVCodecContext>? = self.context
        avcodec_free_context(&context)
        var packet: UnsafeMutablePointer<AVPacket>? = self.packet
        av_packet_free(&packet)
        var frame: UnsafeMutablePointer<AVFrame>? = self.frame
        av_frame_free(&frame)
    }

    /// Decodes one access unit (NAL units without start codes) tagged `tag`, and calls
    /// `body` with each picture the decoder gives back and the tag of the access unit it
    /// came from. Broken input yields no picture, never a crash.
    public func decode(nalUnits: [[UInt8]], tag: Int64, _ body: (GrayPicture, Int64) -> Void) {
        let size = nalUnits.reduce(0) { $0 + 4 + $1.count }
        guard size > 0, size <= Self.maxAccessUnitBytes, av_new_packet(packet, Int32(size)) == 0 else { return }
        var offset = 0
        let data = packet.pointee.data!
        for nal in nalUnits {
            // Annex B start code, then the NAL unit.
            data[offset] = 0
            data[offset + 1] = 0
            data[offset + 2] = 0
            data[offset + 3] = 1
            nal.withUnsafeBufferPointer { source in
                (data + offset + 4).update(from: source.baseAddress!, count: nal.count)
            }
            offset += 4 + nal.count
        }
        packet.pointee.pts = tag
        let sent = avcodec_send_packet(context, packet)
        av_packet_unref(packet)
        guard sent == 0 else { return }
        while avcodec_receive_frame(context, frame) == 0 {
            defer { av_frame_unref(frame) }
            let width = Int(frame.pointee.width)
            let height = Int(frame.pointee.height)
            guard width > 0, height > 0, let luma = frame.pointee.data.0 else { continue }
            let picture = GrayPicture(width: width, height: height, stride: Int(frame.pointee.linesize.0), pixels: luma)
            body(picture, frame.pointee.best_effort_timestamp)
        }
    }
}
