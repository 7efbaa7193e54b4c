import NIOCore

/// Hands the bytes of an RTSP (or tunnel) connection to the client core, and its closing.
final class ControlHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let core: ClientCore
    private let role: ControlRole

    init(core: ClientCore, role: ControlRole) {
        self.core = core
        self.role = role
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = Self.unwrapInboundIn(data)
        // The POST half of a tunnel carries nothing back but, at most, an HTTP answer.
        guard role != .tunnelPost, let bytes = buffer.readBytes(length: buffer.readableBytes) else { return }
        core.received(bytes, on: context.channel)
    }

    func channelInactive(context: ChannelHandlerContext) {
        core.closed(context.channel)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}

/// Hands each datagram of a track's UDP socket to the client core.
final class MediaDatagramHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    private let core: ClientCore
    private let track: Int
    private let isRTCP: Bool

    init(core: ClientCore, track: Int, isRTCP: Bool) {
        self.core = core
        self.track = track
        self.isRTCP = isRTCP
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var envelope = Self.unwrapInboundIn(data)
        guard let bytes = envelope.data.readBytes(length: envelope.data.readableBytes) else { return }
        core.mediaPacket(bytes, track: track, isRTCP: isRTCP, from: envelope.remoteAddress)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {}
}
