/// Why a multicast transport alternative (RFC 2326 §12.39) cannot be read as one.
public enum MulticastTransportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The alternative does not say `multicast`.
    case notMulticast
    /// Multicast RTP/AVP runs over UDP only (`RTP/AVP/TCP;multicast` names none).
    case notUDP
    /// `destination` is not an IPv4 multicast (host group) address.
    case destinationNotMulticast(String)
    /// An answer without `destination`: there is no group to join.
    case missingDestination
    /// An answer without `port`: there is no port to listen on.
    case missingPort
    /// A single port of 65535, which leaves no port for RTCP.
    case noRTCPPort(UInt16)

    public var description: String {
        switch self {
        case .notMulticast: "the transport is not multicast"
        case .notUDP: "multicast RTP runs over UDP only"
        case .destinationNotMulticast(let text): "destination '\(text)' is not an IPv4 multicast address"
        case .missingDestination: "a multicast transport needs destination=GROUP"
        case .missingPort: "a multicast transport needs port=P-(P+1)"
        case .noRTCPPort(let port): "port \(port) leaves no port for RTCP"
        }
    }
}

/// What a client asks for in a `RTP/AVP;multicast` alternative (RFC 2326 §12.39): each of
/// the group (`destination`), the port pair (`port`) and the `ttl` it may name. Clients
/// usually name none (ffmpeg, GStreamer), leaving the choice to the server.
public struct MulticastOffer: Hashable, Sendable {
    public var group: IPv4Address?
    public var rtpPort: UInt16?
    public var ttl: UInt8?

    public init(group: IPv4Address? = nil, rtpPort: UInt16? = nil, ttl: UInt8? = nil) {
        self.group = group
        self.rtpPort = rtpPort
        self.ttl = ttl
    }

    /// Reads the multicast fields of `spec`: it must say `multicast` and run over UDP; a
    /// `destination` must be an IPv4 multicast address; a single `port` must leave room for RTCP.
    public init(_ spec: TransportSpec) throws(MulticastTransportError) {
        guard spec.delivery == .multicast else { throw .notMulticast }
        guard spec.unknownLowerTransport == nil, spec.lowerTransport == .udp else { throw .notUDP }
        if let destination = spec.destination {
            guard let group = IPv4Address(parsing: destination), group.isMulticast else {
                throw .destinationNotMulticast(destination)
            }
            self.group = group
        }
        if let port = spec.port {
            guard port.rtcpPort != nil else { throw .noRTCPPort(port.start) }
            rtpPort = port.start
        }
        ttl = spec.ttl
    }
}

/// A server's multicast answer (RFC 2326 §12.39): the group, the RTP port (RTCP on the
/// next, RFC 3550 §11) and the scope, written
/// `RTP/AVP;multicast;destination=GROUP;port=P-(P+1);ttl=N` (the order live555 writes,
/// which every client reads).
public struct MulticastTransport: Hashable, Sendable, CustomStringConvertible {
    public var group: IPv4Address
    /// The RTP port; below 65535, so RTCP has the next one.
    public var rtpPort: UInt16
    public var ttl: UInt8

    public init(group: IPv4Address, rtpPort: UInt16, ttl: UInt8) {
        precondition(rtpPort < UInt16.max, "RTCP needs the port after RTP's")
        self.group = group
        self.rtpPort = rtpPort
        self.ttl = ttl
    }

    /// The RTCP port (RFC 3550 §11).
    public var rtcpPort: UInt16 { rtpPort + 1 }

    /// Reads an answer: `multicast` over UDP, a multicast `destination`, a `port`, and a
    /// `ttl` (1 when absent, the scope RFC 2326 §12.39 leaves to the server).
    public init(_ spec: TransportSpec) throws(MulticastTransportError) {
        let offer = try MulticastOffer(spec)
        guard let group = offer.group else { throw .missingDestination }
        guard let rtpPort = offer.rtpPort else { throw .missingPort }
        self.init(group: group, rtpPort: rtpPort, ttl: offer.ttl ?? 1)
    }

    /// Parses one alternative of a Transport header as an answer; nil when it does not
    /// parse or is no multicast answer.
    public init?(parsing text: String) {
        guard let spec = try? TransportSpec.parse(text), let answer = try? MulticastTransport(spec) else { return nil }
        self = answer
    }

    /// The answer as a Transport alternative.
    public var spec: TransportSpec {
        TransportSpec(
            delivery: .multicast, destination: group.description, ttl: ttl,
            port: PortRange(start: rtpPort, end: rtcpPort))
    }

    /// `RTP/AVP;multicast;destination=GROUP;port=P-(P+1);ttl=N`.
    public var serialized: String {
        "RTP/AVP;multicast;destination=\(group);port=\(rtpPort)-\(rtcpPort);ttl=\(ttl)"
    }

    public var description: String { serialized }
}
