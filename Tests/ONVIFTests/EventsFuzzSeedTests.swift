import FuzzSeedSupport
import Testing

@Suite struct EventsFuzzSeedTests {
    @Test func eventRequestSeeds() throws {
        try FuzzSeeds.check("event-requests", texts: [
            "PT10S", "P1DT2H3M4.5S", "2026-11-26T10:01:00Z",
            "tns1:RuleEngine/CellMotionDetector/Motion", "tns1:VideoSource//.|tns1:Device/Trigger/DigitalInput",
            SOAPSamples.envelope(#"<PullMessages xmlns="http://www.onvif.org/ver10/events/wsdl"><Timeout>PT5S</Timeout><MessageLimit>10</MessageLimit></PullMessages>"#),
            SOAPSamples.envelope("""
                <CreatePullPointSubscription xmlns="http://www.onvif.org/ver10/events/wsdl" xmlns:wsnt="http://docs.oasis-open.org/wsn/b-2">\
                <Filter><wsnt:TopicExpression Dialect="http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet">tns1:VideoSource//.</wsnt:TopicExpression></Filter>\
                <InitialTerminationTime>PT60S</InitialTerminationTime></CreatePullPointSubscription>
                """),
            SOAPSamples.envelope(#"<Renew xmlns="http://docs.oasis-open.org/wsn/b-2"><TerminationTime>PT120S</TerminationTime></Renew>"#),
        ])
    }
}
