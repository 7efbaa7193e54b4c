/// Why a Transport header (RFC 2326 §12.39), or one alternative of it, does not parse.
/// Every case is a malformed request: a server answers 400 Bad Request. A well-formed
/// alternative naming a transport that is not served is no error: see
/// `TransportSpec.unsupported` (461).
public enum TransportHeaderError: Error, Hashable, Sendable {
    case empty
    case tooLong(length: Int, limit: Int)
    case tooManyAlternatives(count: Int, limit: Int)
    case tooManyParameters(count: Int, limit: Int)
    /// A double quote was left open.
    case unterminatedQuote(String)
    /// The first element is not one to three `/`-separated tokens
    /// (`transport-protocol/profile[/lower-transport]`).
    case malformedTransportSpecifier(String)
    /// A parameter that needs a value has none (`client_port`, `ttl`, ...).
    case missingValue(parameter: String)
    /// Not `port [ "-" port ]` with ports up to 65535 and the end not below the start.
    case invalidPortRange(parameter: String, value: String)
    /// Port 0, which no datagram can be sent to.
    case zeroPort(parameter: String, value: String)
    /// A port pair that is not `p-(p+1)`: RTCP goes to the port after RTP's.
    case portPairNotConsecutive(parameter: String, value: String)
    /// Not `channel [ "-" channel ]` with channels up to 255 and the end not below the start.
    case invalidChannelRange(value: String)
    /// An interleaved pair that is not `n-(n+1)` (`0-0`, `0-2`): RTP and RTCP need a channel each.
    case channelPairNotConsecutive(value: String)
    case invalidTTL(value: String)
    case invalidSSRC(value: String)
    case invalidMode(value: String)

    /// 400 Bad Request, for every case.
    public var status: RTSPStatus { .badRequest }
}

/// Why a well-formed transport alternative cannot be served by this RTP stack, which
/// speaks RTP/AVP over UDP or TCP only. A server answers 461 Unsupported Transport when
/// no alternative is left (RFC 2326 §12.39, §11.3.12).
public enum UnsupportedTransport: Hashable, Sendable {
    /// A transport protocol other than RTP (`RAW/RAW/UDP`, or a lone unknown token).
    case transportProtocol(String)
    /// An RTP profile other than AVP (`RTP/SAVP`, `RTP/AVPF`), or none.
    case profile(String)
    /// A lower transport other than UDP or TCP (`RTP/AVP/SCTP`).
    case lowerTransport(String)

    /// 461 Unsupported Transport.
    public var status: RTSPStatus { .unsupportedTransport }
}

/// Why a server refuses to send to a well-formed `client_port` (RFC 2326 §12.39).
public enum TransportDestinationError: Error, Hashable, Sendable {
    /// A UDP alternative without `client_port`: there is nowhere to send.
    case missingClientPort
    /// A port below the server's floor (1024 by default): system services live there.
    case clientPortBelowMinimum(port: UInt16, minimum: UInt16)
    /// A single port of 65535, which leaves no port for RTCP.
    case noRTCPPort(port: UInt16)

    /// 461 Unsupported Transport: the transport is understood but not served to that destination.
    public var status: RTSPStatus { .unsupportedTransport }
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
/// `transport-protocol/profile[/lower-transport]` followed by `;`-separated parameters.
/// Any well-formed specifier parses; `unsupported` says when it is not RTP/AVP over UDP or TCP.
public struct TransportSpec: Hashable, Sendable, CustomStringConvertible {
    /// `ttl = 1*3(DIGIT)`.
    public static let maximumTTLDigits = 3
    /// `ssrc = 8*8(HEX)`; shorter values are accepted as sent by some clients.
    public static let maximumSSRCDigits = 8
    /// Longest token of the specifier (protocol, profile, lower transport).
    public static let maximumSpecifierTokenLength = 32
    /// The lowest client port `validateClientPort` accepts by default: ports below it belong to
    /// system services.
    public static let minimumClientPort: UInt16 = 1024
    /// Most parameters in one alternative.
    public static let maximumParameterCount = 32

