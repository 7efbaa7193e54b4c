extension MediaDescription {
    /// Reads `m=<media> <port>[/<count>] <proto> <fmt> ...` (RFC 4566 §5.14). The formats
    /// are kept as written: RTP profiles list payload types, others (and some cameras) do not.
    init(parsingMediaLine value: String) throws(SDPParseError) {
        let parts = HeaderSyntax.pieces(of: value, at: UInt8(ascii: " "), omittingEmpty: true)
        guard parts.count >= 3 else { throw .malformedMedia(value) }
        let portParts = HeaderSyntax.pieces(of: parts[1], at: UInt8(ascii: "/"))
        guard portParts.count <= 2, let port = HeaderSyntax.parseDigits(portParts[0], maxDigits: 5), port <= 65535
        else { throw .malformedMedia(value) }
        var count: Int?
        if portParts.count == 2 {
            guard let parsed = HeaderSyntax.parseDigits(portParts[1], maxDigits: 5) else { throw .malformedMedia(value) }
            count = parsed
        }
        guard parts.count - 3 <= Self.maximumFormatCount else {
            throw .tooManyFormats(count: parts.count - 3, limit: Self.maximumFormatCount)
        }
        self.init(type: String(parts[0]), port: UInt16(port), proto: String(parts[2]), payloadTypes: [])
        portCount = count
        formats = parts.dropFirst(3).map(String.init)
    }

    /// Adds one line of this section. The first rtpmap and fmtp per payload type, the
    /// first readable control, framerate, range, direction, `c=` and `b=AS` fill their
    /// fields; everything else is kept in `attributes` or `otherLines`.
    mutating func read(_ line: SDPLine) {
        switch line.type {
        case "c" where connection == nil:
            guard let parsed = try? SDPConnection.parse(line.value) else { break }
            connection = parsed
            return
        case "b" where bandwidthKbps == nil && line.value.hasPrefix("AS:"):
            guard let kbps = HeaderSyntax.parseDigits(line.value.dropFirst(3), maxDigits: 9) else { break }
            bandwidthKbps = kbps
            return
        case "a":
            let attribute = SDPAttribute(parsing: line.value)
            if !readKnown(attribute) { attributes.append(attribute) }
            return
        default:
            break
        }
        otherLines.append(line)
        otherLines = SDPLineOrder.sorted(otherLines, in: SDPLineOrder.media)
    }

    /// Fills the field `attribute` names; false when it names none, is repeated, or does not parse.
    private mutating func readKnown(_ attribute: SDPAttribute) -> Bool {
        let name = attribute.name.lowercased()
        if attribute.value == nil, let flag = SDPDirection(rawValue: name) {
            guard direction == nil else { return false }
            direction = flag
            return true
        }
        guard let value = attribute.value else { return false }
        switch name {
        case "rtpmap":
            // rtpmap:<payload type> <encoding name>/<clock rate>[/<encoding parameters>] (§6)
            guard let (pt, rest) = Self.payloadTypeAndRest(value), rtpMaps[pt] == nil,
                  let map = SDPRTPMap(parsing: rest) else { return false }
            rtpMaps[pt] = map
        case "fmtp":
            // fmtp:<format> <format specific parameters> (§6)
            guard let (pt, rest) = Self.payloadTypeAndRest(value), formatParameters[pt] == nil else { return false }
            formatParameters[pt] = SDPFormatParameters(String(rest))
        case "control":
            guard control == nil else { return false }
            control = value
        case "framerate":
            // The maximum frame rate (§6). `SessionDescription.format(frameRate:)` writes three
            // decimals, so only rates it can write back fill the field.
            guard frameRate == nil, let fps = Double(value), Self.frameRates.contains(fps) else { return false }
            frameRate = fps
        case "range":
            guard range == nil, let parsed = RangeHeader(parsing: value) else { return false }
            range = parsed
        default:
            return false
        }
        return true
    }

    /// `<payload type> <rest>`: the rest without its leading spaces, empty when there is none.
    static func payloadTypeAndRest(_ value: String) -> (UInt8, Substring)? {
        let space = value.utf8.firstIndex(of: UInt8(ascii: " ")) ?? value.endIndex
        guard let pt = payloadType(Substring(value.utf8[..<space])) else { return nil }
        var rest = value.utf8[space...]
        while rest.first == UInt8(ascii: " ") { rest = rest.dropFirst() }
        return (pt, Substring(rest))
    }
}
