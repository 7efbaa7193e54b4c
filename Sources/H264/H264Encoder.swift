import CX264
import Frames
import H264Syntax

/// One libx264 encoder and its input picture.
///
/// Generators draw straight into `inputPicture` (x264's own planes), then `encode`
/// hands back the access unit's NAL units without start codes. x264 copies the input
/// into its internal frame, so the picture keeps its content between frames and a
/// renderer may redraw only what changed.
///
/// Not thread-safe: use one encoder from one thread at a time (a camera stream's
/// encode jobs are serialised).
public final class H264Encoder: @unchecked Sendable {
    public let settings: EncoderSettings
    private let handle: OpaquePointer
    private var picture = x264_picture_t()
    private var output = x264_picture_t()
    /// NAL unit views for the access unit being handed out, reused across frames.
    private var nalViews: [UnsafeRawBufferPointer] = []

    /// X264_BUILD of the libx264 camsim was built against.
    public static var x264Build: Int { Int(camsim_x264_build()) }

    public init(settings: EncoderSettings) throws(H264EncoderError) {
        self.settings = settings
        var param = x264_param_t()
        if x264_param_default_preset(&param, settings.preset, settings.tune) < 0 {
            if x264_param_default_preset(&param, settings.preset, nil) < 0 {
                throw .unknownPreset(settings.preset)
            }
            throw .unknownTune(settings.tune ?? "")
        }
        H264Encoder.apply(settings, to: &param)
        if x264_param_apply_profile(&param, settings.profile.rawValue) < 0 {
            throw .profileRejected(settings.profile.rawValue)
        }
        guard let handle = camsim_x264_encoder_open(&param) else {
            throw .openFailed(width: settings.width, height: settings.height)
        }
        self.handle = handle
        if x264_picture_alloc(&picture, X264_CSP_I420, Int32(settings.width), Int32(settings.height)) < 0 {
            x264_encoder_close(handle)
            throw .pictureAllocationFailed
        }
        nalViews.reserveCapacity(8)
    }

    deinit {
        x264_picture_clean(&picture)
        x264_encoder_close(handle)
    }

    /// The encoder's own input picture: draw the next frame here.
    public var inputPicture: PictureView {
        let width = settings.width, height = settings.height
        return PictureView(
            luma: PlaneView(base: picture.img.plane.0!, stride: Int(picture.img.i_stride.0), width: width, height: height),
            cb: PlaneView(base: picture.img.plane.1!, stride: Int(picture.img.i_stride.1), width: width / 2, height: height / 2),
            cr: PlaneView(base: picture.img.plane.2!, stride: Int(picture.img.i_stride.2), width: width / 2, height: height / 2)
        )
    }

    /// The stream's SPS and PPS, available before the first frame.
    public func parameterSets() throws(H264EncoderError) -> ParameterSets {
        var nals: UnsafeMutablePointer<x264_nal_t>?
        var count: Int32 = 0
        guard x264_encoder_headers(handle, &nals, &count) >= 0, let nals else { throw .headersFailed }
        var sps: [UInt8]?, pps: [UInt8]?
        for index in 0..<Int(count) {
            let nal = H264Encoder.payload(of: nals[index])
            guard let first = nal.first else { continue }
            switch H264NALHeader(rawValue: first).type {
            case H264NALType.sequenceParameterSet: sps = Array(nal)
            case H264NALType.pictureParameterSet: pps = Array(nal)
            default: break
            }
        }
        guard let sps, let pps else { throw .headersFailed }
        return ParameterSets(sequenceParameterSet: sps, pictureParameterSet: pps)
    }

    /// Encodes what is in `inputPicture` as frame `index`. `body` sees the access
    /// unit's NAL units (no start codes, valid only inside `body`) and whether it is an
    /// IDR; it is not called when x264 returns no output for this frame.
    public func encode<Result>(
        frameIndex index: Int64,
        forceIDR: Bool,
        _ body: (_ nalUnits: [UnsafeRawBufferPointer], _ isIDR: Bool) throws -> Result
    ) throws -> Result? {
        picture.i_pts = index
        picture.i_type = forceIDR ? X264_TYPE_IDR : X264_TYPE_AUTO
        var nals: UnsafeMutablePointer<x264_nal_t>?
        var count: Int32 = 0
        let size = x264_encoder_encode(handle, &nals, &count, &picture, &output)
        guard size >= 0 else { throw H264EncoderError.encodeFailed(code: size) }
        guard size > 0, let nals, count > 0 else { return nil }
        nalViews.removeAll(keepingCapacity: true)
        for index in 0..<Int(count) {
            nalViews.append(H264Encoder.payload(of: nals[index]))
        }
        return try body(nalViews, output.b_keyframe != 0)
    }

