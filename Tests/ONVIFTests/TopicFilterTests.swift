@testable import ONVIF
import Testing

@Suite struct TopicFilterTests {
    static let concreteSet = TopicFilter.Dialect.concreteSet.rawValue

    @Test(arguments: [
        ("tns1:RuleEngine/CellMotionDetector/Motion", [EventTopic.cellMotion]),
        ("tns1:VideoSource//.", [.motionAlarm, .globalSceneChange]),
        ("tns1:VideoSource/MotionAlarm|tns1:Device/Trigger/DigitalInput", [.motionAlarm, .digitalInput]),
        (" tt:RuleEngine/CellMotionDetector/Motion ", [.cellMotion]),
    ])
    func concreteSetExpressionsMatchTheirTopics(expression: String, topics: [EventTopic]) throws {
        let filter = try TopicFilter(expression: expression, dialect: Self.concreteSet)
        #expect(EventTopic.allCases.filter(filter.matches) == topics)
    }

    @Test func simpleDialectMatchesARootTopicsTree() throws {
        let filter = try TopicFilter(expression: "tns1:VideoSource", dialect: TopicFilter.Dialect.simple.rawValue)
        #expect(EventTopic.allCases.filter(filter.matches) == [.motionAlarm, .globalSceneChange])
        #expect(throws: SOAPFault.self) { try TopicFilter(expression: "tns1:VideoSource/MotionAlarm", dialect: TopicFilter.Dialect.simple.rawValue) }
    }

    @Test func aConcreteExpressionMatchesOnlyItsOwnTopic() throws {
        let filter = try TopicFilter(expression: "tns1:VideoSource/GlobalSceneChange/ImagingService", dialect: TopicFilter.Dialect.concrete.rawValue)
        #expect(EventTopic.allCases.filter(filter.matches) == [.globalSceneChange])
        #expect(TopicFilter.all.matches(.cellMotion))
    }

    @Test(arguments: [
        ("tns1:RuleEngine/CellMotionDetector/Motion", "http://example.com/dialect", "TopicExpressionDialectUnknownFault"),
        ("tns1:RuleEngine//Motion", concreteSet, "InvalidTopicExpressionFault"),
        ("tns1:Nothing/Here", concreteSet, "TopicNotSupportedFault"),
        ("", concreteSet, "InvalidTopicExpressionFault"),
    ])
    func badExpressionsGetTheirFaults(expression: String, dialect: String, subcode: String) {
        #expect(throws: SOAPFault(.sender, ["InvalidArgVal", subcode], reason: "")) {
            do throws(SOAPFault) {
                _ = try TopicFilter(expression: expression, dialect: dialect)
            } catch {
                throw SOAPFault(error.code, error.subcodes, reason: "")
            }
        }
    }
}
