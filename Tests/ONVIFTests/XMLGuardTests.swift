import ONVIF
import Testing

@Suite struct XMLGuardTests {
    /// Bodies and what the guard says of them (nil: passed to the parser). Also the fuzz
    /// seeds of `fuzz-soap-envelope`.
    static let cases: [(String, XMLGuard.Problem?)] = [
        (SOAPSamples.getSystemDateAndTime, nil),
        (SOAPSamples.getStreamUri("Profile_main"), nil),
        ("<a><!-- <b> --><![CDATA[<c>&x;]]>&lt;&#65;&#x41;</a>", nil),
        ("<a b='>' c=\"&amp;\"/>", nil),
        ("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>", .documentTypeDeclaration),
        ("<!DOCTYPE a SYSTEM \"file:///etc/passwd\"><a/>", .documentTypeDeclaration),
        ("<a><!ENTITY x \"y\"></a>", .documentTypeDeclaration),
        ("<a>&x;</a>", .unknownEntity),
        ("<a>&amp</a>", .unknownEntity),
        ("<a b=\"&ext;\"/>", .unknownEntity),
        ("<a></b>", .malformed("an end tag does not match its start tag")),
        ("<a>", .malformed("an element is not closed")),
        ("<a/><b/>", .malformed("a second root element")),
        ("text<a/>", .malformed("text outside the root element")),
        ("", .malformed("no root element")),
        ("<a b=\"<\"/>", .malformed("'<' in an attribute value")),
        ("<a><!-- open</a>", .malformed("a comment is not closed")),
        ("< a/>", .malformed("a '<' that starts no tag")),
        ("\u{FEFF}<a/>", nil),
        ("<a b='1' b='2'/>", .malformed("an attribute given twice")),
        ("<p:a/>", .malformed("an undeclared namespace prefix")),
        ("<p:a xmlns:p='urn:p'><p:b q:c='1'/></p:a>", .malformed("an undeclared namespace prefix")),
        ("<s:Envelope xJJJJ/>", .malformed("an attribute without a value")),
        ("<a b/>", .malformed("an attribute without a value")),
        ("<a b='1'c='2'/>", .malformed("an attribute without a name")),
        ("<a><!-- x -- y --></a>", .malformed("'--' inside a comment")),
        ("<a>&#0;</a>", .malformed("a character reference to no character XML allows")),
        ("<a><?pi x?></a>", .malformed("a processing instruction")),
        ("<a>\u{01}</a>", .malformed("a control character")),
        ("<a xmlns:p=\"\"/>", .malformed("an empty namespace declaration")),
        ("<a>]]></a>", .malformed("']]>' in text")),
        ("<?xml version=\"1.0\" encoding=\"<\"?><a/>", .malformed("the XML declaration has characters it cannot hold")),
        ("<a:b:c xmlns:a='urn:a'/>", .malformed("a '<' that starts no tag")),
        ("<a xmlns='oasis-2004[1'/>", .malformed("a namespace name that is not an absolute URI")),
        ("<p:a xmlns:p='http://x/2004[1'/>", .malformed("a namespace name that is not an absolute URI")),
        ("<p:a xmlns:p='http://docs.oasis-open.xmlns:s/2004'/>", .malformed("a namespace name that is not an absolute URI")),
        ("<p:a xmlns:p='urn:x%4'/>", .malformed("a namespace name that is not an absolute URI")),
        ("<p:a xmlns:p='http://127.0.0.1:8080/x#y'/>", nil),
    ]

    @Test(arguments: cases.indices) func guardsEachCase(_ index: Int) {
        let (text, expected) = Self.cases[index]
        #expect(XMLGuard().check(SOAPSamples.bytes(text)) == expected, "\(text)")
    }

    @Test func refusesUTF16() {
        #expect(XMLGuard().check([0xFF, 0xFE, 0x3C, 0x00, 0x61, 0x00]) == .unsupportedEncoding)
    }

    @Test func boundsDepthElementsAndSize() {
        let deep = String(repeating: "<a>", count: ONVIFLimits.maxDepth + 1) + String(repeating: "</a>", count: ONVIFLimits.maxDepth + 1)
        #expect(XMLGuard().check(SOAPSamples.bytes(deep)) == .tooDeep)
        let atLimit = String(repeating: "<a>", count: ONVIFLimits.maxDepth) + String(repeating: "</a>", count: ONVIFLimits.maxDepth)
        #expect(XMLGuard().check(SOAPSamples.bytes(atLimit)) == nil)
        let wide = "<a>" + String(repeating: "<b/>", count: ONVIFLimits.maxElements) + "</a>"
        #expect(XMLGuard().check(SOAPSamples.bytes(wide)) == .tooManyElements)
        let big = [UInt8](repeating: 0x20, count: ONVIFLimits.maxBodyBytes + 1)
        #expect(XMLGuard().check(big) == .tooLarge(bytes: ONVIFLimits.maxBodyBytes + 1))
    }

    /// Every truncation of a good envelope is refused, never passed on as whole.
    @Test func everyTruncationIsRefused() {
        let bytes = SOAPSamples.bytes(SOAPSamples.getStreamUri("Profile_main"))
        for length in 0..<bytes.count {
            #expect(XMLGuard().check(Array(bytes.prefix(length))) != nil, "prefix of \(length) bytes")
        }
    }
}