    /// Encodes a picture that lives elsewhere (no copy: x264 reads its planes
    /// directly). The benchmark uses this for its raw-x264 baseline.
    public func encode<Result>(
        external source: PictureView,
        frameIndex index: Int64,
        forceIDR: Bool,
        _ body: (_ nalUnits: [UnsafeRawBufferPointer], _ isIDR: Bool) throws -> Result
    ) throws -> Result? {
        precondition(source.width == settings.width && source.height == settings.height, "picture size differs")
        let ownPlanes = picture.img.plane
        let ownStrides = picture.img.i_stride
        defer {
            picture.img.plane = ownPlanes
            picture.img.i_stride = ownStrides
        }
        picture.img.plane = (source.luma.base, source.cb.base, source.cr.base, nil)
        picture.img.i_stride = (Int32(source.luma.stride), Int32(source.cb.stride), Int32(source.cr.stride), 0)
        return try encode(frameIndex: index, forceIDR: forceIDR, body)
    }

    /// With b_annexb = 0, x264 prefixes each NAL unit with a 4-byte length; skip it.
    private static func payload(of nal: x264_nal_t) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: nal.p_payload + 4, count: Int(nal.i_payload) - 4)
    }

    private static func apply(_ settings: EncoderSettings, to param: inout x264_param_t) {
        param.i_log_level = X264_LOG_ERROR
        param.i_threads = Int32(max(1, settings.threads))
        param.i_width = Int32(settings.width)
        param.i_height = Int32(settings.height)
        param.i_csp = X264_CSP_I420
        param.b_vfr_input = 0
        // x264 writes i_fps into the SPS VUI timing (H.264 Annex E.2.1: time_scale /
        // (2 × num_units_in_tick) is the frame rate), normally the real rate.
        let announced = settings.announcedFrameRate
        param.i_fps_num = UInt32(announced.numerator)
        param.i_fps_den = UInt32(announced.denominator)
        param.i_timebase_num = param.i_fps_den
        param.i_timebase_den = param.i_fps_num
        param.i_keyint_max = Int32(settings.gop)
        param.i_keyint_min = Int32(settings.gop)
        param.i_scenecut_threshold = 0  // IDRs only on the GOP boundary or on request
        param.i_bframe = 0
        param.b_repeat_headers = 1  // SPS/PPS before every IDR
        param.b_annexb = 0
        param.b_aud = 0
        // x264 signals the lowest profile its tools need, and ultrafast turns CABAC and the
        // 8x8 transform off (Constrained Baseline). Turn on what the requested profile is
        // known for, so the SPS says what the user asked for.
        switch settings.profile {
        case .baseline: break
        case .main: param.b_cabac = 1
        case .high:
            param.b_cabac = 1
            param.analyse.b_transform_8x8 = 1
        }
        // VUI colour description (H.264 Annex E): BT.709 for HD, BT.601 (SMPTE 170M) for SD, limited range.
        let colour: Int32 = ColourStandard.forPicture(height: settings.height) == .bt709 ? 1 : 6
        param.vui.i_colorprim = colour
        param.vui.i_transfer = colour
        param.vui.i_colmatrix = colour
        param.vui.b_fullrange = 0
        switch settings.rateControl {
        case .averageBitrate(let requested):
            // x264 budgets each frame as bit rate / i_fps; when i_fps is not the real rate,
            // scale the budget so the stream still carries the requested bit rate.
            let scale = announced.framesPerSecond / settings.frameRate.framesPerSecond
            let kbps = max(1, Int((Double(requested) * scale).rounded()))
            param.rc.i_rc_method = X264_RC_ABR
            param.rc.i_bitrate = Int32(kbps)
            param.rc.i_vbv_max_bitrate = Int32(kbps)
            param.rc.i_vbv_buffer_size = Int32(kbps)
        case .constantRateFactor(let factor):
            param.rc.i_rc_method = X264_RC_CRF
            param.rc.f_rf_constant = Float(factor)
        }
    }
}
