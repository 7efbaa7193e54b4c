/// Probes as real clients send them, and hostile datagrams.
enum ProbeVectors {
    /// ONVIF Device Manager's shape: an unprefixed Probe, the Types prefix declared on Types.
    static let deviceManager = """
        <?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" \
        xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing"><s:Header><a:Action s:mustUnderstand="1">\
        http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</a:Action><a:MessageID>uuid:1f4a6c2e-0d33-4d4c-9a4e-6b3f0c2a9d11\
        </a:MessageID><a:ReplyTo><a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address>\
        </a:ReplyTo><a:To s:mustUnderstand="1">urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To></s:Header><s:Body>\
        <Probe xmlns="http://schemas.xmlsoap.org/ws/2005/04/discovery"><d:Types \
        xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" xmlns:dp0="http://www.onvif.org/ver10/network/wsdl">\
        dp0:NetworkVideoTransmitter</d:Types></Probe></s:Body></s:Envelope>
        """

    /// python-wsdiscovery 2.1.2's shape: indented, Types and Scopes.
    static let wsdiscovery = """
        <?xml version="1.0" ?>
        <s:Envelope xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:dn="http://www.onvif.org/ver10/network/wsdl">
        \t<s:Header>
        \t\t<a:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</a:Action>
        \t\t<a:MessageID>urn:uuid:5f021729-6559-4fba-9f65-cfbad462f1cb</a:MessageID>
        \t\t<a:To>urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To>
        \t</s:Header>
        \t<s:Body>
        \t\t<d:Probe>
        \t\t\t<d:Types>dn:NetworkVideoTransmitter</d:Types>
        \t\t\t<d:Scopes>onvif://www.onvif.org/name/cam-01</d:Scopes>
        \t\t</d:Probe>
        \t</s:Body>
        </s:Envelope>
        """

    /// A Probe for anything: no Types, no Scopes.
    static let any = probe(id: "urn:uuid:00000000-0000-4000-8000-000000000001", inner: "")

    static func probe(id: String, inner: String) -> String {
        """
        <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" \
        xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" xmlns:dn="http://www.onvif.org/ver10/network/wsdl" \
        xmlns:tds="http://www.onvif.org/ver10/device/wsdl"><s:Header><a:MessageID>\(id)</a:MessageID></s:Header>\
        <s:Body><d:Probe>\(inner)</d:Probe></s:Body></s:Envelope>
        """
    }

    /// Datagrams that are no Probe: each is dropped without an answer.
    static let notProbes: [(String, String)] = [
        ("empty", ""),
        ("not XML", "M-SEARCH * HTTP/1.1\r\n\r\n"),
        ("a DOCTYPE", "<!DOCTYPE s [<!ENTITY a \"aaaa\">]>" + any),
        ("an external entity", "<!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><s:Envelope>&x;</s:Envelope>"),
        ("SOAP 1.1", any.replacingOccurrences(of: "http://www.w3.org/2003/05/soap-envelope", with: "http://schemas.xmlsoap.org/soap/envelope/")),
        ("no MessageID", any.replacingOccurrences(of: "<a:MessageID>urn:uuid:00000000-0000-4000-8000-000000000001</a:MessageID>", with: "")),
        ("a Hello", any.replacingOccurrences(of: "d:Probe", with: "d:Hello")),
        ("an undeclared Types prefix", probe(id: "urn:uuid:2", inner: "<d:Types>zz:NetworkVideoTransmitter</d:Types>")),
        ("a QName with two colons", probe(id: "urn:uuid:3", inner: "<d:Types>dn:a:b</d:Types>")),
        ("deep nesting", probe(id: "urn:uuid:4", inner: String(repeating: "<d:X>", count: 40) + String(repeating: "</d:X>", count: 40))),
        ("too many scopes", probe(id: "urn:uuid:5", inner: "<d:Scopes>" + (0..<40).map { "onvif://x/\($0)" }.joined(separator: " ") + "</d:Scopes>")),
        ("truncated", String(any.dropLast(9))),
        ("a long MessageID", probe(id: String(repeating: "u", count: 300), inner: "")),
        ("an unclosed comment", "<!-- " + any),
    ]
}
