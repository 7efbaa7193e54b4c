import Logging
import NIOCore
import NIOPosix
import RTSP

/// One multicast group's sockets: a sender, from an ephemeral port, whose datagrams go
/// out of the configured interface with the configured scope and loop back to
/// receivers on this host (IP_MULTICAST_IF, IP_MULTICAST_TTL, IP_MULTICAST_LOOP); and
/// a receiver bound to the group's RTCP port and joined to the group, where clients
/// send their receiver reports (RFC 3550 §6.4.2: ffmpeg and GStreamer send them to
/// the address and port the SETUP answer named).
final class MulticastSockets: Sendable {
    let sender: UDPMediaSocket
    let reports: any Channel

    private init(sender: UDPMediaSocket, reports: any Channel) {
        self.sender = sender
        self.reports = reports
    }

    var eventLoop: any EventLoop { sender.eventLoop }

    static func bind(
        _ answer: MulticastTransport, delivery: MulticastDelivery, on loop: any EventLoop, logger: Logger,
        onReport: @escaping @Sendable (SocketAddress, ByteBuffer) -> Void
    ) async throws -> MulticastSockets {
        let interface = try delivery.interface.map { text throws in
            try MulticastInterface.resolve(text, among: System.enumerateDevices())
        }
        let ttl = delivery.ttl
        let sender = try await UDPMediaSocket.bind(
            host: interface?.address.description ?? "0.0.0.0", port: 0, on: loop, logger: logger,
            configure: { channel in
                guard let options = channel as? any SocketOptionProvider else {
                    return channel.eventLoop.makeSucceededVoidFuture()
                }
                let scoped = options.setIPMulticastTTL(ttl).flatMap { options.setIPMulticastLoop(1) }
                guard let interface else { return scoped }
                return scoped.flatMap { options.setIPMulticastIF(interface.inAddr) }
            })
        do {
            let reports = try await DatagramBootstrap(group: loop)
                // Clients on this host bind the same group port: share it.
                .channelOption(.socketOption(.so_reuseaddr), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(ReportHandler(onReport: onReport))
                    }
                }
                .bind(host: answer.group.description, port: Int(answer.rtcpPort))
                .get()
            do {
                let group = try SocketAddress(ipAddress: answer.group.description, port: Int(answer.rtcpPort))
                try await (reports as! any MulticastChannel).joinGroup(group, device: interface?.device).get()
            } catch {
                try? await reports.close()
                throw error
            }
            return MulticastSockets(sender: sender, reports: reports)
        } catch {
            await sender.close()
            throw error
        }
    }

    func close() async {
        await sender.close()
        try? await reports.close()
    }

    /// Hands every datagram on the group's RTCP port to the group.
    private final class ReportHandler: ChannelInboundHandler, Sendable {
        typealias InboundIn = AddressedEnvelope<ByteBuffer>
        let onReport: @Sendable (SocketAddress, ByteBuffer) -> Void

        init(onReport: @escaping @Sendable (SocketAddress, ByteBuffer) -> Void) { self.onReport = onReport }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let envelope = unwrapInboundIn(data)
            onReport(envelope.remoteAddress, envelope.data)
        }
    }
}
