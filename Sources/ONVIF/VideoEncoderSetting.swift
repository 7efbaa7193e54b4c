/// What `SetVideoEncoderConfiguration` asks a stream to become, checked against the
/// encoder's options: every value resolved (an absent one keeps the stream's), so the
/// control plane only copies it into the stream's configuration.
public struct VideoEncoderSetting: Sendable, Equatable {
    /// The coding to encode in.
    public enum Codec: Sendable, Equatable {
        /// H.264 with its profile in ver10's spelling (`Baseline`, `Main`, `High`).
        case h264(profile: String)
        case h265
        case jpeg
    }

    public var codec: Codec
    public var width: Int
    public var height: Int
    public var frameRate: Double
    /// kbit/s; nil keeps the stream's rate control as it is (a `crf` stream shows 0 and
    /// stays at its constant quality when 0 comes back).
    public var bitrate: Int?
    public var govLength: Int

    public init(codec: Codec, width: Int, height: Int, frameRate: Double, bitrate: Int?, govLength: Int) {
        self.codec = codec
        self.width = width
        self.height = height
        self.frameRate = frameRate
        self.bitrate = bitrate
        self.govLength = govLength
    }

    /// `request` applied to `profile`'s stream, or `ter:InvalidArgVal/ter:ConfigModify`
    /// naming the first value `options` does not allow (ONVIF Media Service
    /// Specification, SetVideoEncoderConfiguration). A value equal to the stream's own is
    /// always allowed, so a client may send back what `GetVideoEncoderConfiguration` gave it.
    /// Only Media2 names H.265 (ver10's `tt:VideoEncoding` has no value for it).
    public static func checked(
        _ request: VideoEncoderRequest, profile: MediaProfile, options: VideoEncoderOptions, schema: VideoEncoderRequest.Schema
    ) throws(SOAPFault) -> VideoEncoderSetting {
        let codec = try codec(request, current: profile.encoding, schema: schema)
        let width = request.width ?? profile.width, height = request.height ?? profile.height
        let size = VideoEncoderOptions.Resolution(width, height)
        let sizes = codec == .jpeg ? options.jpegResolutions : options.resolutions
        guard sizes.contains(size) else {
            let allowed = sizes.map(\.description).joined(separator: ", ")
            throw SOAPFault.configModify("\(size) is not among the \(codec == .jpeg ? "JPEG " : "")resolutions available: \(allowed)")
        }
        let frameRate = request.frameRate ?? profile.frameRate
        let rates = options.frameRateRange
        guard frameRate == profile.frameRate || (frameRate >= Double(rates.lowerBound) && frameRate <= Double(rates.upperBound)) else {
            throw SOAPFault.configModify("FrameRateLimit \(frameRate) is outside \(rates.lowerBound)...\(rates.upperBound)")
        }
        if let interval = request.encodingInterval, interval != 1 {
            throw SOAPFault.configModify("EncodingInterval must be 1 (every frame is encoded), got \(interval)")
        }
        var bitrate = request.bitrate
        if bitrate == profile.bitrate { bitrate = nil }
        if let kbps = bitrate, !options.bitrateRange.contains(kbps) {
            throw SOAPFault.configModify(
                "BitrateLimit \(kbps) kbit/s is outside \(options.bitrateRange.lowerBound)...\(options.bitrateRange.upperBound)")
        }
        let govLength = request.govLength ?? profile.govLength
        guard govLength == profile.govLength || options.govLengthRange.contains(govLength) else {
            throw SOAPFault.configModify(
                "GovLength \(govLength) is outside \(options.govLengthRange.lowerBound)...\(options.govLengthRange.upperBound)")
        }
        if let quality = request.quality,
           quality < Double(options.qualityRange.lowerBound) || quality > Double(options.qualityRange.upperBound) {
            throw SOAPFault.configModify("Quality \(quality) is outside \(options.qualityRange.lowerBound)...\(options.qualityRange.upperBound)")
        }
        return VideoEncoderSetting(codec: codec, width: width, height: height, frameRate: frameRate, bitrate: bitrate, govLength: govLength)
    }

    private static func codec(
        _ request: VideoEncoderRequest, current: MediaProfile.Encoding, schema: VideoEncoderRequest.Schema
    ) throws(SOAPFault) -> Codec {
        // Every case but H.264 returns here; H.264 goes on to its profile.
        switch request.encoding?.uppercased() {
        case nil:
            switch current {
            case .h264: break
            case .h265: return try h265(request.profile)
            case .jpeg: return .jpeg
            }
        case "H264": break
        case "JPEG": return .jpeg
        case "H265" where schema == .media2: return try h265(request.profile)
        case "H265":
            throw SOAPFault.configModify("ver10 has no name for H.265 (tt:VideoEncoding); set it through Media2")
        default:
            throw SOAPFault.configModify("encoding '\(request.encoding ?? "")' is not offered: H264, \(schema == .media2 ? "H265, " : "")JPEG")
        }
        var profile = "High"
        if case .h264(let currentProfile) = current { profile = currentProfile }
        if let asked = request.profile {
            guard let known = VideoEncoderOptions.h264Profiles.first(where: { $0.lowercased() == asked.lowercased() }) else {
                throw SOAPFault.configModify(
                    "H.264 profile '\(asked)' is not offered: \(VideoEncoderOptions.h264Profiles.joined(separator: ", "))")
            }
            profile = known
        }
        return .h264(profile: profile)
    }

    private static func h265(_ profile: String?) throws(SOAPFault) -> Codec {
        if let profile, profile.lowercased() != "main" {
            throw SOAPFault.configModify("H.265 profile '\(profile)' is not offered: Main")
        }
        return .h265
    }
}
