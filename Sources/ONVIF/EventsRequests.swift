/// The arguments of the event service's stateful requests, read from their body element
/// (event.wsdl; WS-BaseNotification's `Renew`). Missing optional values take defaults,
/// values out of range are faults naming the argument.
public enum EventsRequests {
    /// `CreatePullPointSubscription`: the topic filter and the termination time asked for.
    public struct CreatePullPoint: Sendable, Equatable {
        public var filter: TopicFilter
        /// Nanoseconds since 1970, nil for the default.
        public var termination: Int64?
    }

    /// `PullMessages`: how long to wait (nanoseconds) and how many messages at most.
    public struct Pull: Sendable, Equatable {
        public var timeout: Int64
        public var limit: Int
    }

    public static func createPullPoint(_ body: XMLNode, now: Int64) throws(SOAPFault) -> CreatePullPoint {
        var filter = TopicFilter.all
        if let expression = body.child("Filter", in: SOAPNamespace.events)?.child("TopicExpression", in: SOAPNamespace.notification) {
            filter = try TopicFilter(expression: expression.text, dialect: expression.attributes[XMLName("", "Dialect")])
        }
        var termination: Int64?
        if let node = body.child("InitialTerminationTime", in: SOAPNamespace.events), !node.trimmedText.isEmpty {
            guard let value = TerminationTimeValue.resolve(node.trimmedText, now: now) else {
                throw SOAPFault.invalidArgVal("UnacceptableInitialTerminationTimeFault", "InitialTerminationTime '\(node.trimmedText)' is neither an xs:dateTime nor an xs:duration")
            }
            termination = value
        }
        return CreatePullPoint(filter: filter, termination: termination)
    }

    public static func pull(_ body: XMLNode) throws(SOAPFault) -> Pull {
        guard let timeoutText = body.child("Timeout", in: SOAPNamespace.events)?.trimmedText,
              let timeout = XSDuration.parse(timeoutText)
        else { throw SOAPFault.invalidArgVal(nil, "the PullMessages Timeout is not an xs:duration") }
        guard let limitText = body.child("MessageLimit", in: SOAPNamespace.events)?.trimmedText, let limit = Int(limitText), limit >= 0 else {
            throw SOAPFault.invalidArgVal(nil, "the PullMessages MessageLimit is not a non-negative integer")
        }
        return Pull(timeout: min(timeout, EventsLimits.maxPullTimeout), limit: min(limit, EventsLimits.maxMessageLimit))
    }

    /// `Renew`'s `TerminationTime`, nil when it is empty (nil, in WS-BaseNotification: the default life).
    public static func renew(_ body: XMLNode, now: Int64) throws(SOAPFault) -> Int64? {
        guard let node = body.child("TerminationTime", in: SOAPNamespace.notification), !node.trimmedText.isEmpty else { return nil }
        guard let value = TerminationTimeValue.resolve(node.trimmedText, now: now) else {
            throw SOAPFault.invalidArgVal("UnacceptableTerminationTimeFault", "TerminationTime '\(node.trimmedText)' is neither an xs:dateTime nor an xs:duration")
        }
        return value
    }
}

