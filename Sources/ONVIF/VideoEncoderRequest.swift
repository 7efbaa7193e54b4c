/// A `SetVideoEncoderConfiguration` request as read, before any check against the
/// options: the configuration's token and each value it gives (nil when absent).
/// ver10 sends a `tt:VideoEncoderConfiguration` (onvif.xsd: Encoding, Resolution,
/// Quality, RateControl {FrameRateLimit, EncodingInterval, BitrateLimit}, H264
/// {GovLength, H264Profile}); Media2 a `tt:VideoEncoder2Configuration` (attributes
/// GovLength and Profile; Encoding, Resolution, RateControl {FrameRateLimit,
/// BitrateLimit}, Quality). Pure: fuzzed by `fuzz-onvif-media-request`.
public struct VideoEncoderRequest: Sendable, Equatable {
    /// Which media service's schema the request follows.
    public enum Schema: Sendable {
        case ver10, media2
    }

    public var token: String
    /// As written: `H264`, `JPEG`, `MPEG4` (ver10); `H264`, `H265`, `JPEG` (Media2).
    public var encoding: String?
    public var width: Int?
    public var height: Int?
    public var frameRate: Double?
    /// ver10 only: send every Nth frame.
    public var encodingInterval: Int?
    /// kbit/s.
    public var bitrate: Int?
    public var govLength: Int?
    /// `Baseline`, `Main`, `High` (H.264); `Main` (H.265).
    public var profile: String?
    public var quality: Double?

    public init(
        token: String, encoding: String? = nil, width: Int? = nil, height: Int? = nil, frameRate: Double? = nil,
        encodingInterval: Int? = nil, bitrate: Int? = nil, govLength: Int? = nil, profile: String? = nil, quality: Double? = nil
    ) {
        self.token = token
        self.encoding = encoding
        self.width = width
        self.height = height
        self.frameRate = frameRate
        self.encodingInterval = encodingInterval
        self.bitrate = bitrate
        self.govLength = govLength
        self.profile = profile
        self.quality = quality
    }

    /// Reads the operation's body (`SetVideoEncoderConfiguration`). No `Configuration`, or
    /// a number that is not one, is `ter:InvalidArgVal/ter:ConfigModify`.
    public static func parse(_ body: XMLNode, schema: Schema) throws(SOAPFault) -> VideoEncoderRequest {
        let service = schema == .ver10 ? SOAPNamespace.media : SOAPNamespace.media2
        guard let configuration = body.child("Configuration", in: service) else {
            throw SOAPFault.configModify("the request has no Configuration")
        }
        let tt = SOAPNamespace.schema
        var request = VideoEncoderRequest(token: configuration.attributes[XMLName("", "token")] ?? "")
        request.encoding = configuration.child("Encoding", in: tt)?.trimmedText
        if let resolution = configuration.child("Resolution", in: tt) {
            request.width = try int(resolution.child("Width", in: tt), "Resolution/Width")
            request.height = try int(resolution.child("Height", in: tt), "Resolution/Height")
        }
        request.quality = try double(configuration.child("Quality", in: tt), "Quality")
        let rate = configuration.child("RateControl", in: tt)
        request.frameRate = try double(rate?.child("FrameRateLimit", in: tt), "RateControl/FrameRateLimit")
        request.bitrate = try int(rate?.child("BitrateLimit", in: tt), "RateControl/BitrateLimit")
        switch schema {
        case .ver10:
            request.encodingInterval = try int(rate?.child("EncodingInterval", in: tt), "RateControl/EncodingInterval")
            let h264 = configuration.child("H264", in: tt)
            request.govLength = try int(h264?.child("GovLength", in: tt), "H264/GovLength")
            request.profile = h264?.child("H264Profile", in: tt)?.trimmedText
        case .media2:
            request.govLength = try int(configuration.attributes[XMLName("", "GovLength")], "GovLength")
            request.profile = configuration.attributes[XMLName("", "Profile")]
        }
        return request
    }

    private static func int(_ node: XMLNode?, _ name: String) throws(SOAPFault) -> Int? {
        try int(node?.trimmedText, name)
    }

    /// An xs:int: at most 11 characters, so a long run of digits is refused, never trapped on.
    private static func int(_ text: String?, _ name: String) throws(SOAPFault) -> Int? {
        guard let text else { return nil }
        let trimmed = text.trimmingXMLSpace
        guard trimmed.utf8.count <= 11, let value = Int32(trimmed) else {
            throw SOAPFault.configModify("\(name) is not an integer: '\(trimmed.prefix(32))'")
        }
        return Int(value)
    }

    private static func double(_ node: XMLNode?, _ name: String) throws(SOAPFault) -> Double? {
        guard let node else { return nil }
        let text = node.trimmedText
        guard text.utf8.count <= 32, let value = Double(text), value.isFinite else {
            throw SOAPFault.configModify("\(name) is not a number: '\(text.prefix(32))'")
        }
        return value
    }
}

extension SOAPFault {
    /// Settings the device cannot take (ONVIF Media Service Specification,
    /// SetVideoEncoderConfiguration: `env:Sender/ter:InvalidArgVal/ter:ConfigModify`).
    public static func configModify(_ reason: String) -> SOAPFault {
        invalidArgVal("ConfigModify", reason)
    }

    /// A configuration token the device does not have (`ter:InvalidArgVal/ter:NoConfig`).
    public static func noConfig(_ token: String) -> SOAPFault {
        invalidArgVal("NoConfig", "no configuration has the token '\(token)'")
    }
}

extension String {
    /// Without XML white space at either end.
    var trimmingXMLSpace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
