/// Why an RTP-Info header (RFC 2326 §12.33) was rejected.
public enum RTPInfoHeaderError: Error, Hashable, Sendable {
    case empty
    case tooLong(length: Int, limit: Int)
    case tooManyEntries(count: Int, limit: Int)
    /// An entry that does not start with `url=`.
    case missingURL(String)
    case invalidSequenceNumber(value: String)
    case invalidRTPTime(value: String)
}

/// One stream of an RTP-Info header: `url=... [;seq=N] [;rtptime=N]`.
public struct RTPInfoEntry: Hashable, Sendable, CustomStringConvertible {
    public var url: String
    public var sequenceNumber: UInt16?
    public var rtpTime: UInt32?
    /// Parameters other than `seq` and `rtptime`, verbatim.
    public var otherParameters: [String]

    public init(url: String, sequenceNumber: UInt16? = nil, rtpTime: UInt32? = nil, otherParameters: [String] = []) {
        self.url = url
        self.sequenceNumber = sequenceNumber
        self.rtpTime = rtpTime
        self.otherParameters = otherParameters
    }

    public var serialized: String {
        var parts = ["url=\(url)"]
        if let sequenceNumber { parts.append("seq=\(sequenceNumber)") }
        if let rtpTime { parts.append("rtptime=\(rtpTime)") }
        parts.append(contentsOf: otherParameters)
        return parts.joined(separator: ";")
    }

    public var description: String { serialized }
}

/// The RTP-Info header sent with PLAY (RFC 2326 §12.33): per stream, the URL and the first
/// sequence number and RTP timestamp, entries separated by commas.
public struct RTPInfoHeader: Hashable, Sendable, CustomStringConvertible {
    public static let headerName = "RTP-Info"
    /// Longest header value accepted.
    public static let maximumLength = 8192
    /// Most entries accepted.
    public static let maximumEntries = 32
    /// `seq` and `rtptime` are at most 10 digits (32 bits).
    public static let maximumNumberDigits = 10

    public var entries: [RTPInfoEntry]

    public init(entries: [RTPInfoEntry]) {
        self.entries = entries
    }

    /// Splits entries at commas that start a new `url=`, so commas inside URLs survive.
    public static func parse(_ text: String) throws(RTPInfoHeaderError) -> RTPInfoHeader {
        guard text.utf8.count <= maximumLength else {
            throw .tooLong(length: text.utf8.count, limit: maximumLength)
        }
        var pieces: [String] = []
        for piece in HeaderSyntax.pieces(of: text, at: UInt8(ascii: ",")) {
            let trimmed = HeaderSyntax.trim(piece)
            if pieces.isEmpty || trimmed.lowercased().hasPrefix("url=") {
                pieces.append(trimmed)
            } else {
                pieces[pieces.count - 1] += "," + piece
            }
        }
        pieces = pieces.filter { !$0.isEmpty }
        guard !pieces.isEmpty else { throw .empty }
        guard pieces.count <= maximumEntries else { throw .tooManyEntries(count: pieces.count, limit: maximumEntries) }
        var entries: [RTPInfoEntry] = []
        for piece in pieces {
            entries.append(try parseEntry(piece))
        }
        return RTPInfoHeader(entries: entries)
    }

    private static func parseEntry(_ text: String) throws(RTPInfoHeaderError) -> RTPInfoEntry {
        guard text.lowercased().hasPrefix("url=") else { throw .missingURL(text) }
        // Control URLs hold no `;` in practice, so every `;` starts a parameter.
        let parts = HeaderSyntax.semicolonParts(text)
        var entry = RTPInfoEntry(url: String(parts[0].dropFirst(4)))
        for parameter in parts.dropFirst() where !parameter.isEmpty {
            let (name, value) = HeaderSyntax.nameValue(parameter)
            switch name.lowercased() {
            case "seq":
                guard let value, let number = HeaderSyntax.parseDigits(value, maxDigits: maximumNumberDigits),
                      number <= Int(UInt16.max)
                else { throw .invalidSequenceNumber(value: value ?? "") }
                entry.sequenceNumber = UInt16(number)
            case "rtptime":
                guard let value, let number = HeaderSyntax.parseDigits(value, maxDigits: maximumNumberDigits),
                      number <= Int(UInt32.max)
                else { throw .invalidRTPTime(value: value ?? "") }
                entry.rtpTime = UInt32(number)
            default:
                entry.otherParameters.append(parameter)
            }
        }
        return entry
    }

    public init?(parsing text: String) {
        guard let header = try? Self.parse(text) else { return nil }
        self = header
    }

    public var serialized: String { entries.map(\.serialized).joined(separator: ",") }
    public var description: String { serialized }
}
