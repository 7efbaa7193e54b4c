import Logging
import NIOCore
import NIOPosix
import Testing
@testable import Server

/// An RTP/RTCP pair per event loop, from the configured range when there is one.
@Suite
struct UDPMediaPortsTests {
    /// A free range of `count` ports starting at an even port, found by binding probes.
    static func freeRange(count: Int) throws -> ClosedRange<Int> {
        for start in stride(from: 40_000 + Int.random(in: 0..<500) * 2, to: 60_000, by: 16) {
            let range = start...(start + count - 1)
            if range.allSatisfy({ (try? probe($0)) == true }) { return range }
        }
        throw UDPMediaPortsError.noFreePair
    }

    private static func probe(_ port: Int) throws -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    @Test
    func everyLoopGetsItsOwnPairFromTheRange() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let loops = Array(group.makeIterator())
        let range = try Self.freeRange(count: 4)
        let ports = try await UDPMediaPorts.bind(
            host: "127.0.0.1", range: range, loops: loops, logger: Logger(label: "test"), onRTCP: { _, _ in })
        #expect(ports.pairs.count == 2)
        let first = ports.pair(for: loops[0])
        let second = ports.pair(for: loops[1])
        #expect(first.eventLoop === loops[0] && second.eventLoop === loops[1])
        #expect(Set([first.rtpPort, first.rtcpPort, second.rtpPort, second.rtcpPort]) == Set(range))
        #expect(first.rtpPort % 2 == 0 && first.rtcpPort == first.rtpPort + 1)
        await ports.close()
        try await group.shutdownGracefully()
    }

    @Test
    func loopsShareThePairsARangeTooSmallAllows() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 3)
        let loops = Array(group.makeIterator())
        let range = try Self.freeRange(count: 2)
        let ports = try await UDPMediaPorts.bind(
            host: "127.0.0.1", range: range, loops: loops, logger: Logger(label: "test"), onRTCP: { _, _ in })
        #expect(ports.pairs.count == 1)
        // Every loop gets the one pair, the same on every call (SETUP's reply and its viewer agree).
        for loop in loops {
            #expect(ports.pair(for: loop) === ports.pairs[0])
        }
        #expect(ports.pairs[0].rtpPort == range.lowerBound)
        await ports.close()
        try await group.shutdownGracefully()
    }
}
