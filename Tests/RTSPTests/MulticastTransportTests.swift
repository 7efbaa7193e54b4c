import Testing
@testable import RTSP

@Suite struct MulticastTransportTests {
    static func address(_ text: String) -> IPv4Address { IPv4Address(parsing: text)! }

    /// Dotted quads, and the value each parses to (nil: not an IPv4 address).
    static let addresses: [(String, UInt32?)] = [
        ("239.255.42.1", 0xEFFF_2A01),
        ("224.0.0.0", 0xE000_0000),
        ("0.0.0.0", 0),
        ("255.255.255.255", 0xFFFF_FFFF),
        ("010.001.002.003", 0x0A01_0203),
        ("256.0.0.1", nil),
        ("1.2.3", nil),
        ("1.2.3.4.5", nil),
        ("1..2.3", nil),
        ("1.2.3.", nil),
        ("1.2.3.0004", nil),
        (" 1.2.3.4", nil),
        ("1.2.3.-4", nil),
        ("ff02::1", nil),
        ("camera.local", nil),
        ("", nil),
        ("1.2.3.4\u{0301}", nil),
    ]

    @Test(arguments: addresses)
    func ipv4(text: String, value: UInt32?) {
        let parsed = IPv4Address(parsing: text)
        #expect(parsed?.value == value)
        if let parsed { #expect(IPv4Address(parsing: parsed.description) == parsed) }
    }

    @Test func multicastRange() {
        #expect(Self.address("224.0.0.1").isMulticast)
        #expect(Self.address("239.255.255.255").isMulticast)
        #expect(!Self.address("223.255.255.255").isMulticast)
        #expect(!Self.address("240.0.0.0").isMulticast)
        #expect(!Self.address("127.0.0.1").isMulticast)
    }

    /// Multicast alternatives as clients offer them, and the fields read from each.
    static let offers: [(String, MulticastOffer)] = [
        // ffmpeg -rtsp_transport udp_multicast
        ("RTP/AVP/UDP;multicast", MulticastOffer()),
        // GStreamer rtspsrc protocols=udp-mcast
        ("RTP/AVP;multicast", MulticastOffer()),
        // live555 / VLC --rtsp-mcast
        ("RTP/AVP;multicast;destination=239.255.42.7;port=40014-40015",
         MulticastOffer(group: address("239.255.42.7"), rtpPort: 40014)),
        ("RTP/AVP;multicast;destination=224.2.0.1;ttl=16;port=3456",
         MulticastOffer(group: address("224.2.0.1"), rtpPort: 3456, ttl: 16)),
        ("rtp/avp;MULTICAST;TTL=0", MulticastOffer(ttl: 0)),
    ]

    @Test(arguments: offers)
    func readsOffers(text: String, expected: MulticastOffer) throws {
        let spec = try TransportSpec.parse(text)
        #expect(try MulticastOffer(spec) == expected)
        // What the header writes back reads the same.
        #expect(try MulticastOffer(TransportSpec.parse(spec.serialized)) == expected)
    }

    static let refusedOffers: [(String, MulticastTransportError)] = [
        ("RTP/AVP;unicast;client_port=5000-5001", .notMulticast),
        ("RTP/AVP", .notMulticast),
        ("RTP/AVP/TCP;multicast", .notUDP),
        ("RTP/AVP/SCTP;multicast", .notUDP),
        ("RTP/AVP;multicast;destination=10.0.0.1", .destinationNotMulticast("10.0.0.1")),
        ("RTP/AVP;multicast;destination=ff02::1", .destinationNotMulticast("ff02::1")),
        ("RTP/AVP;multicast;destination=mcast.example", .destinationNotMulticast("mcast.example")),
        ("RTP/AVP;multicast;port=65535", .noRTCPPort(65535)),
    ]

    @Test(arguments: refusedOffers)
    func refusesOffers(text: String, error: MulticastTransportError) throws {
        let spec = try TransportSpec.parse(text)
        #expect(throws: error) { try MulticastOffer(spec) }
        #expect(!error.description.isEmpty)
    }

    /// Answers as servers write them, the fields read, and camsim's form of each.
    static let answers: [(String, MulticastTransport, String)] = [
        ("RTP/AVP;multicast;destination=239.255.42.7;port=40014-40015;ttl=1",
         MulticastTransport(group: address("239.255.42.7"), rtpPort: 40014, ttl: 1),
         "RTP/AVP;multicast;destination=239.255.42.7;port=40014-40015;ttl=1"),
        // live555 adds source; GStreamer writes ttl before port
        ("RTP/AVP;multicast;destination=232.1.2.3;source=10.0.0.5;port=6000-6001;ttl=255",
         MulticastTransport(group: address("232.1.2.3"), rtpPort: 6000, ttl: 255),
         "RTP/AVP;multicast;destination=232.1.2.3;port=6000-6001;ttl=255"),
        ("RTP/AVP;multicast;destination=224.1.1.1;ttl=16;port=5000-5001;mode=\"PLAY\"",
         MulticastTransport(group: address("224.1.1.1"), rtpPort: 5000, ttl: 16),
         "RTP/AVP;multicast;destination=224.1.1.1;port=5000-5001;ttl=16"),
        // No ttl: scope 1.
        ("RTP/AVP/UDP;multicast;destination=239.0.0.1;port=5002",
         MulticastTransport(group: address("239.0.0.1"), rtpPort: 5002, ttl: 1),
         "RTP/AVP;multicast;destination=239.0.0.1;port=5002-5003;ttl=1"),
    ]

    @Test(arguments: answers)
    func readsAndWritesAnswers(text: String, expected: MulticastTransport, canonical: String) throws {
        let answer = try MulticastTransport(TransportSpec.parse(text))
        #expect(answer == expected)
        #expect(answer.serialized == canonical)
        #expect(MulticastTransport(parsing: canonical) == answer)
        #expect(MulticastTransport(parsing: answer.spec.serialized) == answer)
        #expect(try TransportHeader.parse(canonical).specs == [answer.spec])
    }

    static let refusedAnswers: [(String, MulticastTransportError)] = [
        ("RTP/AVP;multicast;port=5000-5001;ttl=1", .missingDestination),
        ("RTP/AVP;multicast;destination=239.0.0.1;ttl=1", .missingPort),
        ("RTP/AVP;multicast;destination=192.168.1.1;port=5000-5001", .destinationNotMulticast("192.168.1.1")),
        ("RTP/AVP;unicast;destination=239.0.0.1;port=5000-5001", .notMulticast),
    ]

    @Test(arguments: refusedAnswers)
    func refusesAnswers(text: String, error: MulticastTransportError) throws {
        let spec = try TransportSpec.parse(text)
        #expect(throws: error) { try MulticastTransport(spec) }
        #expect(MulticastTransport(parsing: text) == nil)
    }

    /// A SETUP carrying a multicast offer reads the same wherever the bytes are cut.
    @Test func setupSplitAtEveryByte() throws {
        let text = "SETUP rtsp://cam/bars/trackID=0 RTSP/1.0\r\nCSeq: 3\r\n"
            + "Transport: RTP/AVP;multicast;destination=239.255.42.7;port=40014-40015;ttl=4\r\n\r\n"
        let bytes = Array(text.utf8)
        let expected = MulticastOffer(group: Self.address("239.255.42.7"), rtpPort: 40014, ttl: 4)
        for cut in 0...bytes.count {
            let events = RTSPMessageParserTests.events([bytes[..<cut], bytes[cut...]])
            guard events.count == 1, case .request(let request) = events[0],
                  let value = request.headers[TransportHeader.headerName]
            else {
                Issue.record("split at \(cut): \(events)")
                return
            }
            let specs = try TransportHeader.parse(value).specs
            #expect(try specs.map(MulticastOffer.init) == [expected], "split at \(cut)")
        }
    }
}
