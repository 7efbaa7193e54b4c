/// The event service's state (ONVIF Core, "Real-time Pull-Point Notification Interface"):
/// each camera's properties and their current values, and every pull point with its filter,
/// its queue and its termination time. A pure state machine: time is passed in (nanoseconds
/// since 1970), and the control plane feeds it what cameras do and asks it what to answer.
public struct EventSubscriptions: Sendable {
    /// What a camera's ONVIF event faults do to one subscription (nanoseconds).
    public struct Faults: Sendable, Equatable {
        /// No message that happens this long after the subscription was made is delivered.
        public var stopAfter: Int64?
        /// Each message is delivered this long after it happened.
        public var late: Int64?
        /// The subscription ends this long after it was made or renewed, whatever
        /// termination time it was told.
        public var expiresAfter: Int64?

        public init(stopAfter: Int64? = nil, late: Int64? = nil, expiresAfter: Int64? = nil) {
            self.stopAfter = stopAfter
            self.late = late
            self.expiresAfter = expiresAfter
        }
    }

    /// One pull point.
    public struct Subscription: Sendable {
        public let id: String
        public let camera: String
        let filter: TopicFilter
        let created: Int64
        /// The termination time the client was told.
        public private(set) var termination: Int64
        /// When it really ends: the termination time, or earlier under `expiresAfter`.
        public private(set) var end: Int64
        var faults: Faults
        var queue: [(message: EventMessage, deliverAt: Int64)] = []
        /// Messages dropped because the queue was full.
        public private(set) var dropped = 0

        mutating func setTermination(_ termination: Int64, from now: Int64) {
            self.termination = termination
            end = faults.expiresAfter.map { min(termination, now + $0) } ?? termination
        }

        mutating func enqueue(_ message: EventMessage) {
            guard filter.matches(message.topic) else { return }
            if let stop = faults.stopAfter, message.time >= created + stop { return }
            if queue.count >= EventsLimits.maxQueuedMessages {
                queue.removeFirst()
                dropped += 1
            }
            queue.append((message, message.time + (faults.late ?? 0)))
        }
    }

    /// What a pull answered.
    public struct Pull: Sendable, Equatable {
        public var messages: [EventMessage]
        public var termination: Int64
        /// When the next queued message may be delivered, nil when none is queued.
        public var nextDelivery: Int64?
    }

    public private(set) var subscriptions: [String: Subscription] = [:]
    /// Each camera's properties in the order they first appeared, with their last message.
    private var properties: [String: [EventMessage]] = [:]
    private var nextID: UInt64 = 1

    public init() {}

    /// The camera's properties as they are now, each as an `Initialized` message at `now`.
    public func current(camera: String, at now: Int64) -> [EventMessage] {
        (properties[camera] ?? []).map { message in
            var message = message
            message.operation = .initialized
            message.time = now
            return message
        }
    }

    /// Records that a camera's property has `message.state` at `message.time`; a change is
    /// queued on the camera's subscriptions whose filter it passes. Returns whether it changed.
    @discardableResult
    public mutating func observe(camera: String, _ message: EventMessage) -> Bool {
        var list = properties[camera] ?? []
        var message = message
        if let index = list.firstIndex(where: { $0.property == message.property }) {
            guard list[index].state != message.state else { return false }
            message.operation = .changed
            list[index] = message
        } else {
            message.operation = .initialized
            list.append(message)
        }
        properties[camera] = list
        for id in subscriptions.keys where subscriptions[id]?.camera == camera {
            subscriptions[id]?.enqueue(message)
        }
        return true
    }

    /// Forgets a camera that was removed, and its subscriptions.
    public mutating func remove(camera: String) {
        properties[camera] = nil
        subscriptions = subscriptions.filter { $0.value.camera != camera }
    }

    /// Ends the subscriptions whose time is up.
    public mutating func expire(at now: Int64) {
        subscriptions = subscriptions.filter { $0.value.end > now }
    }

