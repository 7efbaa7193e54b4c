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
    ]

    @Test(arguments: cases)
    func parses(text: String, specs: [TransportSpec], canonical: String) throws {
        let header = try TransportHeader.parse(text)
        #expect(header.specs == specs)
        #expect(header.serialized == canonical)
        #expect(try TransportHeader.parse(header.serialized) == header)
        #expect(TransportHeader(parsing: text) == header)
    }

    static let garbage: [(String, TransportHeaderError)] = [
        ("", .empty),
        (" , ", .empty),
        ("RTP/AVP;unicast;client_port=70000-70001", .invalidPortRange(parameter: "client_port", value: "70000-70001")),
        ("RTP/AVP;unicast;client_port=abc", .invalidPortRange(parameter: "client_port", value: "abc")),
        ("RTP/AVP;unicast;client_port=5001-5000", .invalidPortRange(parameter: "client_port", value: "5001-5000")),
        ("RTP/AVP;server_port=", .missingValue(parameter: "server_port")),
        ("RTP/AVP;client_port", .missingValue(parameter: "client_port")),
        ("RAW/RAW/UDP;unicast", .unsupportedProtocol("RAW")),
        ("RTP/AVP/SCTP;unicast", .unsupportedLowerTransport("SCTP")),
        ("RTP;unicast", .malformedTransportSpecifier("RTP")),
        ("RTP/;unicast", .malformedTransportSpecifier("RTP/")),
        ("RTP/AV-P;unicast", .invalidProfile("AV-P")),
        ("RTP/AVP/TCP;interleaved=300", .invalidChannelRange(value: "300")),
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
        let results = try TransportHeader.parseAlternatives("RAW/RAW/UDP;unicast, RTP/AVP;unicast;client_port=5000-5001")
        #expect(results.count == 2)
        #expect(throws: TransportHeaderError.unsupportedProtocol("RAW")) { try results[0].get() }
        #expect(try results[1].get().clientPort == PortRange(start: 5000, end: 5001))
    }

    @Test func serverReplyText() {
        let reply = TransportSpec(
            lowerTransport: .tcp, delivery: .unicast, interleaved: ChannelRange(start: 0, end: 1), ssrc: 0xDEAD)
        #expect(TransportHeader(reply).serialized == "RTP/AVP/TCP;unicast;interleaved=0-1;ssrc=0000DEAD")
    }
}
