import Cameras
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import RTP
import Testing
@testable import Server

/// One event loop's UDP viewers share its media socket: the access units one frame tick
/// hands them go out in one flush (one sendmmsg batch), not one flush per viewer.
@Suite
struct UDPBatchedFlushTests {
    /// Counts what reaches the socket: datagrams written and flushes.
    final class Counts: Sendable {
        let writes = NIOLockedValueBox(0)
        let flushes = NIOLockedValueBox(0)
        var snapshot: (writes: Int, flushes: Int) {
            (writes.withLockedValue { $0 }, flushes.withLockedValue { $0 })
        }
    }

    final class CountingHandler: ChannelOutboundHandler, Sendable {
        typealias OutboundIn = AddressedEnvelope<ByteBuffer>
        let counts: Counts
        init(counts: Counts) { self.counts = counts }

        func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
            counts.writes.withLockedValue { $0 += 1 }
            context.write(data, promise: promise)
        }

        func flush(context: ChannelHandlerContext) {
            counts.flushes.withLockedValue { $0 += 1 }
            context.flush()
        }
    }

    final class Receiver: ChannelInboundHandler, Sendable {
        typealias InboundIn = AddressedEnvelope<ByteBuffer>
        let received = NIOLockedValueBox(0)
        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            received.withLockedValue { $0 += 1 }
        }
    }

    static func socket(on loop: any EventLoop, counts: Counts) async throws -> UDPMediaSocket {
        try await UDPMediaSocket.bind(
            host: "127.0.0.1", port: 0, on: loop, logger: Logger(label: "test"),
            configure: { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(CountingHandler(counts: counts))
                }
            })
    }

    static func delivery(frame: Int64) -> RTPDelivery {
        let packets = (0..<3).map { index in
            var packet = ByteBuffer()
            packet.writeInteger(UInt8(0x80))
            packet.writeInteger(UInt8(96))
            packet.writeInteger(UInt16(frame * 3 + Int64(index)))
            packet.writeInteger(UInt32(frame * 6_000))
            packet.writeInteger(UInt32(7))
            packet.writeRepeatingByte(0, count: 500)
            return packet
        }
        return RTPDelivery(
            packets: packets, rtpTimestamp: UInt32(frame * 6_000), firstSequenceNumber: UInt16(frame * 3), ssrc: 7,
            isIDR: true, payloadOctets: 1_500, captureWallClockNanos: 0, frameIndex: frame)
    }

    @Test
    func oneTickOfManyViewersIsOneFlush() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        let rtpCounts = Counts(), rtcpCounts = Counts()
        let pair = UDPMediaPortPair(
            rtp: try await Self.socket(on: loop, counts: rtpCounts), rtcp: try await Self.socket(on: loop, counts: rtcpCounts))
        let receivers = (0..<3).map { _ in Receiver() }
        var channels: [any Channel] = []
        for receiver in receivers {
            channels.append(try await DatagramBootstrap(group: group)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(receiver) }
                }
                .bind(host: "127.0.0.1", port: 0).get())
        }
        let reportSink = try await DatagramBootstrap(group: group).bind(host: "127.0.0.1", port: 0).get()
        channels.append(reportSink)
        // Six viewers, two to each receiver's port; their sender reports go to a sink.
        let camera = CameraFaultState(profile: .empty, catalog: [:], seed: 1, origin: 0)
        let viewers = try (0..<6).map { index in
            let destination = try #require(channels[index % 3].localAddress)
            let transport = UDPMediaTransport(
                ports: pair, rtpDestination: destination, rtcpDestination: try #require(reportSink.localAddress))
            return SessionViewer(
                transport: transport, faults: ViewerFaults(camera: camera, overlay: .empty, seed: UInt64(index), origin: 0),
                cname: "c", clock: FakeClock(), onStart: { _, _ in }, onEnd: {})
        }
        let received = { receivers.reduce(0) { $0 + $1.received.withLockedValue { $0 } } }

        for frame in Int64(0)..<3 {
            // A frame tick: every viewer of the loop is handed the unit, each as a task of its own.
            try await loop.submit {
                for viewer in viewers { viewer.deliver(Self.delivery(frame: frame)) }
            }.get()
            let expected = 6 * 3 * Int(frame + 1)
            for _ in 0..<1_000 where received() < expected { try await Task.sleep(for: .milliseconds(10)) }
            #expect(received() == expected)
            let counts = rtpCounts.snapshot
            #expect(counts.writes == expected)
            #expect(counts.flushes == Int(frame + 1), "\(counts.flushes) flushes after \(frame + 1) ticks of 6 viewers")
        }
        #expect(pair.rtp.dropped == 0)

        for channel in channels { try await channel.close() }
        await pair.close()
        try await group.shutdownGracefully()
    }
}
