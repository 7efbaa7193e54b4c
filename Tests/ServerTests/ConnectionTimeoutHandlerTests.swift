import Cameras
import NIOConcurrencyHelpers
import NIOCore
import NIOEmbedded
import Testing
@testable import Server

/// The connection handler's timeouts on an `EmbeddedChannel`, with a clock that moves
/// only when the test moves it (and the embedded event loop with it).
@Suite struct ConnectionTimeoutHandlerTests {
    /// Monotonic time the test sets; deadlines are the embedded loop's uptime.
    final class ManualClock: MonotonicClock {
        private let now = NIOLockedValueBox<Int64>(0)
        func nanoseconds() -> Int64 { now.withLockedValue { $0 } }
        func wallClockNanoseconds() -> Int64 { nanoseconds() }
        func deadline(forNanoseconds nanos: Int64) -> NIODeadline { .uptimeNanoseconds(UInt64(max(0, nanos))) }
        func set(_ nanos: Int64) { now.withLockedValue { $0 = nanos } }
    }

    final class Fixture {
        let server: CamsimServer
        let channel = EmbeddedChannel()
        let clock = ManualClock()

        init(headerSeconds: Int, idleSeconds: Int) throws {
            server = CamsimServer(
                configuration: ServerConfiguration(bindHost: "127.0.0.1", port: 0, networkThreads: 1, encodeThreads: 1),
                cameras: [])
            let watch = ConnectionWatch(
                timeouts: ConnectionTimeouts(headerSeconds: headerSeconds, idleSeconds: idleSeconds),
                clock: clock, sessions: server.sessions, tunnels: server.tunnels)
            let connection = RTSPConnection(channel: channel, server: server)
            try channel.pipeline.syncOperations.addHandler(RTSPConnectionHandler(connection: connection, watch: watch))
            try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 5554)).wait()
        }

        func advance(toSeconds seconds: Double) {
            let nanos = Int64(seconds * 1e9)
            clock.set(nanos)
            channel.embeddedEventLoop.advanceTime(to: .uptimeNanoseconds(UInt64(nanos)))
        }

        func send(_ text: String) throws {
            try channel.writeInbound(ByteBuffer(string: text))
        }

        /// Everything the connection wrote, as text.
        func written() throws -> String {
            var text = ""
            while let buffer = try channel.readOutbound(as: ByteBuffer.self) { text += String(buffer: buffer) }
            return text
        }

        func close() async {
            _ = try? channel.finish()
            await server.shutdown()
        }
    }

    @Test
    func stalledRequestGets408AtTheHeaderTimeout() async throws {
        let fixture = try Fixture(headerSeconds: 2, idleSeconds: 60)
        fixture.advance(toSeconds: 1)
        try fixture.send("OPTIONS * RTSP/1.0\r\nCSeq: 4\r\n")
        fixture.advance(toSeconds: 2.9)
        #expect(fixture.channel.isActive, "closed before the header timeout")
        #expect(try fixture.written().isEmpty)
        fixture.advance(toSeconds: 3)
        #expect(try fixture.written().hasPrefix("RTSP/1.0 408 "))
        #expect(!fixture.channel.isActive, "still open after the header timeout")
        await fixture.close()
    }

    @Test
    func answeredRequestsKeepTheConnectionUntilItIdles() async throws {
        let fixture = try Fixture(headerSeconds: 2, idleSeconds: 5)
        fixture.advance(toSeconds: 4)
        try fixture.send("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n")
        #expect(try fixture.written().hasPrefix("RTSP/1.0 200 "))
        fixture.advance(toSeconds: 8.9)
        #expect(fixture.channel.isActive, "closed less than the idle timeout after a request")
        fixture.advance(toSeconds: 9)
        #expect(!fixture.channel.isActive, "still open after the idle timeout")
        #expect(try fixture.written().isEmpty, "an idle connection is closed without an answer")
        await fixture.close()
    }
}
