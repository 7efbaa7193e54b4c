/// One notification a camera raises: a property of `topic`, named by its source values,
/// taking `state` at `time` (ONVIF Core, "Event handling", message format: `tt:Message`).
public struct EventMessage: Sendable, Equatable {
    /// `PropertyOperation`: the first message of a property in a subscription is
    /// `Initialized`, every later one `Changed`.
    public enum Operation: String, Sendable {
        case initialized = "Initialized"
        case changed = "Changed"
    }

    public var topic: EventTopic
    /// The values of ``EventTopic/sourceItems``, in their order.
    public var source: [String]
    public var state: Bool
    /// When it happened, nanoseconds since 1970 (UTC).
    public var time: Int64
    public var operation: Operation

    public init(topic: EventTopic, source: [String], state: Bool, time: Int64, operation: Operation = .changed) {
        self.topic = topic
        self.source = source
        self.state = state
        self.time = time
        self.operation = operation
    }

    /// The property this message is about: its topic and source.
    public var property: EventProperty { EventProperty(topic: topic, source: source) }

    /// `wsnt:NotificationMessage` (WS-BaseNotification §3.2; ONVIF Core, "Notification
    /// message"): the topic in the ConcreteSet dialect, then `tt:Message` with its source
    /// and data simple items, in onvif.xsd's sequence order.
    public func write(into w: inout XMLWriter) {
        w.element("wsnt:NotificationMessage") { w in
            w.element("wsnt:Topic", [("Dialect", TopicFilter.Dialect.concreteSet.rawValue)], value: topic.expression)
            w.element("wsnt:Message") { w in
                w.element("tt:Message", [("UtcTime", XSDateTime.format(time, milliseconds: .down)), ("PropertyOperation", operation.rawValue)]) { w in
                    w.element("tt:Source") { w in
                        for (item, value) in zip(topic.sourceItems, source) {
                            w.empty("tt:SimpleItem", [("Name", item.name), ("Value", value)])
                        }
                    }
                    w.element("tt:Data") { w in
                        w.empty("tt:SimpleItem", [("Name", topic.dataItem.name), ("Value", state ? "true" : "false")])
                    }
                }
            }
        }
    }
}

/// A property: a topic and the source values that tell one instance from another (the
/// camera's video source, a digital input's token).
public struct EventProperty: Sendable, Hashable {
    public var topic: EventTopic
    public var source: [String]

    public init(topic: EventTopic, source: [String]) {
        self.topic = topic
        self.source = source
    }
}