    /// A new pull point on `camera`, told `termination` (nil: the default life), with the
    /// camera's current properties queued as `Initialized` (ONVIF Core, "Properties": a new
    /// subscription starts from the current state).
    public mutating func create(
        camera: String, filter: TopicFilter, termination: Int64?, faults: Faults, at now: Int64
    ) throws(SOAPFault) -> Subscription {
        expire(at: now)
        let termination = try Self.acceptable(termination, now: now)
        guard subscriptions.count < EventsLimits.maxSubscriptions,
              subscriptions.values.count(where: { $0.camera == camera }) < EventsLimits.maxSubscriptionsPerCamera
        else {
            throw SOAPFault(.receiver, ["Action", "MaxPullPoints"], reason: "too many pull points on this device: at most \(EventsLimits.maxSubscriptionsPerCamera) per camera")
        }
        let id = String(nextID)
        nextID += 1
        var subscription = Subscription(id: id, camera: camera, filter: filter, created: now, termination: termination, end: termination, faults: faults)
        subscription.setTermination(termination, from: now)
        for message in current(camera: camera, at: now) { subscription.enqueue(message) }
        subscriptions[id] = subscription
        return subscription
    }

    /// Takes up to `limit` messages that are due at `now` from the pull point.
    public mutating func pull(_ id: String, camera: String, limit: Int, at now: Int64) throws(SOAPFault) -> Pull {
        var subscription = try live(id, camera: camera, at: now)
        let due = subscription.queue.prefix { $0.deliverAt <= now }.prefix(max(0, limit))
        subscription.queue.removeFirst(due.count)
        subscriptions[id] = subscription
        return Pull(messages: due.map { $0.message }, termination: subscription.termination, nextDelivery: subscription.queue.first?.deliverAt)
    }

    /// Gives the pull point a new termination time (WS-BaseNotification §6.1 `Renew`).
    public mutating func renew(_ id: String, camera: String, termination: Int64?, at now: Int64) throws(SOAPFault) -> Int64 {
        var subscription = try live(id, camera: camera, at: now)
        let termination = try Self.acceptable(termination, now: now)
        subscription.setTermination(termination, from: now)
        subscriptions[id] = subscription
        return termination
    }

    /// Ends the pull point (WS-BaseNotification §6.2 `Unsubscribe`).
    public mutating func unsubscribe(_ id: String, camera: String, at now: Int64) throws(SOAPFault) {
        _ = try live(id, camera: camera, at: now)
        subscriptions[id] = nil
    }

    /// Queues every current property as `Initialized` again (ONVIF Core, "Synchronization point").
    public mutating func synchronize(_ id: String, camera: String, at now: Int64) throws(SOAPFault) {
        var subscription = try live(id, camera: camera, at: now)
        for message in current(camera: camera, at: now) { subscription.enqueue(message) }
        subscriptions[id] = subscription
    }

    /// The subscription, if it exists on `camera` and has not ended; otherwise the fault
    /// WS-ResourceFramework gives a request to a resource that is gone (`ResourceUnknownFault`).
    private mutating func live(_ id: String, camera: String, at now: Int64) throws(SOAPFault) -> Subscription {
        expire(at: now)
        guard let subscription = subscriptions[id], subscription.camera == camera else {
            throw Self.unknown(id)
        }
        return subscription
    }

    /// The fault for a subscription that does not exist, or no longer does.
    public static func unknown(_ id: String) -> SOAPFault {
        SOAPFault(.sender, ["InvalidArgVal", "ResourceUnknownFault"], reason: "no subscription '\(id)': it ended or never existed")
    }

    /// The termination time given, capped at ``EventsLimits/maxTermination`` from now;
    /// one in the past is `UnacceptableInitialTerminationTimeFault` (WS-BaseNotification §4.2).
    private static func acceptable(_ termination: Int64?, now: Int64) throws(SOAPFault) -> Int64 {
        guard let termination else { return now + EventsLimits.defaultTermination }
        guard termination > now else {
            throw SOAPFault.invalidArgVal("UnacceptableInitialTerminationTimeFault", "the termination time is not in the future")
        }
        return min(termination, now + EventsLimits.maxTermination)
    }
}
