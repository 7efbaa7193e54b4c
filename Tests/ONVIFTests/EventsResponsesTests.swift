@testable import ONVIF
import Testing

@Suite struct EventsResponsesTests {
    static let now = DispatcherTests.now

    static func body(_ text: String) throws -> XMLNode {
        let root = try XMLNode.parse(Array(text.utf8))
        return try #require(root.child("Body", in: SOAPNamespace.envelope)?.children.first)
    }

    @Test func eventPropertiesListEveryTopicAsAPropertyWithItsItems() throws {
        let reply = DispatcherTests.reply(SOAPSamples.envelope(#"<GetEventProperties xmlns="http://www.onvif.org/ver10/events/wsdl"/>"#))
        #expect(reply.status == 200)
        let response = try DispatcherTests.response(reply)
        #expect(response.children.map(\.name.local) == [
            "TopicNamespaceLocation", "FixedTopicSet", "TopicSet", "TopicExpressionDialect", "TopicExpressionDialect",
            "MessageContentFilterDialect", "MessageContentSchemaLocation",
        ])
        let set = try #require(response.child("TopicSet", in: SOAPNamespace.topics))
        for topic in EventTopic.allCases {
            var node = set
            for part in topic.parts { node = try #require(node.child(String(part), in: SOAPNamespace.onvifTopics), "\(topic)") }
            #expect(node.attributes[XMLName(SOAPNamespace.topics, "topic")] == "true")
            let description = try #require(node.child("MessageDescription", in: SOAPNamespace.schema))
            #expect(description.attributes[XMLName("", "IsProperty")] == "true")
            let sources = description.child("Source")?.children.compactMap { $0.attributes[XMLName("", "Name")] }
            #expect(sources == topic.sourceItems.map(\.name))
            #expect(description.child("Data")?.child("SimpleItemDescription")?.attributes[XMLName("", "Name")] == topic.dataItem.name)
        }
    }

    @Test func pulledMessagesCarryTopicTimeOperationSourceAndData() throws {
        let message = EventMessage(
            topic: .cellMotion, source: EventTopic.cellMotion.videoSourceValues(), state: true, time: Self.now + 250_000_000, operation: .changed)
        let response = try Self.body(PullPointResponses.pulled([message], now: Self.now, termination: Self.now + 60_000_000_000))
        #expect(response.children.map(\.name.local) == ["CurrentTime", "TerminationTime", "NotificationMessage"])
        #expect(response.child("TerminationTime")?.text == "2026-11-26T10:01:00Z")
        let notification = try #require(response.child("NotificationMessage", in: SOAPNamespace.notification))
        let topic = try #require(notification.child("Topic"))
        #expect(topic.text == "tns1:RuleEngine/CellMotionDetector/Motion")
        #expect(topic.attributes[XMLName("", "Dialect")] == TopicFilter.Dialect.concreteSet.rawValue)
        let inner = try #require(notification.child("Message")?.child("Message", in: SOAPNamespace.schema))
        #expect(inner.attributes[XMLName("", "UtcTime")] == "2026-11-26T10:00:00.250Z")
        #expect(inner.attributes[XMLName("", "PropertyOperation")] == "Changed")
        let source = inner.child("Source")?.children.map { [$0.attributes[XMLName("", "Name")], $0.attributes[XMLName("", "Value")]] }
        #expect(source?.first == ["VideoSourceConfigurationToken", ONVIFDevice.videoSourceConfigurationToken])
        let data = try #require(inner.child("Data")?.child("SimpleItem"))
        #expect(data.attributes[XMLName("", "Name")] == "IsMotion")
        #expect(data.attributes[XMLName("", "Value")] == "true")
    }

    @Test func createPullPointArgumentsAreRead() throws {
        let request = try Self.body(SOAPSamples.envelope("""
            <CreatePullPointSubscription xmlns="http://www.onvif.org/ver10/events/wsdl" xmlns:wsnt="http://docs.oasis-open.org/wsn/b-2">
              <Filter><wsnt:TopicExpression Dialect="http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet">tns1:VideoSource//.</wsnt:TopicExpression></Filter>
              <InitialTerminationTime>PT30S</InitialTerminationTime>
            </CreatePullPointSubscription>
            """))
        let arguments = try EventsRequests.createPullPoint(request, now: Self.now)
        #expect(arguments.termination == Self.now + 30_000_000_000)
        #expect(!arguments.filter.matches(.cellMotion))
        #expect(arguments.filter.matches(.globalSceneChange))
        let bare = try Self.body(SOAPSamples.envelope(#"<CreatePullPointSubscription xmlns="http://www.onvif.org/ver10/events/wsdl"/>"#))
        #expect(try EventsRequests.createPullPoint(bare, now: Self.now) == EventsRequests.CreatePullPoint(filter: .all, termination: nil))
        let bad = try Self.body(SOAPSamples.envelope(
            #"<CreatePullPointSubscription xmlns="http://www.onvif.org/ver10/events/wsdl"><InitialTerminationTime>tomorrow</InitialTerminationTime></CreatePullPointSubscription>"#))
        #expect(throws: SOAPFault.self) { try EventsRequests.createPullPoint(bad, now: Self.now) }
    }

    @Test func pullArgumentsAreBounded() throws {
        let request = try Self.body(SOAPSamples.envelope(
            #"<PullMessages xmlns="http://www.onvif.org/ver10/events/wsdl"><Timeout>PT23H</Timeout><MessageLimit>100000</MessageLimit></PullMessages>"#))
        let pull = try EventsRequests.pull(request)
        #expect(pull.timeout == EventsLimits.maxPullTimeout)
        #expect(pull.limit == EventsLimits.maxMessageLimit)
        let missing = try Self.body(SOAPSamples.envelope(#"<PullMessages xmlns="http://www.onvif.org/ver10/events/wsdl"><Timeout>PT1S</Timeout></PullMessages>"#))
        #expect(throws: SOAPFault.self) { try EventsRequests.pull(missing) }
    }
}
