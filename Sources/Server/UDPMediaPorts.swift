import Logging
import NIOCore
import NIOPosix

/// The server's RTP/RTCP socket pair, shared by every UDP viewer (`server_port` in
/// SETUP replies, RFC 2326 §12.39). RTP goes out of the even port; RTCP goes out of,
/// and receiver reports arrive on, the next one (RFC 3550 §11).
final class UDPMediaPorts: Sendable {
    let rtp: any Channel
    let rtcp: any Channel

    var rtpPort: Int { rtp.localAddress?.port ?? 0 }
    var rtcpPort: Int { rtcp.localAddress?.port ?? 0 }

    private init(rtp: any Channel, rtcp: any Channel) {
        self.rtp = rtp
        self.rtcp = rtcp
    }

    /// Binds an even/odd pair on `host`: from `range` when given, else any free pair.
    static func bind(
        host: String,
        range: ClosedRange<Int>?,
        group: any EventLoopGroup,
        onRTCP: @escaping @Sendable (SocketAddress, ByteBuffer) -> Void
    ) async throws -> UDPMediaPorts {
        let loop = group.next()
        let candidates: [Int] = range.map { stride(from: $0.lowerBound + ($0.lowerBound & 1), to: $0.upperBound, by: 2).map { $0 } }
            ?? Array(repeating: 0, count: 64)
        var lastError: (any Error)?
        for candidate in candidates {
            do {
                let rtp = try await makeChannel(host: host, port: candidate, loop: loop, handler: nil)
                let port = rtp.localAddress?.port ?? 0
                if candidate == 0, port % 2 != 0 {
                    try? await rtp.close()
                    continue
                }
                do {
                    let rtcp = try await makeChannel(
                        host: host, port: port + 1, loop: loop, handler: RTCPReceiveHandler(onRTCP: onRTCP))
                    return UDPMediaPorts(rtp: rtp, rtcp: rtcp)
                } catch {
                    try? await rtp.close()
                    lastError = error
                }
            } catch {
                lastError = error
            }
        }
        throw lastError ?? UDPMediaPortsError.noFreePair
    }

    func close() async {
        try? await rtp.close()
        try? await rtcp.close()
    }

    private static func makeChannel(
        host: String, port: Int, loop: any EventLoop, handler: (any ChannelHandler & Sendable)?
    ) async throws -> any Channel {
        try await DatagramBootstrap(group: loop)
            .channelOption(.socketOption(.so_reuseaddr), value: 1)
            .channelOption(.socketOption(.so_sndbuf), value: 4 << 20)
            .channelInitializer { channel in
                guard let handler else { return channel.eventLoop.makeSucceededVoidFuture() }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
            .bind(host: host, port: port)
            .get()
    }
}

enum UDPMediaPortsError: Error, CustomStringConvertible {
    case noFreePair
    var description: String { "no free even/odd UDP port pair for RTP and RTCP" }
}

/// Hands every datagram that arrives on the RTCP port to the server.
private final class RTCPReceiveHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    let onRTCP: @Sendable (SocketAddress, ByteBuffer) -> Void

    init(onRTCP: @escaping @Sendable (SocketAddress, ByteBuffer) -> Void) { self.onRTCP = onRTCP }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        onRTCP(envelope.remoteAddress, envelope.data)
    }
}
