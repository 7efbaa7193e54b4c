import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Testing
@testable import Server

/// The UDP media sockets every UDP viewer of an event loop shares: one viewer's failing
/// destination must not stop the others' media.
@Suite
struct UDPMediaSocketTests {
    /// Collects the datagrams a loopback socket receives.
    final class Collector: ChannelInboundHandler, Sendable {
        typealias InboundIn = AddressedEnvelope<ByteBuffer>
        let received = NIOLockedValueBox<[String]>([])
        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let text = String(buffer: unwrapInboundIn(data).data)
            received.withLockedValue { $0.append(text) }
        }
    }

    @Test
    func aSendThatFailsDoesNotSilenceTheSocket() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        let socket = try await UDPMediaSocket.bind(host: "127.0.0.1", port: 0, on: loop, logger: Logger(label: "test"))
        let collector = Collector()
        let receiver = try await DatagramBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(collector) }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let viewer = try #require(receiver.localAddress)
        // sendmsg to port 0 fails with EINVAL, which makes NIO close a datagram channel.
        let broken = try SocketAddress(ipAddress: "127.0.0.1", port: 0)
        try await loop.submit {
            socket.write(AddressedEnvelope(remoteAddress: broken, data: ByteBuffer(string: "lost")))
            socket.flush()
        }.get()

        // Another viewer's media, sent every 50 ms until it arrives (10 s at most).
        var delivered = false
        for _ in 0..<200 where !delivered {
            try await loop.submit {
                socket.write(AddressedEnvelope(remoteAddress: viewer, data: ByteBuffer(string: "media")))
                socket.flush()
            }.get()
            try await Task.sleep(for: .milliseconds(50))
            delivered = collector.received.withLockedValue { $0.contains("media") }
        }
        #expect(delivered, "no datagram reached the other viewer after one destination failed")
        #expect(socket.rebinds == 1, "the failed send should have closed the channel once, and the port been bound again")

        await socket.close()
        try await receiver.close()
        try await group.shutdownGracefully()
    }

    @Test
    func destinationsThatCanNeverReceiveAreRefusedUpFront() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let socket = try await UDPMediaSocket.bind(host: "127.0.0.1", port: 0, on: group.next(), logger: Logger(label: "test"))
        #expect(!UDPMediaTransport.canReceive(try SocketAddress(ipAddress: "127.0.0.1", port: 0), from: socket))
        #expect(!UDPMediaTransport.canReceive(try SocketAddress(ipAddress: "::1", port: 5000), from: socket))
        #expect(UDPMediaTransport.canReceive(try SocketAddress(ipAddress: "127.0.0.1", port: 5000), from: socket))
        await socket.close()
        try await group.shutdownGracefully()
    }
}
