import Logging
import NIOCore
import NIOEmbedded
import NIOPosix
import Testing
@testable import Cameras
@testable import Server

/// The session store's RTCP source index: one source per session, replaced by a new
/// SETUP and dropped with the session.
@Suite struct SessionStoreTests {
    final class Fixture {
        let store = SessionStore()
        let loops = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let pool = NIOThreadPool(numberOfThreads: 1)
        let stream: CameraStream
        let channel = EmbeddedChannel()

        init() {
            stream = CameraStream(
                definition: EmbeddedRTSP.camera("cam").streams[0], eventLoop: loops.next(), encodePool: pool)
        }

        func session(_ id: String) -> RTSPServerSession {
            RTSPServerSession(
                id: id, stream: stream, ownerConnection: ObjectIdentifier(channel), ownerChannel: channel,
                timeoutSeconds: 60, store: store, clock: SystemMonotonicClock(), logger: Logger(label: "test"))
        }

        func shutdown() { try? loops.syncShutdownGracefully() }
    }

    static func source(_ port: Int) throws -> SocketAddress { try SocketAddress(ipAddress: "127.0.0.1", port: port) }

    @Test
    func aNewSetupReplacesTheSessionsRTCPSource() throws {
        let fixture = Fixture()
        defer { fixture.shutdown() }
        let session = fixture.session("a")
        fixture.store.add(session)
        fixture.store.register(rtcpSource: try Self.source(50001), for: session)
        fixture.store.register(rtcpSource: try Self.source(50003), for: session)
        #expect(fixture.store.session(rtcpSource: try Self.source(50001)) == nil, "the old source still feeds the session")
        #expect(fixture.store.session(rtcpSource: try Self.source(50003)) === session)
        fixture.store.register(rtcpSource: nil, for: session)
        #expect(fixture.store.session(rtcpSource: try Self.source(50003)) == nil, "a session moved to TCP keeps its UDP source")
    }

    @Test
    func aSourceTakenByAnotherSessionIsNoLongerTheFirstsAndRemovalForgetsIt() throws {
        let fixture = Fixture()
        defer { fixture.shutdown() }
        let first = fixture.session("a"), second = fixture.session("b")
        fixture.store.add(first)
        fixture.store.add(second)
        fixture.store.register(rtcpSource: try Self.source(50001), for: first)
        fixture.store.register(rtcpSource: try Self.source(50001), for: second)
        #expect(fixture.store.session(rtcpSource: try Self.source(50001)) === second)
        // Removing the first must not drop the second's registration.
        #expect(fixture.store.remove(first))
        #expect(fixture.store.session(rtcpSource: try Self.source(50001)) === second)
        #expect(fixture.store.remove(second))
        #expect(fixture.store.session(rtcpSource: try Self.source(50001)) == nil)
        #expect(!fixture.store.remove(second), "a session is removed once")
    }
}
