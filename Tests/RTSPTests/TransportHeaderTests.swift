import Testing
@testable import RTSP

@Suite struct TransportHeaderTests {
    /// Header text as clients send it, the parsed alternatives, and the canonical serialization.
    static let cases: [(String, [TransportSpec], String)] = [
        // ffmpeg
        ("RTP/AVP/UDP;unicast;client_port=5000-5001",
         [TransportSpec(delivery: .unicast, clientPort: PortRange(start: 5000, end: 5001))],
         "RTP/AVP;unicast;client_port=5000-5001"),
        ("RTP/AVP/TCP;unicast;interleaved=0-1",
         [TransportSpec(lowerTransport: .tcp, delivery: .unicast, interleaved: ChannelRange(start: 0, end: 1))],
         "RTP/AVP/TCP;unicast;interleaved=0-1"),
        // GStreamer
        ("RTP/AVP;unicast;client_port=40000-40001",
         [TransportSpec(delivery: .unicast, clientPort: PortRange(start: 40000, end: 40001))],
         "RTP/AVP;unicast;client_port=40000-40001"),
        // multicast
        ("RTP/AVP;multicast;destination=224.2.0.1;port=3456-3457;ttl=16",
         [TransportSpec(delivery: .multicast, destination: "224.2.0.1", ttl: 16, port: PortRange(start: 3456, end: 3457))],
         "RTP/AVP;multicast;destination=224.2.0.1;ttl=16;port=3456-3457"),
        // live555 / VLC
        ("RTP/AVP;unicast;client_port=50000-50001",
         [TransportSpec(delivery: .unicast, clientPort: PortRange(start: 50000, end: 50001))],
         "RTP/AVP;unicast;client_port=50000-50001"),
        ("RTP/AVP;unicast;client_port=5000",
         [TransportSpec(delivery: .unicast, clientPort: PortRange(start: 5000))], "RTP/AVP;unicast;client_port=5000"),
        ("RTP/AVP/TCP;unicast;interleaved=2",
         [TransportSpec(lowerTransport: .tcp, delivery: .unicast, interleaved: ChannelRange(start: 2))],
         "RTP/AVP/TCP;unicast;interleaved=2"),
        ("RTP/AVP/TCP;interleaved=0-1",
         [TransportSpec(lowerTransport: .tcp, interleaved: ChannelRange(start: 0, end: 1))],
         "RTP/AVP/TCP;interleaved=0-1"),
        ("rtp/avp/tcp;UNICAST;Interleaved=0-1",
         [TransportSpec(lowerTransport: .tcp, delivery: .unicast, interleaved: ChannelRange(start: 0, end: 1))],
         "RTP/AVP/TCP;unicast;interleaved=0-1"),
        ("RTP/AVP; unicast; client_port=6000-6001",
         [TransportSpec(delivery: .unicast, clientPort: PortRange(start: 6000, end: 6001))],
         "RTP/AVP;unicast;client_port=6000-6001"),
        ("RTP/AVP/TCP;unicast;interleaved=0-1, RTP/AVP;unicast;client_port=5000-5001",
         [TransportSpec(lowerTransport: .tcp, delivery: .unicast, interleaved: ChannelRange(start: 0, end: 1)),
          TransportSpec(delivery: .unicast, clientPort: PortRange(start: 5000, end: 5001))],
         "RTP/AVP/TCP;unicast;interleaved=0-1,RTP/AVP;unicast;client_port=5000-5001"),
        ("RTP/AVP;unicast;client_port=5000-5001;mode=\"PLAY\"",
         [TransportSpec(delivery: .unicast, clientPort: PortRange(start: 5000, end: 5001), mode: "PLAY")],
         "RTP/AVP;unicast;client_port=5000-5001;mode=\"PLAY\""),
        ("RTP/AVP;unicast;mode=play", [TransportSpec(delivery: .unicast, mode: "play")],
         "RTP/AVP;unicast;mode=\"play\""),
        ("RTP/AVP;unicast;client_port=5000-5001;server_port=6970-6971;ssrc=1A2B3C4D",
         [TransportSpec(delivery: .unicast, clientPort: PortRange(start: 5000, end: 5001),
                        serverPort: PortRange(start: 6970, end: 6971), ssrc: 0x1A2B_3C4D)],
         "RTP/AVP;unicast;client_port=5000-5001;server_port=6970-6971;ssrc=1A2B3C4D"),
        ("RTP/AVP;unicast;ssrc=abc", [TransportSpec(delivery: .unicast, ssrc: 0xABC)], "RTP/AVP;unicast;ssrc=00000ABC"),
        ("RTP/AVP;unicast;source=10.0.0.1;destination=10.0.0.2;append;layers=2;x-dummy",
         [TransportSpec(delivery: .unicast, destination: "10.0.0.2", source: "10.0.0.1", append: true,
                        otherParameters: ["layers=2", "x-dummy"])],
         "RTP/AVP;unicast;destination=10.0.0.2;source=10.0.0.1;append;layers=2;x-dummy"),
        ("RTP/AVP/TCP;unicast;interleaved=0-1;mode=\"PLAY,RECORD\", RTP/AVP;multicast",
         [TransportSpec(lowerTransport: .tcp, delivery: .unicast, interleaved: ChannelRange(start: 0, end: 1),
                        mode: "PLAY,RECORD"),
          TransportSpec(delivery: .multicast)],
         "RTP/AVP/TCP;unicast;interleaved=0-1;mode=\"PLAY,RECORD\",RTP/AVP;multicast"),
        // Well-formed specifiers camsim does not serve still parse (RFC 2326 §12.39).
        ("RTP/SAVP;unicast;client_port=5000-5001",
         [TransportSpec(profile: "SAVP", delivery: .unicast, clientPort: PortRange(start: 5000, end: 5001))],
         "RTP/SAVP;unicast;client_port=5000-5001"),
        ("RTP/AVPF/TCP;interleaved=0-1",
         [TransportSpec(profile: "AVPF", lowerTransport: .tcp, interleaved: ChannelRange(start: 0, end: 1))],
         "RTP/AVPF/TCP;interleaved=0-1"),
        ("RTP/AVP/SCTP;unicast", [TransportSpec(unknownLowerTransport: "SCTP", delivery: .unicast)],
         "RTP/AVP/SCTP;unicast"),
        ("RAW/RAW/UDP;unicast", [TransportSpec(transportProtocol: "RAW", profile: "RAW", delivery: .unicast)],
         "RAW/RAW;unicast"),
        ("x-real-rdt/mpeg4-generic/tcp", [TransportSpec(transportProtocol: "X-REAL-RDT", profile: "MPEG4-GENERIC",
                                                         lowerTransport: .tcp)], "X-REAL-RDT/MPEG4-GENERIC/TCP"),
        ("garbage", [TransportSpec(transportProtocol: "GARBAGE", profile: "")], "GARBAGE"),
        ("RTP", [TransportSpec(profile: "")], "RTP"),
        ("RTP/SAVP;unicast, RTP/AVP;unicast;client_port=5000-5001",
         [TransportSpec(profile: "SAVP", delivery: .unicast),
          TransportSpec(delivery: .unicast, clientPort: PortRange(start: 5000, end: 5001))],
         "RTP/SAVP;unicast,RTP/AVP;unicast;client_port=5000-5001"),
        ("RTP/AVP;unicast;client_port=65534-65535",
         [TransportSpec(delivery: .unicast, clientPort: PortRange(start: 65534, end: 65535))],
         "RTP/AVP;unicast;client_port=65534-65535"),
        ("RTP/AVP/TCP;interleaved=254-255",
         [TransportSpec(lowerTransport: .tcp, interleaved: ChannelRange(start: 254, end: 255))],
         "RTP/AVP/TCP;interleaved=254-255"),
    ]

