import CX265
import Frames
import H264
import H265Syntax

/// One libx265 encoder and its input picture.
///
/// Generators draw into `inputPicture` (a buffer the encoder owns), then `encode` hands back
/// the access unit's NAL units without start codes. x265 copies the input into its own
/// frame, so the picture keeps its content between frames and a renderer may redraw only
/// what changed.
///
/// Settings follow `EncoderSettings` as H.264 streams do (size, frame rate, bit rate or CRF,
/// GOP, preset, tune, threads); the H.264 profile does not apply, the stream is Main profile.
/// B-frames are off, every keyframe is an IDR (closed GOP) preceded by VPS, SPS and PPS.
///
/// Not thread-safe: use one encoder from one thread at a time (a camera stream's
/// encode jobs are serialised).
public final class H265Encoder: @unchecked Sendable {
    public let settings: EncoderSettings
    private let handle: OpaquePointer
    private let picture: UnsafeMutablePointer<x265_picture>
    private let buffer: PictureBuffer
    /// NAL unit views for the access unit being handed out, reused across frames.
    private var nalViews: [UnsafeRawBufferPointer] = []

    /// X265_BUILD of the libx265 camsim was built against.
    public static var x265Build: Int { Int(camsim_x265_build()) }

    public init(settings: EncoderSettings) throws(H265EncoderError) {
        self.settings = settings
        guard let param = x265_param_alloc() else { throw .openFailed(width: settings.width, height: settings.height) }
        defer { x265_param_free(param) }
        if x265_param_default_preset(param, settings.preset, settings.tune) < 0 {
            if x265_param_default_preset(param, settings.preset, nil) < 0 {
                throw .unknownPreset(settings.preset)
            }
            throw .unknownTune(settings.tune ?? "")
        }
        try H265Encoder.apply(settings, to: param)
        guard let handle = camsim_x265_encoder_open(param) else {
            throw .openFailed(width: settings.width, height: settings.height)
        }
        guard let picture = x265_picture_alloc() else {
            x265_encoder_close(handle)
            throw .openFailed(width: settings.width, height: settings.height)
        }
        self.handle = handle
        self.picture = picture
        buffer = PictureBuffer(width: settings.width, height: settings.height)
        x265_picture_init(param, picture)
        let view = buffer.view
        picture.pointee.colorSpace = X265_CSP_I420
        picture.pointee.bitDepth = 8
        H265Encoder.point(picture, at: view)
        nalViews.reserveCapacity(8)
    }

    deinit {
        x265_picture_free(picture)
        x265_encoder_close(handle)
    }

    /// The encoder's input picture: draw the next frame here.
    public var inputPicture: PictureView { buffer.view }

    /// The stream's VPS, SPS and PPS, available before the first frame.
    public func parameterSets() throws(H265EncoderError) -> H265ParameterSets {
        var nals: UnsafeMutablePointer<x265_nal>?
        var count: UInt32 = 0
        guard x265_encoder_headers(handle, &nals, &count) >= 0, let nals else { throw .headersFailed }
        var vps: [UInt8]?, sps: [UInt8]?, pps: [UInt8]?
        for index in 0..<Int(count) {
            let nal = H265Encoder.payload(of: nals[index])
            guard nal.count >= H265NALHeader.size else { continue }
            switch H265NALHeader(nal[0], nal[1]).type {
            case H265NALType.videoParameterSet: vps = Array(nal)
            case H265NALType.sequenceParameterSet: sps = Array(nal)
            case H265NALType.pictureParameterSet: pps = Array(nal)
            default: break
            }
        }
        guard let vps, let sps, let pps else { throw .headersFailed }
        return H265ParameterSets(videoParameterSet: vps, sequenceParameterSet: sps, pictureParameterSet: pps)
    }

    /// Encodes what is in `inputPicture` as frame `index`. `body` sees the access unit's NAL
    /// units (no start codes, valid only inside `body`) and whether it is an IRAP picture;
    /// it is not called when x265 returns no output for this frame.
    public func encode<Result>(
        frameIndex index: Int64,
        forceIDR: Bool,
        _ body: (_ nalUnits: [UnsafeRawBufferPointer], _ isIRAP: Bool) throws -> Result
    ) throws -> Result? {
        picture.pointee.pts = index
        picture.pointee.sliceType = forceIDR ? X265_TYPE_IDR : X265_TYPE_AUTO
        var nals: UnsafeMutablePointer<x265_nal>?
        var count: UInt32 = 0
        let result = x265_encoder_encode(handle, &nals, &count, picture, nil)
        guard result >= 0 else { throw H265EncoderError.encodeFailed(code: result) }
        guard result > 0, let nals, count > 0 else { return nil }
        nalViews.removeAll(keepingCapacity: true)
        var isIRAP = false
        for index in 0..<Int(count) {
            let nal = H265Encoder.payload(of: nals[index])
            if nal.count >= H265NALHeader.size, H265NALType.isIRAP(H265NALHeader(nal[0], nal[1]).type) { isIRAP = true }
            nalViews.append(nal)
        }
        return try body(nalViews, isIRAP)
    }

