import Testing
@testable import RTSP

@Suite struct PortRangeTests {
    static let ports: [(String, PortRange?)] = [
        ("5000-5001", PortRange(start: 5000, end: 5001)), ("5000", PortRange(start: 5000)),
        ("0-65535", PortRange(start: 0, end: 65535)), ("65536", nil), ("5001-5000", nil), ("-5000", nil),
        ("5000-", nil), ("a-b", nil), ("123456", nil), ("", nil), ("1-2-3", nil),
    ]

    @Test(arguments: ports)
    func parsePorts(text: String, expected: PortRange?) {
        #expect(PortRange(parsing: text) == expected)
        if let expected { #expect(expected.serialized == text) }
    }

    static let channels: [(String, ChannelRange?)] = [
        ("0-1", ChannelRange(start: 0, end: 1)), ("2", ChannelRange(start: 2)), ("255", ChannelRange(start: 255)),
        ("256", nil), ("3-2", nil), ("1000", nil), ("x", nil),
    ]

    @Test(arguments: channels)
    func parseChannels(text: String, expected: ChannelRange?) {
        #expect(ChannelRange(parsing: text) == expected)
        if let expected { #expect(expected.serialized == text) }
    }

    @Test func rtcpDefaultsToTheNextPortOrChannel() {
        #expect(PortRange(start: 5000).rtcpPort == 5001)
        #expect(PortRange(start: 5000, end: 5003).rtcpPort == 5003)
        #expect(PortRange(start: 65535).rtcpPort == nil)
        #expect(ChannelRange(start: 2).rtcpChannel == 3)
        #expect(ChannelRange(start: 255).rtcpChannel == nil)
    }
}
