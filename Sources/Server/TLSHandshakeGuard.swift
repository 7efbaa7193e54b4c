import Logging
import NIOCore
import NIOTLS

/// Sits behind the TLS handler of an RTSPS connection and ends a connection whose
/// handshake fails or does not finish in time, quietly and on its own: garbage bytes,
/// plain RTSP on the TLS port, or a client that stops halfway touch no one else.
///
/// The time limit is the header timeout: a handshake is held to what a request is.
/// Once the handshake is done the guard leaves the pipeline.
final class TLSHandshakeGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let timeout: TimeAmount?
    private let logger: Logger
    private var deadline: Scheduled<Void>?
    private var completed = false

    /// `timeout` nil (a header timeout of 0) sets no limit.
    init(timeout: TimeAmount?, logger: Logger) {
        self.timeout = timeout
        self.logger = logger
    }

    func channelActive(context: ChannelHandlerContext) {
        if let timeout, !completed {
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            let logger = self.logger
            deadline = context.eventLoop.scheduleTask(in: timeout) {
                logger.debug("TLS handshake not finished within \(timeout); closing")
                loopBound.value.close(promise: nil)
            }
        }
        context.fireChannelActive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        context.fireUserInboundEventTriggered(event)
        if case TLSUserEvent.handshakeCompleted = event {
            completed = true
            deadline?.cancel()
            deadline = nil
            // Its work is done: the connection's reads no longer pass through it.
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if !completed {
            logger.debug("TLS handshake failed: \(error)")
            context.close(promise: nil)
            return
        }
        context.fireErrorCaught(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        context.fireChannelInactive()
    }
}
