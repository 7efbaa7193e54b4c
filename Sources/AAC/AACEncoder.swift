import CAVCodec

/// One libavcodec native AAC-LC encoder (ISO/IEC 14496-3), fed interleaved Int16 PCM in
/// frames of `frameSize` (1024) samples per channel.
///
/// Each access unit comes out with its presentation time in samples from the stream's
/// origin. libavcodec subtracts its priming delay (`initial_padding`, 1024 samples), so the
/// first unit is stamped −1024 and a decoder that plays units at their stamps puts input
/// sample n at n / rate seconds: use the stamp as the RTP timestamp offset and audio stays on
/// the video's timeline.
///
/// Not thread-safe: use one encoder from one thread at a time.
public final class AACEncoder: @unchecked Sendable {
    public let settings: AACEncoderSettings
    /// Samples per channel in one input frame (1024 for AAC-LC).
    public let frameSize: Int
    /// The AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1) of the stream, for the SDP's
    /// `config=` (RFC 3640 §4.1).
    public let audioSpecificConfig: [UInt8]
    private let context: UnsafeMutablePointer<AVCodecContext>
    private let frame: UnsafeMutablePointer<AVFrame>
    private let packet: UnsafeMutablePointer<AVPacket>

    public init(settings: AACEncoderSettings) throws(AACEncoderError) {
        guard AACEncoderSettings.supportedRates.contains(settings.sampleRate),
              AACEncoderSettings.supportedChannels.contains(settings.channels)
        else { throw .unsupportedFormat(sampleRate: settings.sampleRate, channels: settings.channels) }
        // libavcodec logs statistics and warnings to stderr at close; keep only errors.
        av_log_set_level(AV_LOG_ERROR)
        guard let codec = avcodec_find_encoder(AV_CODEC_ID_AAC) else { throw .encoderUnavailable }
        guard let context = avcodec_alloc_context3(codec) else {
            throw .libavcodec(call: "avcodec_alloc_context3", code: 0, message: "out of memory")
        }
        context.pointee.sample_rate = Int32(settings.sampleRate)
        context.pointee.sample_fmt = AV_SAMPLE_FMT_FLTP  // the native encoder's only input format
        context.pointee.bit_rate = Int64(settings.bitRate)
        context.pointee.profile = FF_PROFILE_AAC_LOW
        context.pointee.time_base = AVRational(num: 1, den: Int32(settings.sampleRate))
        av_channel_layout_default(&context.pointee.ch_layout, Int32(settings.channels))
        // The fast coder: a fraction of the default two-loop search's cost, ample for test signals.
        _ = av_opt_set(context.pointee.priv_data, "aac_coder", "fast", 0)
        var result = avcodec_open2(context, codec, nil)
        guard result >= 0 else {
            var owned: UnsafeMutablePointer<AVCodecContext>? = context
            avcodec_free_context(&owned)
            throw Self.error("avcodec_open2", result)
        }
        guard let frame = av_frame_alloc(), let packet = av_packet_alloc() else {
            var owned: UnsafeMutablePointer<AVCodecContext>? = context
            avcodec_free_context(&owned)
            throw .libavcodec(call: "av_frame_alloc", code: 0, message: "out of memory")
        }
        frame.pointee.nb_samples = context.pointee.frame_size
        frame.pointee.format = AV_SAMPLE_FMT_FLTP.rawValue
        frame.pointee.sample_rate = context.pointee.sample_rate
        av_channel_layout_copy(&frame.pointee.ch_layout, &context.pointee.ch_layout)
        result = av_frame_get_buffer(frame, 0)
        self.settings = settings
        self.context = context
        self.frame = frame
        self.packet = packet
        self.frameSize = Int(context.pointee.frame_size)
        self.audioSpecificConfig = Array(
            UnsafeBufferPointer(start: context.pointee.extradata, count: Int(context.pointee.extradata_size)))
        guard result >= 0 else { throw Self.error("av_frame_get_buffer", result) }
    }

    deinit {
        var packet: UnsafeMutablePointer<AVPacket>? = packet
        av_packet_free(&packet)
        var frame: UnsafeMutablePointer<AVFrame>? = frame
        av_frame_free(&frame)
        var context: UnsafeMutablePointer<AVCodecContext>? = context
        avcodec_free_context(&context)
    }

    /// Encodes one frame: `frameSize · channels` interleaved samples whose first sample is
    /// sample `firstSample` of the stream. `body` sees each access unit that comes out (none
    /// for the first frame, which fills the encoder's look-ahead; usually one after) with its
    /// presentation time in samples; the bytes are valid only during the call.
    public func encode(
        _ pcm: UnsafeBufferPointer<Int16>, firstSample: Int64,
        _ body: (_ accessUnit: UnsafeRawBufferPointer, _ presentationSample: Int64) throws -> Void
    ) throws {
        let channels = settings.channels
        precondition(pcm.count == frameSize * channels, "AAC input frames hold frameSize samples per channel")
        var result = av_frame_make_writable(frame)
        guard result >= 0 else { throw Self.error("av_frame_make_writable", result) }
        // Interleaved Int16 to planar Float in [−1, 1).
        let scale: Float = 1.0 / 32768
        for channel in 0..<channels {
            let plane = UnsafeMutableRawPointer(frame.pointee.extended_data[channel]!)
                .assumingMemoryBound(to: Float.self)
            var source = channel
            for i in 0..<frameSize {
                plane[i] = Float(pcm[source]) * scale
                source += channels
            }
        }
        frame.pointee.pts = firstSample
        result = avcodec_send_frame(context, frame)
        guard result >= 0 else { throw Self.error("avcodec_send_frame", result) }
        try drain(body)
    }

    private func drain(_ body: (UnsafeRawBufferPointer, Int64) throws -> Void) throws {
        while true {
            let result = avcodec_receive_packet(context, packet)
            if result == camsim_averror_eagain() || result == camsim_averror_eof() { return }
            guard result >= 0 else { throw Self.error("avcodec_receive_packet", result) }
            defer { av_packet_unref(packet) }
            try body(UnsafeRawBufferPointer(start: packet.pointee.data, count: Int(packet.pointee.size)), packet.pointee.pts)
        }
    }

    static func error(_ call: String, _ code: Int32) -> AACEncoderError {
        var buffer = [CChar](repeating: 0, count: 128)
        let message = buffer.withUnsafeMutableBufferPointer { pointer in
            String(cString: camsim_av_error_string(code, pointer.baseAddress, pointer.count))
        }
        return .libavcodec(call: call, code: code, message: message)
    }
}
