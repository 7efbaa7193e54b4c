import Cameras
import NIOCore

/// What a connection handler needs to time out silent connections: the limits, the
/// clock, and where to find whether the connection holds a session.
struct ConnectionWatch: Sendable {
    var timeouts: ConnectionTimeouts
    var clock: any MonotonicClock
    var sessions: SessionStore
    var tunnels: TunnelRegistry
}

extension RTSPConnectionHandler {
    /// Bytes were read: records them and brings the next check forward if a request
    /// has just begun.
    func noteInput(completed: Int, midMessage: Bool, context: ChannelHandlerContext) {
        activity.noteInput(at: watch.clock.nanoseconds(), completed: completed, midMessage: midMessage)
        scheduleCheck(context: context)
    }

    /// Arms the timer for the earliest time a limit could run out, unless it is armed
    /// for that time or earlier already.
    func scheduleCheck(context: ChannelHandlerContext) {
        let now = watch.clock.nanoseconds()
        let at = activity.nextCheck(at: now, hasSessions: holdsSession)
        guard at != .max else { return }
        if let scheduled = scheduledCheck {
            if scheduled.at <= at { return }
            scheduled.task.cancel()
        }
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let task = context.eventLoop.scheduleTask(deadline: watch.clock.deadline(forNanoseconds: at)) {
            let (handler, context) = loopBound.value
            handler.scheduledCheck = nil
            handler.runCheck(context: context)
        }
        scheduledCheck = (at, task)
    }

    func cancelCheck() {
        scheduledCheck?.task.cancel()
        scheduledCheck = nil
    }

    private func runCheck(context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        switch activity.check(at: watch.clock.nanoseconds(), hasSessions: holdsSession) {
        case .keep:
            scheduleCheck(context: context)
        case .requestTimedOut:
            logger.debug("request not completed within the header timeout; closing")
            answerRequestTimeout()
            context.close(promise: nil)
        case .idle:
            logger.debug("connection idle without a session; closing")
            context.close(promise: nil)
        }
    }
}

extension CamsimServer {
    /// The connection limits from the configuration, over this server's sessions and tunnels.
    var connectionWatch: ConnectionWatch {
        ConnectionWatch(
            timeouts: ConnectionTimeouts(
                headerSeconds: configuration.headerTimeoutSeconds,
                idleSeconds: configuration.idleConnectionTimeoutSeconds),
            clock: clock, sessions: sessions, tunnels: tunnels)
    }
}
