import ONVIF
import Testing

/// The hostile-XML battery: each body is answered with a `env:Sender/ter:WellFormed` fault
/// within a bound of time, whatever the parser behind the guard would have done with it.
@Suite struct HostileXMLTests {
    static let device = DispatcherTests.device

    static func reply(_ bytes: [UInt8]) -> (ONVIFDispatcher.Reply, Duration) {
        let clock = ContinuousClock()
        var reply: ONVIFDispatcher.Reply?
        let elapsed = clock.measure {
            reply = ONVIFDispatcher.reply(to: bytes, device: device, now: 0) { _ in nil }
        }
        return (reply!, elapsed)
    }

    static func expectRefused(_ bytes: [UInt8], because reason: String) {
        let (reply, elapsed) = reply(bytes)
        #expect(reply.status == 400)
        #expect(reply.fault?.subcodes == ["WellFormed"])
        #expect(reply.fault?.reason == reason)
        #expect(elapsed < .milliseconds(500), "answered in \(elapsed)")
    }

    @Test func entityExpansionBomb() {
        var dtd = "<!DOCTYPE s:Envelope [<!ENTITY e0 \"lol\">"
        for level in 1...9 { dtd += "<!ENTITY e\(level) \"" + String(repeating: "&e\(level - 1);", count: 10) + "\">" }
        dtd += "]>"
        let body = dtd + SOAPSamples.envelope("<GetScopes xmlns=\"http://www.onvif.org/ver10/device/wsdl\">&e9;</GetScopes>")
        Self.expectRefused(SOAPSamples.bytes(body), because: "a SOAP message must not contain a document type declaration")
    }

    @Test func externalEntity() {
        let body = "<!DOCTYPE s:Envelope [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + SOAPSamples.envelope("<GetScopes xmlns=\"http://www.onvif.org/ver10/device/wsdl\">&x;</GetScopes>")
        Self.expectRefused(SOAPSamples.bytes(body), because: "a SOAP message must not contain a document type declaration")
        // Without a DTD the reference names nothing, and is refused before the parser sees it.
        let bare = SOAPSamples.envelope("<GetScopes xmlns=\"http://www.onvif.org/ver10/device/wsdl\">&x;</GetScopes>")
        Self.expectRefused(SOAPSamples.bytes(bare), because: "only the predefined entities and character references are allowed")
    }

    @Test func tenMegabyteBody() {
        let padding = String(repeating: "A", count: 10 * 1024 * 1024)
        let body = SOAPSamples.envelope("<GetScopes xmlns=\"http://www.onvif.org/ver10/device/wsdl\">\(padding)</GetScopes>")
        Self.expectRefused(SOAPSamples.bytes(body), because: "the body is \(body.utf8.count) bytes; the limit is \(ONVIFLimits.maxBodyBytes)")
    }

    @Test func deepNesting() {
        let depth = 50_000
        let body = SOAPSamples.envelope(String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth))
        // 50,000 levels are 350 kB: too large before too deep.
        Self.expectRefused(SOAPSamples.bytes(body), because: "the body is \(body.utf8.count) bytes; the limit is \(ONVIFLimits.maxBodyBytes)")
        let withinSize = SOAPSamples.envelope(String(repeating: "<a>", count: 5000) + String(repeating: "</a>", count: 5000))
        Self.expectRefused(SOAPSamples.bytes(withinSize), because: "elements are nested deeper than \(ONVIFLimits.maxDepth)")
    }

    @Test func manyElements() {
        let body = SOAPSamples.envelope("<GetScopes>" + String(repeating: "<a/>", count: 5000) + "</GetScopes>")
        Self.expectRefused(SOAPSamples.bytes(body), because: "the body has more than \(ONVIFLimits.maxElements) elements")
    }
}
