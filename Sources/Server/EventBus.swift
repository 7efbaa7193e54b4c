import Synchronization

/// Hands each ``ServerEvent`` to every current subscriber. Publishing costs one lock and
/// nothing more when nobody listens; a subscriber that falls behind loses its oldest
/// events (at most ``bufferLimit`` wait per subscriber), so it never grows memory or
/// slows the publisher.
public final class EventBus: Sendable {
    /// Events a subscriber may have waiting before the oldest are dropped.
    public static let bufferLimit = 1024

    private struct State {
        var next = 0
        var subscribers: [Int: AsyncStream<ServerEvent>.Continuation] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    /// Sends `event` to every subscriber.
    public func publish(_ event: ServerEvent) {
        state.withLock { state in
            for subscriber in state.subscribers.values { subscriber.yield(event) }
        }
    }

    /// The events from now on, until the stream's consumer stops iterating.
    public func subscribe() -> AsyncStream<ServerEvent> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: ServerEvent.self, bufferingPolicy: .bufferingNewest(Self.bufferLimit))
        let id = state.withLock { state in
            let id = state.next
            state.next += 1
            state.subscribers[id] = continuation
            return id
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Subscribers now.
    public var subscriberCount: Int { state.withLock { $0.subscribers.count } }
}
