import NIOCore
import NIOPosix
import RTSPClient

/// An RTSP client session driven over SwiftNIO: it connects, describes, sets up and plays at
/// once, and reports what happens as `events`, ending with `.closed`. Media travels as the
/// configuration says: UDP port pairs (with RTCP receiver reports), interleaved on the RTSP
/// connection, or through an HTTP tunnel. `close()` tears the session down.
///
///     let connection = RTSPClientConnection.connect(RTSPClientConfiguration(url: url, transport: .tcp))
///     for await event in connection.events {
///         if case .accessUnit(let unit) = event { … }
///     }
public final class RTSPClientConnection: Sendable {
    /// The session's events, in order; `.closed` is the last. Iterating from one task only.
    public let events: AsyncStream<RTSPClientEvent>
    private let core: ClientCore

    private init(events: AsyncStream<RTSPClientEvent>, core: ClientCore) {
        self.events = events
        self.core = core
    }

    /// Starts a session. A configuration error (a URL that is not rtsp://) arrives as
    /// `.closed` at once. Everything runs on one event loop of `group`.
    public static func connect(
        _ configuration: RTSPClientConfiguration, options: RTSPClientOptions = RTSPClientOptions(),
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) -> RTSPClientConnection {
        let (stream, continuation) = AsyncStream.makeStream(
            of: RTSPClientEvent.self, bufferingPolicy: .bufferingOldest(options.eventBufferLimit))
        let core = ClientCore(configuration: configuration, options: options, loop: group.next(), continuation: continuation)
        continuation.onTermination = { _ in core.close() }
        core.start()
        return RTSPClientConnection(events: stream, core: core)
    }

    /// Sends TEARDOWN (when there is a session) and closes; `.closed(nil)` follows.
    public func close() {
        core.close()
    }

    /// Events dropped because the consumer fell more than `eventBufferLimit` behind.
    public var droppedEvents: Int {
        get async { await core.droppedEventCount() }
    }
}
