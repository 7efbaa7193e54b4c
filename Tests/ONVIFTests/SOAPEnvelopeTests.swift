@testable import ONVIF
import Testing

@Suite struct SOAPEnvelopeTests {
    @Test func readsTheOperationWhateverThePrefix() throws {
        for prefix in ["s", "env", "SOAP-ENV"] {
            let text = SOAPSamples.envelope(#"<x:GetProfiles xmlns:x="http://www.onvif.org/ver10/media/wsdl"/>"#, prefix: prefix)
            let envelope = try SOAPEnvelope.parse(SOAPSamples.bytes(text))
            #expect(envelope.operation.name == XMLName(SOAPNamespace.media, "GetProfiles"))
            #expect(envelope.headers.isEmpty)
        }
    }

    @Test func readsArgumentsAndHeaders() throws {
        let header = SOAPSamples.security(user: "admin", password: "pw", type: "PasswordText", nonce: nil, created: nil)
        let text = SOAPSamples.getStreamUri("Profile_sub").replacingOccurrences(of: "<s:Body>", with: "<s:Header>\(header)</s:Header><s:Body>")
        let envelope = try SOAPEnvelope.parse(SOAPSamples.bytes(text))
        #expect(envelope.operation.child("ProfileToken", in: SOAPNamespace.media)?.trimmedText == "Profile_sub")
        #expect(envelope.headers.map(\.name) == [XMLName(SOAPNamespace.wsse, "Security")])
        let token = try UsernameToken.find(in: envelope.headers)
        #expect(token == UsernameToken(username: "admin", password: "pw", passwordType: .text))
    }

    @Test func soap11IsAVersionMismatch() {
        let text = #"<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Body><GetScopes/></e:Body></e:Envelope>"#
        #expect(throws: SOAPFault(.versionMismatch, reason: "only SOAP 1.2 envelopes (\(SOAPNamespace.envelope)) are accepted")) {
            try SOAPEnvelope.parse(SOAPSamples.bytes(text))
        }
    }

    @Test func mandatoryHeadersMustBeUnderstood() throws {
        let unknown = SOAPSamples.envelope("<GetScopes/>", header: #"<x:Thing xmlns:x="urn:x" s:mustUnderstand="true"/>"#)
        #expect(throws: SOAPFault(.mustUnderstand, reason: "header block {urn:x}Thing is not understood")) {
            try SOAPEnvelope.parse(SOAPSamples.bytes(unknown))
        }
        let addressing = SOAPSamples.envelope(
            "<GetScopes/>", header: #"<a:Action xmlns:a="http://www.w3.org/2005/08/addressing" s:mustUnderstand="1">x</a:Action>"#)
        #expect(try SOAPEnvelope.parse(SOAPSamples.bytes(addressing)).headers.count == 1)
        let optional = SOAPSamples.envelope("<GetScopes/>", header: #"<x:Thing xmlns:x="urn:x"/>"#)
        #expect(try SOAPEnvelope.parse(SOAPSamples.bytes(optional)).headers.count == 1)
    }

    @Test func undeclaredPrefixAndEmptyBodyAreSenderFaults() {
        // libxml2 reports the prefix itself; either way it is a WellFormed fault.
        let undeclared = #expect(throws: SOAPFault.self) {
            try SOAPEnvelope.parse(SOAPSamples.bytes(SOAPSamples.envelope("<q:GetScopes/>")))
        }
        #expect(undeclared?.subcodes == ["WellFormed"])
        #expect(throws: SOAPFault(.sender, ["Tag"], reason: "the Body names no operation")) {
            try SOAPEnvelope.parse(SOAPSamples.bytes(SOAPSamples.envelope("")))
        }
    }

    /// Each prefix of a request is answered with a fault; only the whole one parses.
    @Test func everyTruncationIsAFault() throws {
        let bytes = SOAPSamples.bytes(SOAPSamples.getStreamUri("Profile_main"))
        for length in 0..<bytes.count {
            #expect(throws: SOAPFault.self) { try SOAPEnvelope.parse(Array(bytes.prefix(length))) }
        }
        #expect(try SOAPEnvelope.parse(bytes).operation.name.local == "GetStreamUri")
    }

    /// The fault's bytes, as ONVIF Core §5.11.2 lays one out.
    @Test func faultEnvelopeBytes() {
        let fault = SOAPFault.invalidArgVal("NoProfile", "no profile has the token 'x<y'")
        #expect(fault.httpStatus == 400)
        #expect(fault.envelope == """
            <?xml version="1.0" encoding="UTF-8"?>
            <env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:ter="http://www.onvif.org/ver10/error" \
            xmlns:tt="http://www.onvif.org/ver10/schema" xmlns:tds="http://www.onvif.org/ver10/device/wsdl" \
            xmlns:trt="http://www.onvif.org/ver10/media/wsdl" xmlns:tr2="http://www.onvif.org/ver20/media/wsdl" \
            xmlns:tev="http://www.onvif.org/ver10/events/wsdl" xmlns:wsnt="http://docs.oasis-open.org/wsn/b-2" \
            xmlns:wstop="http://docs.oasis-open.org/wsn/t-1" xmlns:tns1="http://www.onvif.org/ver10/topics" \
            xmlns:wsa="http://www.w3.org/2005/08/addressing" xmlns:tptz="http://www.onvif.org/ver20/ptz/wsdl" \
            xmlns:trc="http://www.onvif.org/ver10/recording/wsdl" xmlns:tse="http://www.onvif.org/ver10/search/wsdl" \
            xmlns:trp="http://www.onvif.org/ver10/replay/wsdl" xmlns:tmd="http://www.onvif.org/ver10/deviceIO/wsdl"><env:Body><env:Fault><env:Code><env:Value>env:Sender</env:Value>\
            <env:Subcode><env:Value>ter:InvalidArgVal</env:Value><env:Subcode><env:Value>ter:NoProfile</env:Value>\
            </env:Subcode></env:Subcode></env:Code><env:Reason><env:Text xml:lang="en">no profile has the token 'x&lt;y'\
            </env:Text></env:Reason></env:Fault></env:Body></env:Envelope>
            """)
        #expect(SOAPFault.actionNotSupported("Reboot").httpStatus == 500)
    }

    /// A fault written is read back: its code, subcodes and reason survive the round trip.
    @Test func faultRoundTrip() throws {
        let fault = SOAPFault.notAuthorized()
        let root = try XMLNode.parse(Array(fault.envelope.utf8))
        let body = try #require(root.child("Body", in: SOAPNamespace.envelope)?.child("Fault", in: SOAPNamespace.envelope))
        let code = try #require(body.child("Code", in: SOAPNamespace.envelope))
        #expect(code.child("Value")?.trimmedText == "env:Sender")
        #expect(code.child("Subcode")?.child("Value")?.trimmedText == "ter:NotAuthorized")
        #expect(body.child("Reason")?.child("Text")?.text == "Sender not authorized")
    }
}