    /// `RTP` when supported (uppercased when parsed).
    public var transportProtocol: String
    /// `AVP` when supported (uppercased when parsed); empty when the specifier names none.
    public var profile: String
    /// UDP or TCP. Meaningless when `unknownLowerTransport` is set.
    public var lowerTransport: LowerTransport
    /// A lower transport other than UDP or TCP, uppercased (`SCTP`).
    public var unknownLowerTransport: String?
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
        transportProtocol: String = "RTP", profile: String = "AVP", lowerTransport: LowerTransport = .udp,
        unknownLowerTransport: String? = nil,
        delivery: TransportDelivery? = nil, destination: String? = nil, source: String? = nil,
        clientPort: PortRange? = nil, serverPort: PortRange? = nil, interleaved: ChannelRange? = nil,
        ttl: UInt8? = nil, port: PortRange? = nil, ssrc: UInt32? = nil, mode: String? = nil,
        append: Bool = false, otherParameters: [String] = []
    ) {
        self.transportProtocol = transportProtocol
        self.profile = profile
        self.lowerTransport = lowerTransport
        self.unknownLowerTransport = unknownLowerTransport
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

    /// `transport-protocol/profile[/lower-transport]`, each a token (RFC 2326 §12.39). One to
    /// three tokens parse; whether they name something served is `unsupported`'s business.
    private static func parseSpecifier(_ text: String) throws(TransportHeaderError) -> TransportSpec {
        let tokens = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...3).contains(tokens.count), tokens.allSatisfy({
            HeaderSyntax.isToken($0) && $0.utf8.count <= maximumSpecifierTokenLength
        }) else {
            throw .malformedTransportSpecifier(text)
        }
        let parts = tokens.map { $0.uppercased() }
        var spec = TransportSpec(transportProtocol: parts[0], profile: parts.count > 1 ? parts[1] : "")
        if parts.count == 3 {
            if let lower = LowerTransport(rawValue: parts[2]) {
                spec.lowerTransport = lower
            } else {
                spec.unknownLowerTransport = parts[2]
            }
        }
        return spec
    }

    /// Why this RTP stack cannot serve the alternative, or nil when it is RTP/AVP over UDP or TCP.
    public var unsupported: UnsupportedTransport? {
        if transportProtocol != "RTP" { return .transportProtocol(transportProtocol) }
        if profile != "AVP" { return .profile(profile) }
        if let unknownLowerTransport { return .lowerTransport(unknownLowerTransport) }
        return nil
    }

    /// The RTP and RTCP ports to send to, when `client_port` names a pair a server may use:
    /// present, at least `minimum` (port 0 and pairs other than `p-(p+1)` never parse).
    public func validateClientPort(
        minimum: UInt16 = TransportSpec.minimumClientPort
    ) throws(TransportDestinationError) -> (rtp: UInt16, rtcp: UInt16) {
        guard let clientPort else { throw .missingClientPort }
        guard clientPort.start >= minimum else { throw .clientPortBelowMinimum(port: clientPort.start, minimum: minimum) }
        guard let rtcp = clientPort.rtcpPort else { throw .noRTCPPort(port: clientPort.start) }
        return (clientPort.start, rtcp)
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
            guard range.start != 0 else { throw .zeroPort(parameter: rawName, value: text) }
            if let end = range.end, Int(end) != Int(range.start) + 1 {
                throw .portPairNotConsecutive(parameter: rawName, value: text)
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
            if let end = channels.end, Int(end) != Int(channels.start) + 1 { throw .channelPairNotConsecutive(value: text) }
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

    /// The canonical form: `RTP/AVP` (with `/TCP` only for TCP, or the unknown lower
    /// transport), then the parameters in the order of the RFC 2326 §12.39 grammar, then
    /// unknown ones verbatim.
    public var serialized: String {
        var specifier = transportProtocol + (profile.isEmpty ? "" : "/" + profile)
        if let unknownLowerTransport {
            specifier += "/" + unknownLowerTransport
        } else if lowerTransport == .tcp {
            specifier += "/TCP"
        }
        var parts = [specifier]
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

    /// Parses every alternative; one that does not parse rejects the header (unsupported
    /// ones parse: see `TransportSpec.unsupported`).
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

    /// What a server chooses from: every alternative that parses, in the client's order,
    /// the unsupported ones included (check `TransportSpec.unsupported`). Alternatives that
    /// do not parse are dropped; throws only when the header as a whole, or every
    /// alternative in it, does not parse (the first alternative's error), i.e. when the
    /// answer is 400. When no returned alternative can be served, the answer is 461.
    public static func parseOffer(_ text: String) throws(TransportHeaderError) -> [TransportSpec] {
        let alternatives = try parseAlternatives(text)
        let parsed = alternatives.compactMap { try? $0.get() }
        if parsed.isEmpty, case .failure(let error)? = alternatives.first { throw error }
        return parsed
    }

    public init?(parsing text: String) {
        guard let header = try? Self.parse(text) else { return nil }
        self = header
    }

    public var serialized: String { specs.map(\.serialized).joined(separator: ",") }
    public var description: String { serialized }
}
