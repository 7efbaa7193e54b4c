import ONVIF
import Testing

@Suite struct EndpointReferenceTests {
    @Test func stableAndDistinct() {
        let a = EndpointReference.uuid(path: "lobby", seed: 1)
        #expect(a == EndpointReference.uuid(path: "lobby", seed: 1))
        #expect(a != EndpointReference.uuid(path: "lobby", seed: 2))
        #expect(a != EndpointReference.uuid(path: "door", seed: 1))
        #expect(a.count == 36)
        let characters = Array(a)
        #expect(characters[14] == "5")
        #expect("89ab".contains(characters[19]))
        #expect(EndpointReference.urn(path: "lobby", seed: 1) == "urn:uuid:" + a)
    }
}
