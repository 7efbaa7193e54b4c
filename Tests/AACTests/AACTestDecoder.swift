import CAVCodec

/// libavcodec's AAC decoder, for checking what the encoder made: access units in, the first
/// channel's samples out, each decoded frame placed at its unit's presentation time.
final class AACTestDecoder {
    private let context: UnsafeMutablePointer<AVCodecContext>
    private let frame = av_frame_alloc()!
    private let packet = av_packet_alloc()!
    /// Decoded samples of the first channel, indexed from `origin` (the first unit's time).
    private(set) var samples: [Float] = []
    private(set) var origin: Int64?

    init(audioSpecificConfig: [UInt8]) {
        let codec = avcodec_find_decoder(AV_CODEC_ID_AAC)!
        context = avcodec_alloc_context3(codec)!
        let extradata = av_mallocz(audioSpecificConfig.count + Int(AV_INPUT_BUFFER_PADDING_SIZE))!
        extradata.copyMemory(from: audioSpecificConfig, byteCount: audioSpecificConfig.count)
        context.pointee.extradata = extradata.assumingMemoryBound(to: UInt8.self)
        context.pointee.extradata_size = Int32(audioSpecificConfig.count)
        precondition(avcodec_open2(context, codec, nil) >= 0)
    }

    deinit {
        var packet: UnsafeMutablePointer<AVPacket>? = packet
        av_packet_free(&packet)
        var frame: UnsafeMutablePointer<AVFrame>? = frame
        av_frame_free(&frame)
        var context: UnsafeMutablePointer<AVCodecContext>? = context
        avcodec_free_context(&context)
    }

    func decode(_ unit: [UInt8], at time: Int64) {
        if origin == nil { origin = time }
        precondition(av_new_packet(packet, Int32(unit.count)) >= 0)
        unit.withUnsafeBytes { packet.pointee.data.update(from: $0.bindMemory(to: UInt8.self).baseAddress!, count: unit.count) }
        packet.pointee.pts = time
        precondition(avcodec_send_packet(context, packet) >= 0)
        av_packet_unref(packet)
        while avcodec_receive_frame(context, frame) >= 0 {
            let count = Int(frame.pointee.nb_samples)
            let plane = UnsafeRawPointer(frame.pointee.extended_data[0]!).assumingMemoryBound(to: Float.self)
            let start = Int(frame.pointee.pts - origin!)
            if samples.count < start + count { samples += [Float](repeating: 0, count: start + count - samples.count) }
            for i in 0..<count { samples[start + i] = plane[i] }
            av_frame_unref(frame)
        }
    }
}
