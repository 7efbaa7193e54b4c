/// The events service's answers that need only the device (ONVIF Core, "Event handling";
/// event.wsdl's types, in their sequence order). Subscriptions' answers are
/// ``PullPointResponses``; the state they read is ``EventSubscriptions``.
enum EventsServiceResponses {
    /// The answer to `operation`, from the device alone.
    static func respond(_ operation: EventsOperation, request: XMLNode, device: ONVIFDevice, into w: inout XMLWriter) throws(SOAPFault) {
        switch operation {
        case .getServiceCapabilities: w.element("tev:GetServiceCapabilitiesResponse") { serviceCapabilities(device, into: &$0) }
        case .getEventProperties: eventProperties(into: &w)
        default: throw SOAPFault.actionNotSupported(operation.rawValue)
        }
    }

    /// `tev:Capabilities`: ONVIF pull points only (no WS-BaseNotification `CreatePullPoint`,
    /// no pausing, no persistent storage), at most ``EventsLimits/maxSubscriptionsPerCamera``.
    static func serviceCapabilities(_ device: ONVIFDevice, into w: inout XMLWriter) {
        w.empty("tev:Capabilities", [
            ("WSSubscriptionPolicySupport", "false"), ("WSPullPointSupport", "false"),
            ("WSPausableSubscriptionManagerInterfaceSupport", "false"), ("MaxNotificationProducers", "0"),
            ("MaxPullPoints", "\(EventsLimits.maxSubscriptionsPerCamera)"), ("PersistentNotificationStorage", "false"),
        ])
    }

    /// `GetEventPropertiesResponse`: the topic set, every topic a property described by its
    /// source and data items (ONVIF Core, "Get event properties"; WS-Topics §6 topic sets).
    static func eventProperties(into w: inout XMLWriter) {
        w.element("tev:GetEventPropertiesResponse") { w in
            w.element("tev:TopicNamespaceLocation", value: "http://www.onvif.org/onvif/ver10/topics/topicns.xml")
            w.element("wsnt:FixedTopicSet", value: "true")
            w.element("wstop:TopicSet") { w in writeTopics(EventTopic.allCases.map { (topic: $0, rest: $0.parts[...]) }, into: &w) }
            w.element("wsnt:TopicExpressionDialect", value: TopicFilter.Dialect.concrete.rawValue)
            w.element("wsnt:TopicExpressionDialect", value: TopicFilter.Dialect.concreteSet.rawValue)
            w.element("tev:MessageContentFilterDialect", value: "http://www.onvif.org/ver10/tev/messageContentFilter/ItemFilter")
            w.element("tev:MessageContentSchemaLocation", value: "http://www.onvif.org/onvif/ver10/schema/onvif.xsd")
        }
    }

    /// The topics as a tree: each first part an element, the rest of the path inside it,
    /// the last part carrying `wstop:topic="true"` and the message description.
    private static func writeTopics(_ topics: [(topic: EventTopic, rest: ArraySlice<Substring>)], into w: inout XMLWriter) {
        var order: [Substring] = []
        for entry in topics where !order.contains(entry.rest.first!) { order.append(entry.rest.first!) }
        for name in order {
            let group = topics.filter { $0.rest.first == name }
            let leaf = group.first { $0.rest.count == 1 }
            let deeper = group.filter { $0.rest.count > 1 }.map { (topic: $0.topic, rest: $0.rest.dropFirst()) }
            w.element("tns1:" + name, leaf == nil ? [] : [("wstop:topic", "true")]) { w in
                if let leaf { messageDescription(leaf.topic, into: &w) }
                writeTopics(deeper, into: &w)
            }
        }
    }

    /// `tt:MessageDescription` (onvif.xsd): a property, its source items, then its data item.
    private static func messageDescription(_ topic: EventTopic, into w: inout XMLWriter) {
        w.element("tt:MessageDescription", [("IsProperty", "true"), ("xmlns:xs", "http://www.w3.org/2001/XMLSchema")]) { w in
            w.element("tt:Source") { w in
                for item in topic.sourceItems { w.empty("tt:SimpleItemDescription", [("Name", item.name), ("Type", item.type)]) }
            }
            w.element("tt:Data") { w in
                w.empty("tt:SimpleItemDescription", [("Name", topic.dataItem.name), ("Type", topic.dataItem.type)])
            }
        }
    }
}
