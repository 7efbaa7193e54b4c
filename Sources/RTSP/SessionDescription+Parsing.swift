extension SessionDescription {
    /// Reads a description in the shape `serialize()` writes: one H.264 video media section
    /// (RFC 4566 §5, RFC 6184 §8.2.1). Unknown lines and attributes are skipped.
    public static func parse(_ text: String) throws(SDPParseError) -> SessionDescription {
        let lines = try SDPLine.parseLines(text)
        guard let first = lines.first, first.type == "v" else { throw .missingField("v") }
        guard first.value == "0" else { throw .unsupportedVersion(first.value) }

        var origin: [Substring]?
        var sessionName: String?
        var information: String?
        var connection: SDPConnection?
        var tool: String?
        var control = "*"
        var range: RangeHeader?
        var media: H264VideoMedia?
        var payloadType: UInt8?
        var sawRTPMap = false

        for line in lines.dropFirst() {
            if media == nil {
                switch line.type {
                case "o":
                    let parts = line.value.split(separator: " ")
                    guard parts.count == 6, UInt64(parts[1]) != nil, UInt64(parts[2]) != nil else {
                        throw .malformedOrigin(line.value)
                    }
                    origin = parts
                case "s": sessionName = line.value == " " ? "" : line.value
                case "i": information = line.value
                case "c": connection = try SDPConnection.parse(line.value)
                case "a":
                    let (name, value) = attribute(line.value)
                    switch name {
                    case "tool": tool = value
                    case "control": control = value ?? ""
                    case "range":
                        guard let value, let parsed = RangeHeader(parsing: value) else {
                            throw .malformedAttribute(line.value)
                        }
                        range = parsed
                    default: break
                    }
                case "m":
                    // m=video <port> RTP/AVP <fmt> (RFC 4566 §5.14).
                    let parts = line.value.split(separator: " ")
                    guard parts.count == 4, let port = UInt16(parts[1]), let pt = UInt8(parts[3]) else {
                        throw .malformedMedia(line.value)
                    }
                    guard parts[0] == "video", parts[2] == "RTP/AVP" else { throw .unsupportedMedia(line.value) }
                    payloadType = pt
                    media = H264VideoMedia(
                        format: H264FormatParameters(sps: [], pps: []), control: "", port: port, payloadType: pt)
                default: break
                }
                continue
            }
            guard var current = media, let pt = payloadType else { continue }
            switch line.type {
            case "m":
                throw .unsupportedMedia(line.value)
            case "c":
                current.connection = try SDPConnection.parse(line.value)
            case "b":
                if line.value.hasPrefix("AS:"), let kbps = Int(line.value.dropFirst(3)) { current.bandwidthKbps = kbps }
            case "a":
                let (name, value) = attribute(line.value)
                switch name {
                case "rtpmap":
                    // rtpmap:<pt> H264/<clock rate>
                    guard let value, value.hasPrefix("\(pt) H264/"),
                          let rate = Int(value.dropFirst("\(pt) H264/".count))
                    else { throw .unsupportedMedia(line.value) }
                    current.clockRate = rate
                    sawRTPMap = true
                case "fmtp":
                    guard let value, value.hasPrefix("\(pt) ") else { throw .malformedAttribute(line.value) }
                    current.format = try H264FormatParameters.parse(String(value.dropFirst("\(pt) ".count)))
                case "framerate":
                    // RFC 4566 §6: the maximum frame rate. `format(frameRate:)` writes three
                    // decimals, so only rates it can write back are accepted.
                    guard let value, let fps = Double(value), H264VideoMedia.frameRates.contains(fps)
                    else { throw .malformedAttribute(line.value) }
                    current.frameRate = fps
                case "control":
                    current.control = value ?? ""
                default: break
                }
            default: break
            }
            media = current
        }

        guard let origin else { throw .missingField("o") }
        guard let sessionName else { throw .missingField("s") }
        guard let connection else { throw .missingField("c") }
        guard let media, sawRTPMap else { throw .missingField("m") }
        return SessionDescription(
            originSessionID: UInt64(origin[1])!, originSessionVersion: UInt64(origin[2])!,
            originAddress: String(origin[5]), sessionName: sessionName, sessionInformation: information,
            connection: connection, tool: tool, control: control, range: range, video: media,
            originUsername: String(origin[0]))
    }

    /// `name[:value]` of an `a=` line (RFC 4566 §5.13).
    private static func attribute(_ text: String) -> (name: String, value: String?) {
        guard let colon = text.firstIndex(of: ":") else { return (text, nil) }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }
}
