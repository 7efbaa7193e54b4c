/// A session description (RFC 4566): the presentation a DESCRIBE returns, with its
/// session-level fields and one `MediaDescription` per `m=` section. camsim writes it for
/// its streams and reads it from other servers; lines it has no field for are kept.
public struct SessionDescription: Hashable, Sendable {
    /// Most `m=` sections accepted when parsing.
    public static let maximumMediaCount = 32

    public var originUsername: String
    public var originSessionID: UInt64
    public var originSessionVersion: UInt64
    public var originAddress: String
    public var sessionName: String
    /// `i=`, left out when nil.
    public var sessionInformation: String?
    /// Session-level `c=`, left out when nil (each medium then carries its own).
    public var connection: SDPConnection?
    /// The `t=` value; `0 0` for a session that is not bounded in time.
    public var timing: String
    /// `a=tool`, left out when nil.
    public var tool: String?
    /// Session-level `a=control`, left out when nil.
    public var control: String?
    /// `a=range`, left out when nil.
    public var range: RangeHeader?
    /// Further `a=range` lines after `range`: a recording gives its span both as normal
    /// play time and as absolute time (RFC 2326 §C.1.5, §3.7).
    public var additionalRanges: [RangeHeader] = []
    /// The other session-level `a=` lines, in the order read.
    public var attributes: [SDPAttribute] = []
    /// The other session-level lines (`u=`, `e=`, `b=`, `r=`, `z=`, `k=`, repeated or
    /// unreadable ones, unknown types), kept in RFC 4566 order.
    public var otherLines: [SDPLine] = []
    /// One per `m=` line, in order.
    public var media: [MediaDescription]

    public init(
        originSessionID: UInt64, originSessionVersion: UInt64 = 1, originAddress: String,
        sessionName: String, sessionInformation: String? = nil,
        connection: SDPConnection? = SDPConnection(address: "0.0.0.0"), timing: String = "0 0",
        tool: String? = nil, control: String? = "*", range: RangeHeader? = .live,
        media: [MediaDescription] = [], originUsername: String = "-"
    ) {
        self.originUsername = originUsername
        self.originSessionID = originSessionID
        self.originSessionVersion = originSessionVersion
        self.originAddress = originAddress
        self.sessionName = sessionName
        self.sessionInformation = sessionInformation
        self.connection = connection
        self.timing = timing
        self.tool = tool
        self.control = control
        self.range = range
        self.media = media
    }

    /// The lines in RFC 4566 §5 order: v, o, s, i, u, e, p, c, b, t, r, z, k, session a=
    /// (tool, control, ranges, the rest), then each media section.
    public var lines: [SDPLine] {
        let order = SDPLineOrder.session
        var lines: [SDPLine] = [
            SDPLine(type: "v", value: "0"),
            SDPLine(type: "o", value: "\(originUsername) \(originSessionID) \(originSessionVersion) IN "
                + "\(SDPConnection(address: originAddress).addressType) \(originAddress)"),
            // RFC 4566 §5.3: a session without a meaningful name uses "s= ".
            SDPLine(type: "s", value: sessionName.isEmpty ? " " : sessionName),
        ]
        lines += SDPLineOrder.lines(otherLines, in: order, from: "v", before: "i")
        if let sessionInformation { lines.append(SDPLine(type: "i", value: sessionInformation)) }
        lines += SDPLineOrder.lines(otherLines, in: order, from: "i", before: "c")
        if let connection { lines.append(SDPLine(type: "c", value: connection.serialized)) }
        lines += SDPLineOrder.lines(otherLines, in: order, from: "c", before: "t")
        lines.append(SDPLine(type: "t", value: timing))
        lines += SDPLineOrder.lines(otherLines, in: order, from: "t", before: nil)
        if let tool { lines.append(SDPLine(type: "a", value: "tool:\(tool)")) }
        if let control { lines.append(SDPLine(type: "a", value: "control:\(control)")) }
        let ranges = (range.map { [$0] } ?? []) + additionalRanges
        lines += ranges.map { SDPLine(type: "a", value: "range:\($0.serialized)") }
        lines += attributes.map { SDPLine(type: "a", value: $0.serialized) }
        for medium in media { lines += medium.lines }
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
