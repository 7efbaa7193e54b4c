extension SessionDescription {
    /// Reads a description as real servers write them (RFC 4566 §5): any number of media
    /// sections; CRLF or LF; a missing `o=`, `s=`, `c=` or `t=` tolerated; lines and
    /// attributes it has no field for, and known ones that do not parse (a `c=IN`, an
    /// `a=framerate:0S`), kept as written. Only a missing `v=0`, a line that is not
    /// `<letter>=<value>`, an `m=` line without a port, and the size limits are errors.
    public static func parse(_ text: String) throws(SDPParseError) -> SessionDescription {
        let lines = try SDPLine.parseLines(text)
        guard let first = lines.first, first.type == "v" else { throw .missingField("v") }
        guard HeaderSyntax.trim(first.value) == "0" else { throw .unsupportedVersion(first.value) }

        var session = SessionLevel()
        var current: MediaDescription?
        for line in lines.dropFirst() {
            if line.type == "m" {
                if let current { session.description.media.append(current) }
                let count = session.description.media.count + 1
                guard count <= maximumMediaCount else { throw .tooManyMedia(count: count, limit: maximumMediaCount) }
                current = try MediaDescription(parsingMediaLine: line.value)
            } else if current != nil {
                current!.read(line)
            } else {
                session.read(line)
            }
        }
        if let current { session.description.media.append(current) }
        var description = session.description
        description.otherLines = SDPLineOrder.sorted(description.otherLines, in: SDPLineOrder.session)
        return description
    }

    /// The session-level fields read so far, and which of them were already given.
    private struct SessionLevel {
        var description = SessionDescription(
            originSessionID: 0, originSessionVersion: 0, originAddress: "0.0.0.0", sessionName: "",
            connection: nil, tool: nil, control: nil, range: nil)
        var sawOrigin = false, sawName = false, sawInformation = false, sawTiming = false

        mutating func read(_ line: SDPLine) {
            switch line.type {
            case "o" where !sawOrigin:
                // o=<username> <sess-id> <sess-version> <nettype> <addrtype> <address> (§5.2)
                let parts = HeaderSyntax.pieces(of: line.value, at: UInt8(ascii: " "), omittingEmpty: true)
                guard parts.count == 6, let id = UInt64(parts[1]), let version = UInt64(parts[2]) else { break }
                description.originUsername = String(parts[0])
                description.originSessionID = id
                description.originSessionVersion = version
                description.originAddress = String(parts[5])
                sawOrigin = true
                return
            case "s" where !sawName:
                description.sessionName = line.value == " " ? "" : line.value
                sawName = true
                return
            case "i" where !sawInformation:
                description.sessionInformation = line.value
                sawInformation = true
                return
            case "c" where description.connection == nil:
                guard let connection = try? SDPConnection.parse(line.value) else { break }
                description.connection = connection
                return
            case "t" where !sawTiming:
                description.timing = line.value
                sawTiming = true
                return
            case "a":
                readAttribute(SDPAttribute(parsing: line.value))
                return
            default:
                break
            }
            description.otherLines.append(line)
        }

        private mutating func readAttribute(_ attribute: SDPAttribute) {
            switch (attribute.name.lowercased(), attribute.value) {
            case ("tool", let value?) where description.tool == nil:
                description.tool = value
            case ("control", let value) where description.control == nil:
                description.control = value ?? ""
            case ("range", let value?) where RangeHeader(parsing: value) != nil:
                let range = RangeHeader(parsing: value)!
                if description.range == nil { description.range = range } else { description.additionalRanges.append(range) }
            default:
                description.attributes.append(attribute)
            }
        }
    }
}