    @Test(arguments: cases)
    func parses(text: String, specs: [TransportSpec], canonical: String) throws {
        let header = try TransportHeader.parse(text)
        #expect(header.specs == specs)
        #expect(header.serialized == canonical)
        #expect(try TransportHeader.parse(header.serialized) == header)
        #expect(TransportHeader(parsing: text) == header)
    }

    /// Headers that do not parse at all (answered 400).
    static let garbage: [(String, TransportHeaderError)] = [
        ("", .empty),
        (" , ", .empty),
        ("RTP/AVP;unicast;client_port=70000-70001", .invalidPortRange(parameter: "client_port", value: "70000-70001")),
        ("RTP/AVP;unicast;client_port=abc", .invalidPortRange(parameter: "client_port", value: "abc")),
        ("RTP/AVP;unicast;client_port=5001-5000", .invalidPortRange(parameter: "client_port", value: "5001-5000")),
        ("RTP/AVP;unicast;client_port=0-1", .zeroPort(parameter: "client_port", value: "0-1")),
        ("RTP/AVP;unicast;client_port=0", .zeroPort(parameter: "client_port", value: "0")),
        ("RTP/AVP;unicast;client_port=5000-5000", .portPairNotConsecutive(parameter: "client_port", value: "5000-5000")),
        ("RTP/AVP;unicast;client_port=5000-5002", .portPairNotConsecutive(parameter: "client_port", value: "5000-5002")),
        ("RTP/AVP;server_port=6000-7000", .portPairNotConsecutive(parameter: "server_port", value: "6000-7000")),
        ("RTP/AVP;multicast;port=0-1", .zeroPort(parameter: "port", value: "0-1")),
        ("RTP/AVP;server_port=", .missingValue(parameter: "server_port")),
        ("RTP/AVP;client_port", .missingValue(parameter: "client_port")),
        ("RTP/AVP/TCP;interleaved=0-0", .channelPairNotConsecutive(value: "0-0")),
        ("RTP/AVP/TCP;interleaved=0-2", .channelPairNotConsecutive(value: "0-2")),
        ("RTP/AVP/TCP;interleaved=7-7", .channelPairNotConsecutive(value: "7-7")),
        ("RTP/AVP/TCP;interleaved=255-255", .channelPairNotConsecutive(value: "255-255")),
        ("RTP/AVP;client_port=65535-65535", .portPairNotConsecutive(parameter: "client_port", value: "65535-65535")),
        ("RTP/AVP/TCP;interleaved=1-0", .invalidChannelRange(value: "1-0")),
        ("RTP/AVP/TCP;interleaved=300", .invalidChannelRange(value: "300")),
        ("RTP/AVP/TCP;interleaved=", .missingValue(parameter: "interleaved")),
        ("RTP/;unicast", .malformedTransportSpecifier("RTP/")),
        ("/AVP;unicast", .malformedTransportSpecifier("/AVP")),
        ("RTP//TCP", .malformedTransportSpecifier("RTP//TCP")),
        ("RTP/AVP/TCP/X", .malformedTransportSpecifier("RTP/AVP/TCP/X")),
        ("RTP/AV P;unicast", .malformedTransportSpecifier("RTP/AV P")),
        ("RTP/A(V)P", .malformedTransportSpecifier("RTP/A(V)P")),
        ("RTP/\u{DF}", .malformedTransportSpecifier("RTP/\u{DF}")),
        ("RTP/" + String(repeating: "A", count: 33), .malformedTransportSpecifier("RTP/" + String(repeating: "A", count: 33))),
        (";unicast", .malformedTransportSpecifier("")),
        ("RTP/AVP;multicast;ttl=256", .invalidTTL(value: "256")),
        ("RTP/AVP;ssrc=123456789", .invalidSSRC(value: "123456789")),
        ("RTP/AVP;ssrc=XYZ", .invalidSSRC(value: "XYZ")),
        ("RTP/AVP;mode=\"PLAY", .unterminatedQuote("RTP/AVP;mode=\"PLAY")),
        ("RTP/AVP;mode=PL\"AY\"", .invalidMode(value: "PL\"AY\"")),
        ("RTP/AVP;unicast, RTP/AVP;client_port=99999", .invalidPortRange(parameter: "client_port", value: "99999")),
    ]

