import ONVIF
import Testing
@testable import Discovery

@Suite struct ProbeTests {
    @Test func readsDeviceManagersProbe() throws {
        let probe = try #require(Probe.parse(Array(ProbeVectors.deviceManager.utf8)))
        #expect(probe.messageID == "uuid:1f4a6c2e-0d33-4d4c-9a4e-6b3f0c2a9d11")
        #expect(probe.types == [ProbeType(namespace: WSDiscoveryNamespace.network, local: "NetworkVideoTransmitter")])
        #expect(probe.scopes.isEmpty)
        #expect(probe.matchBy == .rfc3986)
    }

    @Test func readsWSDiscoverysProbe() throws {
        let probe = try #require(Probe.parse(Array(ProbeVectors.wsdiscovery.utf8)))
        #expect(probe.messageID == "urn:uuid:5f021729-6559-4fba-9f65-cfbad462f1cb")
        #expect(probe.types.map(\.local) == ["NetworkVideoTransmitter"])
        #expect(probe.scopes == ["onvif://www.onvif.org/name/cam-01"])
    }

    @Test func readsMatchByAndLists() throws {
        let inner = """
            <d:Types> dn:NetworkVideoTransmitter\n tds:Device </d:Types>\
            <d:Scopes MatchBy="http://schemas.xmlsoap.org/ws/2005/04/discovery/strcmp0">onvif://a/b  onvif://c</d:Scopes>
            """
        let probe = try #require(Probe.parse(Array(ProbeVectors.probe(id: "urn:uuid:9", inner: inner).utf8)))
        #expect(probe.types == [
            ProbeType(namespace: WSDiscoveryNamespace.network, local: "NetworkVideoTransmitter"),
            ProbeType(namespace: WSDiscoveryNamespace.device, local: "Device"),
        ])
        #expect(probe.scopes == ["onvif://a/b", "onvif://c"])
        #expect(probe.matchBy == .strcmp0)
    }

    @Test(arguments: ProbeVectors.notProbes)
    func dropsWhatIsNoProbe(_ name: String, _ text: String) {
        #expect(Probe.parse(Array(text.utf8)) == nil, "\(name)")
    }

    @Test func dropsOversizedDatagrams() {
        let padding = "<!--" + String(repeating: "x", count: DiscoveryLimits.maxProbeBytes) + "-->"
        #expect(Probe.parse(Array((ProbeVectors.any + padding).utf8)) == nil)
    }

    /// A datagram arrives whole: every proper prefix of a Probe is no Probe, and none traps.
    @Test func everyPrefixOfAProbeIsDropped() {
        for vector in [ProbeVectors.deviceManager, ProbeVectors.wsdiscovery] {
            let bytes = Array(vector.utf8)
            // Trailing white space after the root may be cut and still leave a whole Probe.
            let whole = bytes.lastIndex(of: UInt8(ascii: ">"))! + 1
            for cut in 0..<whole { #expect(Probe.parse(Array(bytes[..<cut])) == nil, "cut at \(cut)") }
            #expect(Probe.parse(bytes) != nil)
        }
    }

    @Test func namespaceDeclarationsCollectEveryBinding() {
        let declarations = NamespaceDeclarations(scanning: Array("""
            <a xmlns="urn:default" xmlns:p='urn:one'><b xmlns:p = "urn:two" x="xmlns:q='urn:no'"/></a>
            """.utf8))
        #expect(declarations.prefixes == ["": ["urn:default"], "p": ["urn:one", "urn:two"]])
    }
}
