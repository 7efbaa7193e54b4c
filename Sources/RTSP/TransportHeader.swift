/// Why a Transport header (RFC 2326 §12.39) was rejected.
public enum TransportHeaderError: Error, Hashable, Sendable {
    case empty
    case tooLong(length: Int, limit: Int)
    case tooManyAlternatives(count: Int, limit: Int)
    case tooManyParameters(count: Int, limit: Int)
    /// A double quote was left open.
    case unterminatedQuote(String)
    /// The first element is not `protocol/profile[/lower-transport]`.
    case malformedTransportSpecifier(String)
    /// A transport protocol other than RTP.
    case unsupportedProtocol(String)
    /// A profile that is not a token.
    case invalidProfile(String)
    /// A lower transport other than UDP or TCP.
    case unsupportedLowerTransport(String)
    /// A parameter that needs a value has none (`client_port`, `ttl`, ...).
    case missingValue(parameter: String)
    case invalidPortRange(parameter: String, value: String)
    case invalidChannelRange(value: String)
    case invalidTTL(value: String)
    case invalidSSRC(value: String)
    case invalidMode(value: String)
}

/// How RTP travels beneath the profile: `/UDP` (the default when absent) or `/TCP`.
public enum LowerTransport: String, Hashable, Sendable {
    case udp = "UDP"
    case tcp = "TCP"
}

/// `unicast` or `multicast` (RFC 2326 §12.39).
public enum TransportDelivery: String, Hashable, Sendable {
    case unicast
    case multicast
}

/// One transport alternative of a Transport header (RFC 2326 §12.39):
/// `RTP/AVP[/UDP|/TCP]` followed by `;`-separated parameters.
public struct TransportSpec: Hashable, Sendable, CustomStringConvertible {
    /// `ttl = 1*3(DIGIT)`.
    public static let maximumTTLDigits = 3
    /// `ssrc = 8*8(HEX)`; shorter values are accepted as sent by some clients.
    public static let maximumSSRCDigits = 8
    /// Longest profile name.
    public static let maximumProfileLength = 16
    /// Most parameters in one alternative.
    public static let maximumParameterCount = 32

    /// Always `RTP`; other protocols are rejected.
    public var transportProtocol: String
    /// `AVP` in practice (uppercased when parsed).
    public var profile: String
    public var lowerTransport: LowerTransport
    public var delivery: TransportDelivery?
    public var destination: String?
    public var source: String?
    public var clientPort: PortRange?
    public var serverPort: PortRange?
    public var interleaved: ChannelRange?
    public var ttl: UInt8?
    /// Multicast port pair.
    public var port: PortRange?
    public var ssrc: UInt32?
    /// The mode list without quotes, e.g. `PLAY`.
    public var mode: String?
    public var append: Bool
    /// Parameters not modelled above, verbatim, in order (e.g. `layers=2`).
    public var otherParameters: [String]

    public init(
        profile: String = "AVP", lowerTransport: LowerTransport = .udp,
        delivery: TransportDelivery? = nil, destination: String? = nil, source: String? = nil,
        clientPort: PortRange? = nil, serverPort: PortRange? = nil, interleaved: ChannelRange? = nil,
        ttl: UInt8? = nil, port: PortRange? = nil, ssrc: UInt32? = nil, mode: String? = nil,
        append: Bool = false, otherParameters: [String] = []
    ) {
        self.transportProtocol = "RTP"
        self.profile = profile
        self.lowerTransport = lowerTransport
        self.delivery = delivery
        self.destination = destination
        self.source = source
        self.clientPort = clientPort
        self.serverPort = serverPort
        self.interleaved = interleaved
        self.ttl = ttl
        self.port = port
        self.ssrc = ssrc
        self.mode = mode
        self.append = append
        self.otherParameters = otherParameters
    }

    /// Parses one alternative. Parameter names are case-insensitive; a later duplicate wins.
    public static func parse(_ text: String) throws(TransportHeaderError) -> TransportSpec {
        guard let elements = HeaderSyntax.split(text, on: UInt8(ascii: ";")) else {
            throw .unterminatedQuote(text)
        }
        let parameters = elements.dropFirst().filter { !$0.isEmpty }
        guard parameters.count <= maximumParameterCount else {
            throw .tooManyParameters(count: parameters.count, limit: maximumParameterCount)
        }
        var spec = try parseSpecifier(elements[0])
        for parameter in parameters {
            try spec.apply(parameter)
        }
        return spec
    }

    /// `transport-protocol/profile[/lower-transport]`.
    private static func parseSpecifier(_ text: String) throws(TransportHeaderError) -> TransportSpec {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else {
            throw .malformedTransportSpecifier(text)
        }
        guard HeaderSyntax.equalsIgnoringCase(parts[0], "RTP") else { throw .unsupportedProtocol(parts[0]) }
        guard parts[1].utf8.count <= maximumProfileLength, parts[1].utf8.allSatisfy(HeaderSyntax.isAlphanumeric)
        else { throw .invalidProfile(parts[1]) }
        var lower = LowerTransport.udp
        if parts.count == 3 {
            guard let parsed = LowerTransport(rawValue: parts[2].uppercased()) else {
                throw .unsupportedLowerTransport(parts[2])
            }
            lower = parsed
        }
        return TransportSpec(profile: parts[1].uppercased(), lowerTransport: lower)
    }

