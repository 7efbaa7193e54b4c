import NIOCore
import Testing
@testable import Server

/// Which RTCP keeps a session alive (RFC 3550 §6.4.2, §8.2). Packets are written out
/// byte by byte here, as they arrive on the wire.
@Suite struct RTCPLivenessTests {
    static let stream: UInt32 = 0x1234_5678
    static let viewer: UInt32 = 0x5EED_0001

    static func word(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    /// RR with no report blocks: V=2, RC=0, PT=201, length 1.
    static func receiverReport(_ ssrc: UInt32) -> [UInt8] { [0x80, 201, 0, 1] + word(ssrc) }

    /// SR with no report blocks: V=2, RC=0, PT=200, length 6.
    static func senderReport(_ ssrc: UInt32) -> [UInt8] {
        [0x80, 200, 0, 6] + word(ssrc) + word(0xE000_0000) + word(0) + word(90_000) + word(10) + word(12_000)
    }

    /// SDES with one chunk: the CNAME "v" and the end item, padded to a word (length 3).
    static func sourceDescription(_ ssrc: UInt32) -> [UInt8] {
        [0x81, 202, 0, 3] + word(ssrc) + [1, 1, UInt8(ascii: "v"), 0, 0, 0, 0, 0]
    }

    static let liveness = RTCPLiveness(streamSSRC: stream)

    @Test
    func viewersReceiverReportCounts() {
        #expect(Self.liveness.counts(Self.receiverReport(Self.viewer) + Self.sourceDescription(Self.viewer)))
        #expect(Self.liveness.counts(Self.receiverReport(Self.viewer)))
    }

    @Test
    func ourOwnSenderReportComingBackDoesNotCount() {
        #expect(!Self.liveness.counts(Self.senderReport(Self.stream) + Self.sourceDescription(Self.stream)))
    }

    @Test
    func aReportUnderTheStreamsSSRCDoesNotCount() {
        #expect(!Self.liveness.counts(Self.receiverReport(Self.stream)))
        #expect(!Self.liveness.counts(Self.receiverReport(Self.viewer) + Self.senderReport(Self.stream)))
    }

    @Test
    func aCompoundWithoutAReportDoesNotCount() {
        #expect(!Self.liveness.counts(Self.sourceDescription(Self.viewer)))
    }

    @Test
    func malformedOrEmptyRTCPDoesNotCount() {
        #expect(!Self.liveness.counts([UInt8]()))
        #expect(!Self.liveness.counts(Array(Self.receiverReport(Self.viewer).prefix(6))))
        #expect(!Self.liveness.counts([0x80, 201, 0, 9] + Self.word(Self.viewer)))
    }

    @Test
    func datagramsFromTheServersOwnSocketsAreRecognised() throws {
        let ports: Set<Int> = [40_000, 40_001]
        let loopback = try SocketAddress(ipAddress: "127.0.0.1", port: 40_001)
        #expect(RTCPLiveness.isServerEndpoint(loopback, serverPorts: ports, serverAddress: "127.0.0.1"))
        let lan = try SocketAddress(ipAddress: "192.168.1.5", port: 40_000)
        #expect(RTCPLiveness.isServerEndpoint(lan, serverPorts: ports, serverAddress: "192.168.1.5"))
        // The same port numbers on another host are a viewer's.
        let remote = try SocketAddress(ipAddress: "192.168.1.9", port: 40_001)
        #expect(!RTCPLiveness.isServerEndpoint(remote, serverPorts: ports, serverAddress: "192.168.1.5"))
        let otherPort = try SocketAddress(ipAddress: "127.0.0.1", port: 50_001)
        #expect(!RTCPLiveness.isServerEndpoint(otherPort, serverPorts: ports, serverAddress: "127.0.0.1"))
    }
}
