/// A connection line's address (RFC 4566 §5.7): `IN IP4 <address>[/<ttl>]`, IP6 when the
/// address holds a colon. The TTL is for IPv4 multicast.
public struct SDPConnection: Hashable, Sendable {
    public var address: String
    public var ttl: UInt8?

    public init(address: String, ttl: UInt8? = nil) {
        self.address = address
        self.ttl = ttl
    }

    var addressType: String { address.contains(":") ? "IP6" : "IP4" }

    public var serialized: String {
        "IN \(addressType) \(address)" + (ttl.map { "/\($0)" } ?? "")
    }

    static func parse(_ value: String) throws(SDPParseError) -> SDPConnection {
        let parts = value.split(separator: " ")
        guard parts.count == 3, parts[0] == "IN", parts[1] == "IP4" || parts[1] == "IP6" else {
            throw .malformedConnection(value)
        }
        let addressParts = parts[2].split(separator: "/", omittingEmptySubsequences: false)
        var connection = SDPConnection(address: String(addressParts[0]))
        if addressParts.count >= 2 {
            guard let ttl = HeaderSyntax.parseDigits(addressParts[1], maxDigits: 3), ttl <= 255 else {
                throw .malformedConnection(value)
            }
            connection.ttl = UInt8(ttl)
        }
        return connection
    }
}

/// The media section for one H.264 video stream (RFC 4566 §5.14, RFC 6184 §8.2.1).
public struct H264VideoMedia: Hashable, Sendable {
    /// The `a=framerate` values accepted when parsing: positive, at least the smallest rate
    /// three decimals can write, at most a sane camera's.
    public static let frameRates = 0.001...1000.0

    /// 0 in RTSP, where the Transport header carries the ports.
    public var port: UInt16
    /// A dynamic payload type, 96...127.
    public var payloadType: UInt8
    /// 90 kHz for video (RFC 6184 §8.2.1).
    public var clockRate: Int
    public var format: H264FormatParameters
    /// Frames per second, written as `a=framerate`; nil leaves it out.
    public var frameRate: Double?
    /// `a=control`, relative to the aggregate URL.
    public var control: String
    /// Media-level `c=`, e.g. a multicast group with TTL.
    public var connection: SDPConnection?
    /// `b=AS:` in kilobits per second.
    public var bandwidthKbps: Int?

    public init(
        format: H264FormatParameters, frameRate: Double? = nil, control: String = "trackID=0",
        port: UInt16 = 0, payloadType: UInt8 = 96, clockRate: Int = 90000,
        connection: SDPConnection? = nil, bandwidthKbps: Int? = nil
    ) {
        self.format = format
        self.frameRate = frameRate
        self.control = control
        self.port = port
        self.payloadType = payloadType
        self.clockRate = clockRate
        self.connection = connection
        self.bandwidthKbps = bandwidthKbps
    }
}

/// A session description (RFC 4566) for one camera: a live presentation with a single H.264
/// video track, as returned by DESCRIBE.
public struct SessionDescription: Hashable, Sendable {
    public var originUsername: String
    public var originSessionID: UInt64
    public var originSessionVersion: UInt64
    public var originAddress: String
    public var sessionName: String
    /// `i=`, left out when nil.
    public var sessionInformation: String?
    /// Session-level `c=`.
    public var connection: SDPConnection
    /// `a=tool`, left out when nil.
    public var tool: String?
    /// Session-level `a=control`.
    public var control: String
    /// `a=range`, left out when nil.
    public var range: RangeHeader?
    /// Further `a=range` lines after `range`: a recording gives its span both as normal
    /// play time and as absolute time (RFC 2326 §C.1.5, §3.7).
    public var additionalRanges: [RangeHeader] = []
    public var video: H264VideoMedia

    public init(
        originSessionID: UInt64, originSessionVersion: UInt64 = 1, originAddress: String,
        sessionName: String, sessionInformation: String? = nil,
        connection: SDPConnection = SDPConnection(address: "0.0.0.0"),
        tool: String? = nil, control: String = "*", range: RangeHeader? = .live,
        video: H264VideoMedia, originUsername: String = "-"
    ) {
        self.originUsername = originUsername
        self.originSessionID = originSessionID
        self.originSessionVersion = originSessionVersion
        self.originAddress = originAddress
        self.sessionName = sessionName
        self.sessionInformation = sessionInformation
        self.connection = connection
        self.tool = tool
        self.control = control
        self.range = range
        self.video = video
    }

    /// The lines in RFC 4566 §5 order: v, o, s, i, c, t, session a=, then m, c, b, media a=.
    public var lines: [SDPLine] {
        var lines: [SDPLine] = [
            SDPLine(type: "v", value: "0"),
            SDPLine(type: "o", value: "\(originUsername) \(originSessionID) \(originSessionVersion) IN "
                + "\(SDPConnection(address: originAddress).addressType) \(originAddress)"),
            // RFC 4566 §5.3: a session without a meaningful name uses "s= ".
            SDPLine(type: "s", value: sessionName.isEmpty ? " " : sessionName),
        ]
        if let sessionInformation { lines.append(SDPLine(type: "i", value: sessionInformation)) }
        lines.append(SDPLine(type: "c", value: connection.serialized))
        lines.append(SDPLine(type: "t", value: "0 0"))
        if let tool { lines.append(SDPLine(type: "a", value: "tool:\(tool)")) }
        lines.append(SDPLine(type: "a", value: "control:\(control)"))
        if let range { lines.append(SDPLine(type: "a", value: "range:\(range.serialized)")) }
        for extra in additionalRanges { lines.append(SDPLine(type: "a", value: "range:\(extra.serialized)")) }

        let pt = video.payloadType
        lines.append(SDPLine(type: "m", value: "video \(video.port) RTP/AVP \(pt)"))
        if let connection = video.connection { lines.append(SDPLine(type: "c", value: connection.serialized)) }
        if let kbps = video.bandwidthKbps { lines.append(SDPLine(type: "b", value: "AS:\(kbps)")) }
        lines.append(SDPLine(type: "a", value: "rtpmap:\(pt) H264/\(video.clockRate)"))
        lines.append(SDPLine(type: "a", value: "fmtp:\(pt) \(video.format.serialized)"))
        if let fps = video.frameRate { lines.append(SDPLine(type: "a", value: "framerate:\(Self.format(frameRate: fps))")) }
        lines.append(SDPLine(type: "a", value: "control:\(video.control)"))
        return lines
    }

    /// The description as text, every line ending in CRLF (RFC 4566 §5).
    public func serialize() -> String {
        lines.map { $0.serialized + "\r\n" }.joined()
    }

    /// At most three decimals, trailing zeros dropped: 30 → `30`, 29.97 → `29.97`.
    public static func format(frameRate: Double) -> String {
        let millis = Int((frameRate * 1000).rounded())
        let whole = millis / 1000, fraction = millis % 1000
        guard fraction != 0 else { return "\(whole)" }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)"
    }
}