    @Test(arguments: garbage)
    func rejects(text: String, error: TransportHeaderError) {
        #expect(throws: error) { try TransportHeader.parse(text) }
        #expect(TransportHeader(parsing: text) == nil)
        #expect(error.status == .badRequest)
    }

    /// Well-formed alternatives this RTP stack cannot serve (answered 461), and nil for those it can.
    static let support: [(String, UnsupportedTransport?)] = [
        ("RTP/AVP;unicast;client_port=5000-5001", nil),
        ("RTP/AVP/UDP;unicast", nil),
        ("rtp/avp/tcp;interleaved=0-1", nil),
        ("RTP/SAVP;unicast;client_port=5000-5001", .profile("SAVP")),
        ("RTP/AVPF;unicast", .profile("AVPF")),
        ("RTP/SAVPF/TCP", .profile("SAVPF")),
        ("RTP/AVP/SCTP;unicast", .lowerTransport("SCTP")),
        ("RTP/AVP/DCCP", .lowerTransport("DCCP")),
        ("RAW/RAW/UDP;unicast", .transportProtocol("RAW")),
        ("FOO/BAR", .transportProtocol("FOO")),
        ("garbage", .transportProtocol("GARBAGE")),
        ("RTP", .profile("")),
    ]

    @Test(arguments: support)
    func unsupportedSpecsParseAndSayWhy(text: String, expected: UnsupportedTransport?) throws {
        let header = try TransportHeader.parse(text)
        #expect(header.specs.count == 1)
        #expect(header.specs.first?.unsupported == expected)
        #expect(expected?.status ?? .unsupportedTransport == .unsupportedTransport)
        #expect(try TransportHeader.parse(header.serialized).specs.first?.unsupported == expected)
    }

