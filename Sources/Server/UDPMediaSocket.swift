import Logging
import NIOCore
import NIOPosix
import Synchronization

/// One of the server's UDP media sockets: one port, bound on one event loop, shared by
/// every UDP viewer that loop serves.
///
/// NIO closes a datagram channel when a send fails with an error it does not tolerate
/// (anything but EMSGSIZE and EHOSTUNREACH). So that one viewer's bad destination cannot
/// silence every other viewer, the socket binds its port again when that happens and
/// carries on; only the datagrams queued at that moment are lost. Writes run on
/// `eventLoop`.
///
/// A flush is put off until the tasks already queued on the loop have run: a frame tick
/// hands every viewer of the loop its access unit as one task each, so all their
/// datagrams leave in one flush (sendmmsg batches) instead of one flush per viewer. A
/// batch that finds the kernel still refusing the last one's datagrams (the channel
/// unwritable) is dropped and counted, so a stalled socket does not queue without bound.
final class UDPMediaSocket: @unchecked Sendable {
    let eventLoop: any EventLoop
    let host: String
    /// The bound local address.
    let address: SocketAddress
    var port: Int { address.port ?? 0 }
    private let makeHandler: (@Sendable () -> any ChannelHandler & Sendable)?
    private let configure: (@Sendable (any Channel) -> EventLoopFuture<Void>)?
    private let logger: Logger
    /// Loop-confined: the channel now bound to the port.
    private var channel: any Channel
    private var isClosing = false
    private let rebindCount = Atomic<Int>(0)
    /// Loop-confined: a flush is queued behind the loop's waiting tasks.
    private var flushQueued = false
    /// Loop-confined: datagrams were written since the last flush, and whether their batch
    /// found the channel backlogged and is dropped.
    private var batchOpen = false
    private var dropsBatch = false
    private let droppedCount = Atomic<Int>(0)

    private init(
        channel: any Channel, host: String, address: SocketAddress,
        makeHandler: (@Sendable () -> any ChannelHandler & Sendable)?,
        configure: (@Sendable (any Channel) -> EventLoopFuture<Void>)?, logger: Logger
    ) {
        self.channel = channel
        eventLoop = channel.eventLoop
        self.host = host
        self.address = address
        self.makeHandler = makeHandler
        self.configure = configure
        self.logger = logger
    }

    /// Binds `port` on `host` (0 picks a free one) on `loop`; `makeHandler` gives the
    /// handler that reads what arrives, and `configure` sets socket options before the
    /// bind (multicast interface and scope), for every channel the socket ever binds.
    static func bind(
        host: String, port: Int, on loop: any EventLoop, logger: Logger,
        makeHandler: (@Sendable () -> any ChannelHandler & Sendable)? = nil,
        configure: (@Sendable (any Channel) -> EventLoopFuture<Void>)? = nil
    ) async throws -> UDPMediaSocket {
        let channel = try await makeChannel(
            host: host, port: port, loop: loop, handler: makeHandler?(), configure: configure
        ).get()
        guard let address = channel.localAddress else {
            try? await channel.close()
            throw UDPMediaPortsError.noLocalAddress
        }
        let socket = UDPMediaSocket(
            channel: channel, host: host, address: address, makeHandler: makeHandler, configure: configure, logger: logger)
        loop.execute { socket.watch(channel) }
        return socket
    }

    /// How often the channel closed under the socket and was bound again.
    var rebinds: Int { rebindCount.load(ordering: .relaxed) }

    /// Datagrams dropped because the socket was still backlogged when their batch began.
    var dropped: Int { droppedCount.load(ordering: .relaxed) }

    /// Queues `datagram` until the next flush; on the loop.
    func write(_ datagram: AddressedEnvelope<ByteBuffer>) {
        if !batchOpen {
            // The first datagram of a batch: are the last batch's still unsent beyond the high water mark?
            batchOpen = true
            dropsBatch = !channel.isWritable
        }
        guard !dropsBatch else {
            droppedCount.add(1, ordering: .relaxed)
            return
        }
        channel.write(datagram, promise: nil)
    }

    /// Sends the queued datagrams together (sendmmsg), once the loop has run the tasks
    /// already waiting: the other viewers' writes of the same tick join the batch.
    func flush() {
        guard !flushQueued else { return }
        flushQueued = true
        eventLoop.execute { self.flushNow() }
    }

    private func flushNow() {
        guard flushQueued else { return }
        flushQueued = false
        batchOpen = false
        dropsBatch = false
        channel.flush()
    }

    /// Closes the socket for good, after sending what is queued.
    func close() async {
        let channel = try? await eventLoop.submit {
            self.flushNow()
            self.isClosing = true
            return self.channel
        }.get()
        try? await channel?.close()
    }

    private func watch(_ channel: any Channel) {
        channel.closeFuture.whenComplete { _ in self.channelDidClose(channel) }
    }

    private func channelDidClose(_ closed: any Channel) {
        guard !isClosing, closed === channel else { return }
        rebindCount.add(1, ordering: .relaxed)
        logger.debug("UDP media socket closed by a send error; binding its port again", metadata: ["port": "\(port)"])
        rebind()
    }

    private func rebind() {
        guard !isClosing else { return }
        Self.makeChannel(
            host: host, port: port, loop: eventLoop, handler: makeHandler?(), configure: configure
        ).whenComplete { result in
            switch result {
            case .success(let channel):
                guard !self.isClosing else {
                    channel.close(promise: nil)
                    return
                }
                self.channel = channel
                self.watch(channel)
            case .failure(let error):
                self.logger.warning("UDP media port could not be bound again; retrying",
                                    metadata: ["port": "\(self.port)", "error": "\(error)"])
                self.eventLoop.scheduleTask(in: .seconds(1)) { self.rebind() }
            }
        }
    }

    /// A datagram channel on `port`. No SO_REUSEADDR: on Linux it would let two UDP
    /// sockets, ours or another process's, share a port and split its traffic.
    private static func makeChannel(
        host: String, port: Int, loop: any EventLoop, handler: (any ChannelHandler & Sendable)?,
        configure: (@Sendable (any Channel) -> EventLoopFuture<Void>)?
    ) -> EventLoopFuture<any Channel> {
        DatagramBootstrap(group: loop)
            .channelOption(.socketOption(.so_sndbuf), value: 4 << 20)
            .channelInitializer { channel in
                let configured = configure?(channel) ?? channel.eventLoop.makeSucceededVoidFuture()
                guard let handler else { return configured }
                return configured.flatMapThrowing {
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
            .bind(host: host, port: port)
    }
}