    private mutating func apply(_ parameter: String) throws(TransportHeaderError) {
        let (rawName, value) = HeaderSyntax.nameValue(parameter)
        let name = rawName.lowercased()
        func required() throws(TransportHeaderError) -> String {
            guard let value, !value.isEmpty else { throw .missingValue(parameter: rawName) }
            return value
        }
        func ports() throws(TransportHeaderError) -> PortRange {
            let text = try required()
            guard let range = PortRange(parsing: text) else {
                throw .invalidPortRange(parameter: rawName, value: text)
            }
            return range
        }
        switch (name, value) {
        case ("unicast", nil): delivery = .unicast
        case ("multicast", nil): delivery = .multicast
        case ("append", nil): append = true
        case ("destination", .some): destination = try required()
        case ("source", .some): source = try required()
        case ("client_port", _): clientPort = try ports()
        case ("server_port", _): serverPort = try ports()
        case ("port", _): port = try ports()
        case ("interleaved", _):
            let text = try required()
            guard let channels = ChannelRange(parsing: text) else { throw .invalidChannelRange(value: text) }
            interleaved = channels
        case ("ttl", _):
            let text = try required()
            guard let number = HeaderSyntax.parseDigits(text, maxDigits: Self.maximumTTLDigits),
                  number <= Int(UInt8.max)
            else { throw .invalidTTL(value: text) }
            ttl = UInt8(number)
        case ("ssrc", _):
            let text = try required()
            guard text.utf8.count <= Self.maximumSSRCDigits, let number = UInt32(text, radix: 16),
                  text.utf8.allSatisfy({ HeaderSyntax.isAlphanumeric($0) })
            else { throw .invalidSSRC(value: text) }
            ssrc = number
        case ("mode", _):
            let text = try required()
            guard let unquoted = HeaderSyntax.unquote(text), !unquoted.isEmpty else {
                throw .invalidMode(value: text)
            }
            mode = unquoted
        default:
            otherParameters.append(parameter)
        }
    }

    /// The canonical form: `RTP/AVP` (with `/TCP` only for TCP), then the parameters in the
    /// order of the RFC 2326 §12.39 grammar, then unknown ones verbatim.
    public var serialized: String {
        var parts = [transportProtocol + "/" + profile + (lowerTransport == .tcp ? "/TCP" : "")]
        if let delivery { parts.append(delivery.rawValue) }
        if let destination { parts.append("destination=\(destination)") }
        if let source { parts.append("source=\(source)") }
        if let interleaved { parts.append("interleaved=\(interleaved.serialized)") }
        if append { parts.append("append") }
        if let ttl { parts.append("ttl=\(ttl)") }
        if let port { parts.append("port=\(port.serialized)") }
        if let clientPort { parts.append("client_port=\(clientPort.serialized)") }
        if let serverPort { parts.append("server_port=\(serverPort.serialized)") }
        if let ssrc { parts.append("ssrc=\(HeaderSyntax.hex(ssrc, digits: 8))") }
        if let mode { parts.append("mode=\"\(mode)\"") }
        parts.append(contentsOf: otherParameters)
        return parts.joined(separator: ";")
    }

    public var description: String { serialized }
}

/// The Transport header (RFC 2326 §12.39): the alternatives a client offers, in order of
/// preference, or the one a server chose.
public struct TransportHeader: Hashable, Sendable, CustomStringConvertible {
    public static let headerName = "Transport"
    /// Longest header value accepted.
    public static let maximumLength = 4096
    /// Most alternatives in one header.
    public static let maximumAlternatives = 16

    public var specs: [TransportSpec]

    public init(specs: [TransportSpec]) {
        self.specs = specs
    }

    public init(_ spec: TransportSpec) {
        self.specs = [spec]
    }

    /// Parses every alternative; any invalid one rejects the header.
    public static func parse(_ text: String) throws(TransportHeaderError) -> TransportHeader {
        var specs: [TransportSpec] = []
        for alternative in try parseAlternatives(text) {
            switch alternative {
            case .success(let spec): specs.append(spec)
            case .failure(let error): throw error
            }
        }
        return TransportHeader(specs: specs)
    }

    /// Parses each alternative on its own, so a server can pick a valid one among invalid
    /// ones. Throws only for errors of the header as a whole.
    public static func parseAlternatives(
        _ text: String
    ) throws(TransportHeaderError) -> [Result<TransportSpec, TransportHeaderError>] {
        guard text.utf8.count <= maximumLength else {
            throw .tooLong(length: text.utf8.count, limit: maximumLength)
        }
        guard let pieces = HeaderSyntax.split(text, on: UInt8(ascii: ",")) else {
            throw .unterminatedQuote(text)
        }
        let alternatives = pieces.filter { !$0.isEmpty }
        guard !alternatives.isEmpty else { throw .empty }
        guard alternatives.count <= maximumAlternatives else {
            throw .tooManyAlternatives(count: alternatives.count, limit: maximumAlternatives)
        }
        return alternatives.map { piece in
            Result { () throws(TransportHeaderError) -> TransportSpec in try TransportSpec.parse(piece) }
        }
    }

    public init?(parsing text: String) {
        guard let header = try? Self.parse(text) else { return nil }
        self = header
    }

    public var serialized: String { specs.map(\.serialized).joined(separator: ",") }
    public var description: String { serialized }
}