    /// What a server picks from: parseable alternatives only; it throws (400) only when none parses.
    static let offers: [(String, [String], TransportHeaderError?)] = [
        ("RTP/AVP;client_port=0-1, RTP/AVP/TCP;interleaved=0-1", ["RTP/AVP/TCP;interleaved=0-1"], nil),
        ("RTP/SAVP;unicast, RTP/AVP/TCP;interleaved=0-0", ["RTP/SAVP;unicast"], nil),
        ("RTP/AVP/TCP;interleaved=0-0", [], .channelPairNotConsecutive(value: "0-0")),
        ("RTP/AVP;client_port=1-2-3, RTP/AVP;ttl=x", [], .invalidPortRange(parameter: "client_port", value: "1-2-3")),
        ("", [], .empty),
        ("RAW/RAW/UDP, RTP/AVP/SCTP", ["RAW/RAW", "RTP/AVP/SCTP"], nil),
    ]

    @Test(arguments: offers)
    func offerKeepsWhatParses(text: String, expected: [String], error: TransportHeaderError?) {
        if let error {
            #expect(throws: error) { try TransportHeader.parseOffer(text) }
        } else {
            #expect((try? TransportHeader.parseOffer(text))?.map(\.serialized) == expected)
        }
    }

    /// client_port values a server refuses to send to, and the ports it would use otherwise.
    static let destinations: [(String, TransportDestinationError?, [UInt16])] = [
        ("RTP/AVP;unicast;client_port=5000-5001", nil, [5000, 5001]),
        ("RTP/AVP;unicast;client_port=1024", nil, [1024, 1025]),
        ("RTP/AVP;unicast;client_port=65534-65535", nil, [65534, 65535]),
        ("RTP/AVP;unicast;client_port=1023", .clientPortBelowMinimum(port: 1023, minimum: 1024), []),
        ("RTP/AVP;unicast;client_port=1-2", .clientPortBelowMinimum(port: 1, minimum: 1024), []),
        ("RTP/AVP;unicast;client_port=554-555", .clientPortBelowMinimum(port: 554, minimum: 1024), []),
        ("RTP/AVP;unicast;client_port=65535", .noRTCPPort(port: 65535), []),
        ("RTP/AVP;unicast", .missingClientPort, []),
    ]

    @Test(arguments: destinations)
    func clientPortValidation(text: String, error: TransportDestinationError?, ports: [UInt16]) throws {
        let spec = try #require(try TransportHeader.parse(text).specs.first)
        if let error {
            #expect(throws: error) { try spec.validateClientPort() }
            #expect(error.status == .unsupportedTransport)
        } else {
            let pair = try spec.validateClientPort()
            #expect([pair.rtp, pair.rtcp] == ports)
        }
    }

    @Test func limits() {
        let long = "RTP/AVP;" + String(repeating: "x", count: TransportHeader.maximumLength)
        #expect(throws: TransportHeaderError.tooLong(length: long.utf8.count, limit: TransportHeader.maximumLength)) {
            try TransportHeader.parse(long)
        }
        let many = Array(repeating: "RTP/AVP", count: 17).joined(separator: ",")
        #expect(throws: TransportHeaderError.tooManyAlternatives(count: 17, limit: 16)) { try TransportHeader.parse(many) }
        let params = "RTP/AVP" + String(repeating: ";unicast", count: 33)
        #expect(throws: TransportHeaderError.tooManyParameters(count: 33, limit: 32)) { try TransportHeader.parse(params) }
    }

    @Test func alternativesParseIndependently() throws {
        let results = try TransportHeader.parseAlternatives("RTP/AVP;client_port=x, RTP/AVP;unicast;client_port=5000-5001")
        #expect(results.count == 2)
        #expect(throws: TransportHeaderError.invalidPortRange(parameter: "client_port", value: "x")) { try results[0].get() }
        #expect(try results[1].get().clientPort == PortRange(start: 5000, end: 5001))
    }

    @Test func serverReplyText() {
        let reply = TransportSpec(
            lowerTransport: .tcp, delivery: .unicast, interleaved: ChannelRange(start: 0, end: 1), ssrc: 0xDEAD)
        #expect(TransportHeader(reply).serialized == "RTP/AVP/TCP;unicast;interleaved=0-1;ssrc=0000DEAD")
    }
}
