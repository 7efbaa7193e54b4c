import ONVIF
import Testing
@testable import Discovery

@Suite struct DiscoveryMessageTests {
    @Test func helloCarriesWhatWSDiscoveryAsks() throws {
        let target = DiscoveryFixtures.target(1)
        let bytes = DiscoveryMessage.hello(target, messageID: "urn:uuid:m1", sequence: AppSequence(instanceID: 7, messageNumber: 3))
        let envelope = try DiscoveryFixtures.parse(bytes)
        let header = try #require(envelope.child("Header", in: WSDiscoveryNamespace.envelope))
        #expect(header.child("Action", in: WSDiscoveryNamespace.addressing)?.trimmedText == WSDiscoveryNamespace.helloAction)
        #expect(header.child("MessageID", in: WSDiscoveryNamespace.addressing)?.trimmedText == "urn:uuid:m1")
        #expect(header.child("To", in: WSDiscoveryNamespace.addressing)?.trimmedText == WSDiscoveryNamespace.multicastTo)
        let sequence = try #require(header.child("AppSequence", in: WSDiscoveryNamespace.discovery))
        #expect(sequence.attributes[XMLName("", "InstanceId")] == "7")
        #expect(sequence.attributes[XMLName("", "MessageNumber")] == "3")
        let hello = try #require(envelope.child("Body")?.child("Hello", in: WSDiscoveryNamespace.discovery))
        #expect(hello.children.map(\.name.local) == ["EndpointReference", "Types", "Scopes", "XAddrs", "MetadataVersion"])
        #expect(hello.child("EndpointReference")?.child("Address")?.trimmedText == target.endpointReference)
        #expect(hello.child("Types")?.trimmedText == "dn:NetworkVideoTransmitter tds:Device")
        #expect(hello.child("Scopes")?.trimmedText == target.scopes.joined(separator: " "))
        #expect(hello.child("XAddrs")?.trimmedText == "http://10.0.0.1:8080/onvif/cam-1/device_service")
        #expect(hello.child("MetadataVersion")?.trimmedText == "1")
    }

    @Test func byeNamesTheEndpoint() throws {
        let target = DiscoveryFixtures.target(2)
        let envelope = try DiscoveryFixtures.parse(DiscoveryMessage.bye(target, messageID: "urn:uuid:m2", sequence: AppSequence(instanceID: 1)))
        let bye = try #require(envelope.child("Body")?.child("Bye", in: WSDiscoveryNamespace.discovery))
        #expect(bye.children.map(\.name.local) == ["EndpointReference"])
        #expect(bye.child("EndpointReference")?.child("Address")?.trimmedText == target.endpointReference)
    }

    @Test func probeMatchesRelateToTheProbe() throws {
        let bytes = DiscoveryMessage.probeMatches(
            [DiscoveryFixtures.target(1), DiscoveryFixtures.target(2)], relatesTo: "uuid:probe", messageID: "urn:uuid:m3",
            sequence: AppSequence(instanceID: 1))
        let envelope = try DiscoveryFixtures.parse(bytes)
        let header = try #require(envelope.child("Header"))
        #expect(header.child("RelatesTo", in: WSDiscoveryNamespace.addressing)?.trimmedText == "uuid:probe")
        #expect(header.child("To")?.trimmedText == WSDiscoveryNamespace.anonymous)
        #expect(try DiscoveryFixtures.references(bytes) == [DiscoveryFixtures.target(1).endpointReference, DiscoveryFixtures.target(2).endpointReference])
    }

    /// A camera's values cannot open a tag, and white space cannot split a URI in a list.
    @Test func valuesAreEscaped() throws {
        var target = DiscoveryFixtures.target(1)
        target.scopes = ["onvif://www.onvif.org/name/a<b>&c d"]
        let bytes = DiscoveryMessage.hello(target, messageID: "urn:uuid:m", sequence: AppSequence(instanceID: 1))
        let hello = try #require(try DiscoveryFixtures.parse(bytes).child("Body")?.child("Hello"))
        #expect(hello.child("Scopes")?.trimmedText == "onvif://www.onvif.org/name/a<b>&c%20d")
    }

    /// What a Hello says is what a Probe for it finds: the camera matches a Probe made of its own types and scopes.
    @Test func roundTripThroughAProbe() throws {
        let target = DiscoveryFixtures.target(3)
        let inner = "<d:Types>dn:NetworkVideoTransmitter tds:Device</d:Types><d:Scopes>" + target.scopes.joined(separator: " ") + "</d:Scopes>"
        let probe = try #require(Probe.parse(Array(ProbeVectors.probe(id: "urn:uuid:r", inner: inner).utf8)))
        #expect(target.matches(probe))
        #expect(!DiscoveryFixtures.target(4).matches(probe))
    }
}