    /// Encodes a picture that lives elsewhere (no copy on this side: x265 reads its planes
    /// directly). The benchmark uses this to feed prerendered frames.
    public func encode<Result>(
        external source: PictureView,
        frameIndex index: Int64,
        forceIDR: Bool,
        _ body: (_ nalUnits: [UnsafeRawBufferPointer], _ isIRAP: Bool) throws -> Result
    ) throws -> Result? {
        precondition(source.width == settings.width && source.height == settings.height, "picture size differs")
        H265Encoder.point(picture, at: source)
        defer { H265Encoder.point(picture, at: buffer.view) }
        return try encode(frameIndex: index, forceIDR: forceIDR, body)
    }

    private static func point(_ picture: UnsafeMutablePointer<x265_picture>, at view: PictureView) {
        picture.pointee.planes = (UnsafeMutableRawPointer(view.luma.base), UnsafeMutableRawPointer(view.cb.base), UnsafeMutableRawPointer(view.cr.base))
        picture.pointee.stride = (Int32(view.luma.stride), Int32(view.cb.stride), Int32(view.cr.stride))
    }

    /// With bAnnexB = 0, x265 prefixes each NAL unit with a 4-byte length; skip it.
    private static func payload(of nal: x265_nal) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: nal.payload + 4, count: Int(nal.sizeBytes) - 4)
    }

    /// Sets an option by its x265 CLI name (x265_param_parse), for the ones read as text.
    private static func parse(_ param: UnsafeMutablePointer<x265_param>, _ name: String, _ value: String) throws(H265EncoderError) {
        if x265_param_parse(param, name, value) != 0 { throw .optionRejected(name: name, value: value) }
    }

    private static func apply(_ settings: EncoderSettings, to param: UnsafeMutablePointer<x265_param>) throws(H265EncoderError) {
        param.pointee.logLevel = X265_LOG_ERROR
        // One encoder stays on its caller's thread unless more threads were asked for: no
        // worker pool, one frame in flight.
        try parse(param, "pools", settings.threads <= 1 ? "none" : String(settings.threads))
        param.pointee.frameNumThreads = 1
        param.pointee.sourceWidth = Int32(settings.width)
        param.pointee.sourceHeight = Int32(settings.height)
        param.pointee.internalCsp = X265_CSP_I420
        // The VPS/SPS VUI timing carries the frame rate (H.265 Annex E.3.1).
        let announced = settings.announcedFrameRate
        param.pointee.fpsNum = UInt32(announced.numerator)
        param.pointee.fpsDenom = UInt32(announced.denominator)
        param.pointee.keyframeMax = Int32(settings.gop)
        param.pointee.keyframeMin = Int32(settings.gop)
        param.pointee.scenecutThreshold = 0  // IDRs only on the GOP boundary or on request
        param.pointee.bOpenGOP = 0  // every keyframe an IDR, never a CRA
        param.pointee.bframes = 0
        param.pointee.bRepeatHeaders = 1  // VPS/SPS/PPS before every IRAP
        param.pointee.bAnnexB = 0
        param.pointee.bEnableAccessUnitDelimiters = 0
        param.pointee.bEmitInfoSEI = 0  // no encoder-settings SEI in the first IDR
        // VUI colour description (H.265 Annex E): BT.709 for HD, BT.601 (SMPTE 170M) for SD, limited range.
        let colour: Int32 = ColourStandard.forPicture(height: settings.height) == .bt709 ? 1 : 6
        param.pointee.vui.bEnableVideoSignalTypePresentFlag = 1
        param.pointee.vui.videoFormat = 5  // unspecified
        param.pointee.vui.bEnableVideoFullRangeFlag = 0
        param.pointee.vui.bEnableColorDescriptionPresentFlag = 1
        param.pointee.vui.colorPrimaries = colour
        param.pointee.vui.transferCharacteristics = colour
        param.pointee.vui.matrixCoeffs = colour
        switch settings.rateControl {
        case .averageBitrate(let requested):
            // The rate control budgets each frame as bit rate / fps; when the announced rate
            // is not the real one, scale the budget so the stream carries the requested rate.
            let scale = announced.framesPerSecond / settings.frameRate.framesPerSecond
            let kbps = max(1, Int((Double(requested) * scale).rounded()))
            param.pointee.rc.rateControlMode = Int32(X265_RC_ABR.rawValue)
            param.pointee.rc.bitrate = Int32(kbps)
            param.pointee.rc.vbvMaxBitrate = Int32(kbps)
            param.pointee.rc.vbvBufferSize = Int32(kbps)
        case .constantRateFactor(let factor):
            param.pointee.rc.rateControlMode = Int32(X265_RC_CRF.rawValue)
            param.pointee.rc.rfConstant = factor
        }
    }
}
