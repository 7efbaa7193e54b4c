import Logging
import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// On the listening channel, before the accept handler: stops an event loop from
/// spinning on `accept` when the process is out of file descriptors.
///
/// A failed `accept` leaves the connection in the backlog and the listener readable, so
/// the event loop would call `accept` again at once, forever (and NIO keeps the listener
/// registered for reads until an `accept` succeeds). So the handler holds one spare
/// descriptor. When `accept` fails with EMFILE or ENFILE it gives the spare up, so the
/// next `accept` succeeds; while the spare cannot be taken back, each accepted
/// connection is closed at once (the client learns the server is full instead of
/// waiting in the backlog). After any failed `accept` the listener pauses for
/// `AcceptBackoff.pause` before it reads again.
final class ListenerBackoffHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = any Channel
    typealias InboundOut = any Channel
    typealias OutboundIn = Never

    private let logger: Logger
    private var spare: CInt?
    private var resumeAt: NIODeadline?
    private var scheduledRead: Scheduled<Void>?
    private var lastWarning: NIODeadline?
    /// At most one warning this often while accepts keep failing.
    static let warningInterval = TimeAmount.seconds(10)

    init(logger: Logger) {
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        takeSpare()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        scheduledRead?.cancel()
        scheduledRead = nil
        releaseSpare()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if spare == nil { takeSpare() }
        guard spare == nil else { return context.fireChannelRead(data) }
        // Still no descriptor to spare: this connection is shed, and its descriptor is
        // free again once it has closed.
        unwrapInboundIn(data).close(promise: nil)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let ioError = error as? IOError, let pause = AcceptBackoff.delay(after: ioError) else {
            return context.fireErrorCaught(error)
        }
        let now = NIODeadline.now()
        if lastWarning.map({ now - $0 >= Self.warningInterval }) ?? true {
            lastWarning = now
            logger.warning("accept failed; pausing new connections", metadata: ["error": "\(ioError)"])
        }
        resumeAt = now + pause
        guard AcceptBackoff.isOutOfDescriptors(ioError.errnoCode) else { return }
        releaseSpare()
    }

    func read(context: ChannelHandlerContext) {
        guard scheduledRead == nil else { return }
        if spare == nil { takeSpare() }
        guard let resumeAt, resumeAt > .now() else {
            self.resumeAt = nil
            return context.read()
        }
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        scheduledRead = context.eventLoop.scheduleTask(deadline: resumeAt) {
            let (handler, context) = loopBound.value
            handler.scheduledRead = nil
            handler.read(context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        scheduledRead?.cancel()
        scheduledRead = nil
        releaseSpare()
        context.fireChannelInactive()
    }

    private func takeSpare() {
        #if canImport(Glibc)
        let descriptor = Glibc.open("/dev/null", O_RDONLY | O_CLOEXEC)
        #elseif canImport(Darwin)
        let descriptor = Darwin.open("/dev/null", O_RDONLY | O_CLOEXEC)
        #endif
        spare = descriptor >= 0 ? descriptor : nil
    }

    private func releaseSpare() {
        #if canImport(Glibc)
        if let spare { _ = Glibc.close(spare) }
        #elseif canImport(Darwin)
        if let spare { _ = Darwin.close(spare) }
        #endif
        spare = nil
    }
}
