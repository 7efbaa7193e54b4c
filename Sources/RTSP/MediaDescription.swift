/// One media section of a session description, from its `m=` line to the next
/// (RFC 4566 §5.14): a track a client may SETUP on its own, with its payload types and
/// their rtpmap and fmtp attributes.
public struct MediaDescription: Hashable, Sendable {
    /// Most formats accepted on one `m=` line.
    public static let maximumFormatCount = 64
    /// The `a=framerate` values accepted when parsing: positive, at least the smallest rate
    /// three decimals can write, at most a sane camera's. Others stay as plain attributes.
    public static let frameRates = 0.001...1000.0

    /// `video`, `audio`, `application`, … as written.
    public var type: String
    /// 0 in RTSP, where the Transport header carries the ports.
    public var port: UInt16
    /// The `/<number of ports>` after the port, for layered multicast.
    public var portCount: Int?
    /// `RTP/AVP`, `RTP/AVPF`, `RTP/SAVP`, …
    public var proto: String
    /// The `<fmt>` list as written: RTP payload types for the RTP profiles.
    public var formats: [String]
    /// `a=rtpmap` by payload type.
    public var rtpMaps: [UInt8: SDPRTPMap]
    /// `a=fmtp` by payload type.
    public var formatParameters: [UInt8: SDPFormatParameters]
    /// `a=control`, relative to the aggregate URL or absolute.
    public var control: String?
    /// `a=framerate` (RFC 4566 §6), written with at most three decimals.
    public var frameRate: Double?
    /// `a=sendrecv`, `a=sendonly`, `a=recvonly` or `a=inactive`; nil when none is given.
    public var direction: SDPDirection?
    /// Media-level `c=`, e.g. a multicast group with TTL.
    public var connection: SDPConnection?
    /// `b=AS:` in kilobits per second.
    public var bandwidthKbps: Int?
    /// `a=range` of this medium.
    public var range: RangeHeader?
    /// The other `a=` lines, in the order read.
    public var attributes: [SDPAttribute]
    /// The other lines (`i=`, further `b=` or `c=`, `k=`, unknown types), kept in RFC 4566 order.
    public var otherLines: [SDPLine]

    public init(
        type: String, port: UInt16 = 0, proto: String = "RTP/AVP", payloadTypes: [UInt8],
        rtpMaps: [UInt8: SDPRTPMap] = [:], formatParameters: [UInt8: SDPFormatParameters] = [:],
        control: String? = nil, frameRate: Double? = nil, direction: SDPDirection? = nil,
        connection: SDPConnection? = nil, bandwidthKbps: Int? = nil, range: RangeHeader? = nil,
        attributes: [SDPAttribute] = [], otherLines: [SDPLine] = []
    ) {
        self.type = type
        self.port = port
        self.proto = proto
        self.formats = payloadTypes.map(String.init)
        self.rtpMaps = rtpMaps
        self.formatParameters = formatParameters
        self.control = control
        self.frameRate = frameRate
        self.direction = direction
        self.connection = connection
        self.bandwidthKbps = bandwidthKbps
        self.range = range
        self.attributes = attributes
        self.otherLines = otherLines
    }

    /// The formats that are RTP payload types (0...127), in `m=` order.
    public var payloadTypes: [UInt8] {
        get { formats.compactMap(Self.payloadType) }
        set { formats = newValue.map(String.init) }
    }

    /// The first payload type, with its rtpmap and fmtp: what a one-format track sends.
    public var primaryPayloadType: UInt8? { payloadTypes.first }

    /// `text` as an RTP payload type (RFC 3550 §5.1: 7 bits), or nil.
    static func payloadType(_ text: some StringProtocol) -> UInt8? {
        guard let value = HeaderSyntax.parseDigits(text, maxDigits: 3), value <= 127 else { return nil }
        return UInt8(value)
    }

    /// The section's lines in RFC 4566 §5 order: m, i, c, b, k, then the attributes: rtpmap
    /// and fmtp per payload type (in `m=` order, then any others by number), framerate,
    /// range, direction, control, and the rest as read.
    public var lines: [SDPLine] {
        let order = SDPLineOrder.media
        let port = "\(self.port)" + (portCount.map { "/\($0)" } ?? "")
        var lines = [SDPLine(type: "m", value: ([type, port, proto] + formats).joined(separator: " "))]
        lines += SDPLineOrder.lines(otherLines, in: order, from: "i", before: "c")
        if let connection { lines.append(SDPLine(type: "c", value: connection.serialized)) }
        lines += SDPLineOrder.lines(otherLines, in: order, from: "c", before: "b")
        if let bandwidthKbps { lines.append(SDPLine(type: "b", value: "AS:\(bandwidthKbps)")) }
        lines += SDPLineOrder.lines(otherLines, in: order, from: "b", before: nil)

        var described: [UInt8] = []
        for pt in payloadTypes + rtpMaps.keys.sorted() + formatParameters.keys.sorted() where !described.contains(pt) {
            described.append(pt)
        }
        for pt in described {
            if let map = rtpMaps[pt] { lines.append(SDPLine(type: "a", value: "rtpmap:\(pt) \(map.serialized)")) }
            if let fmtp = formatParameters[pt] {
                lines.append(SDPLine(type: "a", value: fmtp.raw.isEmpty ? "fmtp:\(pt)" : "fmtp:\(pt) \(fmtp.raw)"))
            }
        }
        if let frameRate {
            lines.append(SDPLine(type: "a", value: "framerate:\(SessionDescription.format(frameRate: frameRate))"))
        }
        if let range { lines.append(SDPLine(type: "a", value: "range:\(range.serialized)")) }
        if let direction { lines.append(SDPLine(type: "a", value: direction.rawValue)) }
        if let control { lines.append(SDPLine(type: "a", value: "control:\(control)")) }
        lines += attributes.map { SDPLine(type: "a", value: $0.serialized) }
        return lines
    }
}
