import NIOCore
import RTSP

/// The thin NIO adapter: bytes in, parser events to the connection's logic.
final class RTSPConnectionHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    private var parser = RTSPMessageParser()
    private let connection: RTSPConnection

    init(connection: RTSPConnection) { self.connection = connection }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        parser.append(buffer.readableBytesView)
        while let event = parser.next() {
            switch event {
            case .request(let request):
                connection.receive(request)
            case .interleaved(let channel, let payload):
                connection.receiveInterleaved(channel: channel, payload: payload)
            case .malformed(let error):
                connection.receiveMalformed(error, cSeq: parser.malformedCSeq)
                if !error.isRecoverable { return }
            }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        connection.closed()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
