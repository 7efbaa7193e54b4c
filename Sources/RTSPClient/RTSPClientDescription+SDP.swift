import RTSP

extension RTSPClientDescription {
    /// Most `m=` sections read from one SDP.
    public static let maximumTracks = 16
    /// Largest SDP read (the response parser's body limit bounds it first).
    public static let maximumSDPLength = 64 * 1024

    /// Reads the tracks of an SDP (RFC 4566 §5.14, §6: `m=`, `a=rtpmap`, `a=fmtp`,
    /// `a=control`, `a=framerate`) and resolves their control URLs against `base`.
    /// Returns nil when the text is not an SDP with at least one `m=` section.
    public static func parse(sdp: String, base: ClientURL) -> RTSPClientDescription? {
        guard sdp.utf8.count <= maximumSDPLength else { return nil }
        var sessionControl: String?
        var sections: [MediaSection] = []
        // "\r\n" is one Character in Swift; isNewline covers it, "\n" and "\r".
        for rawLine in sdp.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingSpaces()
            guard line.count >= 2, line.dropFirst().first == "=" else { continue }
            let value = String(line.dropFirst(2))
            switch line.first {
            case "m":
                guard sections.count < maximumTracks else { break }
                guard let section = MediaSection(mLine: value, index: sections.count) else { return nil }
                sections.append(section)
            case "a":
                let (name, attributeValue) = Self.attribute(value)
                if sections.isEmpty {
                    if name == "control" { sessionControl = attributeValue }
                } else {
                    sections[sections.count - 1].read(name: name, value: attributeValue)
                }
            default:
                break
            }
        }
        guard !sections.isEmpty else { return nil }
        let aggregate = sessionControl.flatMap { base.resolving($0) } ?? base
        let tracks = sections.compactMap { $0.track(base: base) }
        guard !tracks.isEmpty else { return nil }
        return RTSPClientDescription(
            sdp: sdp, sessionDescription: try? SessionDescription.parse(sdp), baseURL: base,
            aggregateURL: aggregate, tracks: tracks)
    }

    /// `a=name:value` or `a=flag` (RFC 4566 §5.13).
    private static func attribute(_ text: String) -> (String, String) {
        guard let colon = text.firstIndex(of: ":") else { return (text.lowercased(), "") }
        return (text[..<colon].lowercased(), String(text[text.index(after: colon)...]).trimmingSpaces())
    }

    /// What one `m=` section says, as it is read.
    private struct MediaSection {
        var index: Int
        var mediaType: String
        var transportProtocol: String
        var payloadTypes: [UInt8]
        var rtpMaps: [UInt8: (name: String, clockRate: Int?, channels: Int?)] = [:]
        var fmtp: [UInt8: String] = [:]
        var control: String?
        var frameRate: Double?

        /// `m=<media> <port>[/<n>] <proto> <fmt> …` (RFC 4566 §5.14).
        init?(mLine: String, index: Int) {
            let parts = mLine.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count >= 3 else { return nil }
            self.index = index
            mediaType = parts[0].lowercased()
            transportProtocol = String(parts[2])
            payloadTypes = parts.dropFirst(3).compactMap { UInt8($0) }.filter { $0 < 128 }
        }

        mutating func read(name: String, value: String) {
            switch name {
            case "control":
                control = value
            case "framerate":
                frameRate = Double(value)
            case "rtpmap":
                // `a=rtpmap:<pt> <name>/<clock>[/<channels>]` (RFC 4566 §6).
                guard let (pt, rest) = Self.payloadPrefixed(value) else { return }
                let fields = rest.split(separator: "/", omittingEmptySubsequences: false)
                guard let name = fields.first, !name.isEmpty else { return }
                rtpMaps[pt] = (String(name), fields.count > 1 ? Int(fields[1]) : nil,
                               fields.count > 2 ? Int(fields[2]) : nil)
            case "fmtp":
                guard let (pt, rest) = Self.payloadPrefixed(value) else { return }
                fmtp[pt] = rest
            default:
                break
            }
        }

        private static func payloadPrefixed(_ value: String) -> (UInt8, String)? {
            let trimmed = value.trimmingSpaces()
            guard let space = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }),
                  let pt = UInt8(trimmed[..<space]), pt < 128
            else { return nil }
            return (pt, String(trimmed[space...]).trimmingSpaces())
        }

        /// RFC 3551 §6: static payload types a server may use without an rtpmap.
        private static let staticTypes: [UInt8: (String, Int, Int?)] = [
            0: ("PCMU", 8000, 1), 3: ("GSM", 8000, 1), 8: ("PCMA", 8000, 1), 9: ("G722", 8000, 1),
            10: ("L16", 44100, 2), 11: ("L16", 44100, 1), 14: ("MPA", 90000, nil), 26: ("JPEG", 90000, nil),
            32: ("MPV", 90000, nil), 33: ("MP2T", 90000, nil),
        ]

        func track(base: ClientURL) -> RTSPClientTrack? {
            // A section without a control attribute is set up at the base URL (RFC 2326 §C.1.1).
            let resolved: ClientURL? = if let control { base.resolving(control) } else { base }
            guard let url = resolved else { return nil }
            let pt = payloadTypes.first
            var name: String?, clock: Int?, channels: Int?
            if let pt, let map = rtpMaps[pt] {
                (name, clock, channels) = (map.name, map.clockRate, map.channels)
            } else if let pt, let known = Self.staticTypes[pt] {
                (name, clock, channels) = (known.0, known.1, known.2)
            }
            return RTSPClientTrack(
                mediaIndex: index, mediaType: mediaType, transportProtocol: transportProtocol, payloadType: pt,
                encodingName: name, clockRate: clock, channels: channels, formatParameters: pt.flatMap { fmtp[$0] },
                frameRate: frameRate, control: control, url: url)
        }
    }
}
